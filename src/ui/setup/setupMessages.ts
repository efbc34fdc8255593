// Messages of Setup's fields: what each takes, and why a value is refused, at its field.
import type { MessageCatalog } from '../common/i18n';

const en = {};

const it: typeof en = {};

export const setupMessages: MessageCatalog = { en, it };
