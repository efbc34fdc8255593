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
  'error.INVALID_FILTER.date':
    'The filter on {field} expects a date at position {position}, not "{value}": write it as {example}, as 2026-01-31, as digits in that order without separators (the day alone, 4 digits with the month, 6 or 8 with the year), t for today or w for the work date.',
  'error.INVALID_FILTER.number':
    'The filter on {field} expects a number at position {position}, not "{value}" (for example {example}).',
  'error.INVALID_FILTER.option':
    'The filter on {field}: "{value}" is not an option of this field. Its options: {options}.',
  'error.INVALID_FILTER.extraColumn': 'No contact has an imported column named "{header}".',
  'error.INVALID_FILTER.extraColumn.suggest':
    'No contact has an imported column named "{header}". Did you mean "{suggestion}"?',
  'criteria.previewBlocked': 'The preview needs a valid filter: correct the filter marked above.',
};

const it: typeof en = {
  'filter.hint.loneOperator':
    '{operator} significa "e" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere {operator}, scrivere {literal}',
  'filter.hint.loneOperator.or':
    '{operator} significa "o" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere {operator}, scrivere {literal}',
  'filter.error.at': 'L\u2019errore è nel carattere evidenziato:',
  'filter.error.atEnd': 'Il filtro termina troppo presto:',
  'error.INVALID_FILTER.date':
    'Il filtro su {field} richiede una data alla posizione {position}, non "{value}": scriverla come {example}, come 2026-01-31, come cifre in quell\u2019ordine senza separatori (il solo giorno, 4 cifre con il mese, 6 o 8 con l\u2019anno), t (o oggi) per la data di oggi oppure l (o lavoro) per la data di lavoro.',
  'error.INVALID_FILTER.number':
    'Il filtro su {field} richiede un numero alla posizione {position}, non "{value}" (ad esempio {example}).',
  'error.INVALID_FILTER.option':
    'Il filtro su {field}: "{value}" non è un\u2019opzione di questo campo. Opzioni: {options}.',
  'error.INVALID_FILTER.extraColumn': 'Nessun contatto ha una colonna importata denominata "{header}".',
  'error.INVALID_FILTER.extraColumn.suggest':
    'Nessun contatto ha una colonna importata denominata "{header}". Forse si intendeva "{suggestion}"?',
  'criteria.previewBlocked': 'Impossibile calcolare l\u2019anteprima: correggere il filtro indicato sopra.',
};

export const criteriaMessages: MessageCatalog = { en, it };
