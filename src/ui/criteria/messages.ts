// Messages of the criteria dialog's filter fields: the hint under a filter that probably does not mean
// what it says, and the marked position of an invalid filter.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'filter.hint.loneOperator':
    '{operator} means "and" between two parts of a filter, so this selects every contact. To find the character {operator} itself, write {literal}',
  'filter.hint.loneOperator.or':
    '{operator} means "or" between two parts of a filter, so this selects every contact. To find the character {operator} itself, write {literal}',
  'filter.error.at': 'The error is at the marked character:',
  'filter.error.atEnd': 'The filter ends too early:',
};

const it: typeof en = {
  'filter.hint.loneOperator':
    '{operator} significa "e" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere {operator}, scrivere {literal}',
  'filter.hint.loneOperator.or':
    '{operator} significa "o" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere {operator}, scrivere {literal}',
  'filter.error.at': 'L\u2019errore è nel carattere evidenziato:',
  'filter.error.atEnd': 'Il filtro termina troppo presto:',
};

export const criteriaMessages: MessageCatalog = { en, it };
