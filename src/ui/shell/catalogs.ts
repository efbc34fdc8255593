// Every catalog of the pane's own pages, in the order they are merged (later ones win on a shared key).
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
];

/** The pane's language from the Office display language (it-IT → it; anything else → en). */
export function languageFor(displayLanguage: string): 'en' | 'it' {
  return displayLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}
