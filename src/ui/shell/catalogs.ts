// Every catalog of the pane's own pages, in the order they are merged (later ones win on a shared key).
// The task pane imports it per language (src/taskpane/catalogRegistry.ts): keep it a list of catalogs.
import type { MessageCatalog } from '../common/i18n';
import { fieldMessages } from '../common/fieldMessages';
import { listMessages } from '../lists/messages';
import { logListMessages } from '../log/messages';
import { segmentMessages } from '../segments/messages';
import { shellMessages } from './messages';
import { syncMessages } from './syncMessages';
import { officeCheckMessages } from '../setup/officeCheckMessages';
import { roleMessages } from '../common/roleMessages';
import { criteriaMessages } from '../criteria/messages';
import { transferMessages } from '../transfer/messages';
import { firstRunMessages } from '../setup/firstRunMessages';
import { setupMessages } from '../setup/setupMessages';
import { contactCardMessages } from '../contacts/contactCardMessages';
import { criteriaDialogMessages } from '../criteria/criteriaDialogMessages';
import { numberFilterMessages } from '../criteria/numberFilterMessages';

export const paneCatalogs: MessageCatalog[] = [
  shellMessages,
  fieldMessages,
  segmentMessages,
  listMessages,
  logListMessages,
  syncMessages,
  officeCheckMessages,
  roleMessages,
  criteriaMessages,
  transferMessages,
  firstRunMessages,
  setupMessages,
  contactCardMessages,
  criteriaDialogMessages,
  numberFilterMessages,
];

export { languageFor } from './languageFor';
