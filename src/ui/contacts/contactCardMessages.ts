// Messages of The contact card's editing: its fields, lookups and groups, and why a value is refused.
import type { MessageCatalog } from '../common/i18n';

const en = {};

const it: typeof en = {};

export const contactCardMessages: MessageCatalog = { en, it };
