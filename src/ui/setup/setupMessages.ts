// Messages of Setup's fields: what each takes, and why a value is refused, at its field.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'setup.rule.required': '{field} must have a value.',
  'setup.rule.tooLong': '{field} can have at most {max} characters.',
  'setup.rule.series': '{field} must end with digits, e.g. {example}.',
  'setup.rule.locale': '{field} must name a language, with its country if needed, e.g. it-IT, en-US, de.',
  'setup.rule.text': '{field} contains a character that cannot be stored (a line break or a control character).',
};

const it: typeof en = {
  'setup.rule.required': '{field} deve avere un valore.',
  'setup.rule.tooLong': '{field} può contenere al massimo {max} caratteri.',
  'setup.rule.series': '{field} deve terminare con delle cifre, ad esempio {example}.',
  'setup.rule.locale': '{field} deve indicare una lingua, con il paese se necessario, ad esempio it-IT, en-US, de.',
  'setup.rule.text':
    '{field} contiene un carattere che non può essere salvato (un a capo o un carattere di controllo).',
};

export const setupMessages: MessageCatalog = { en, it };
