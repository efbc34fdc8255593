// Messages of the filter fields (the criteria dialog's, the Contacts list's): the hint under a filter that
// probably does not mean what it says, and an invalid filter's problem and marked position.
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
  'error.INVALID_FILTER.boolean':
    'The filter on {field}: "{value}" is not a value of this field. Accepted values: Yes, No.',
  // A filter that cannot be read: where, then what is wrong (the `expected` of the parser's error).
  'error.INVALID_FILTER.closingParenthesis':
    'The filter on {field} is not valid at position {position}: the ) that closes the ( at position {open} is missing.',
  'error.INVALID_FILTER.openingParenthesis':
    'The filter on {field} is not valid at position {position}: this ) has no ( to close.',
  'error.INVALID_FILTER.closingQuote':
    "The filter on {field} is not valid at position {position}: the ' that closes the quote opened here is missing.",
  'error.INVALID_FILTER.valueAfter':
    'The filter on {field} is not valid at position {position}: a value is missing after {operator}.',
  'error.INVALID_FILTER.valueBefore':
    'The filter on {field} is not valid at position {position}: a value is missing before {operator}.',
  'error.INVALID_FILTER.rangeEnd':
    'The filter on {field} is not valid at position {position}: a range needs a value before or after .. (for example A.. or ..C).',
  'error.INVALID_FILTER.oneRange':
    'The filter on {field} is not valid at position {position}: a range has only one .. (for example A..C); separate several ranges with |.',
  'error.INVALID_FILTER.connector':
    'The filter on {field} is not valid at position {position}: | (or) or & (and) is missing before {found}.',
  'error.INVALID_FILTER.oneAt':
    'The filter on {field} is not valid at position {position}: @ is written twice; once is enough.',
  'error.INVALID_FILTER.fewerParentheses':
    'The filter on {field} is not valid at position {position}: at most {max} parentheses can be open one inside another.',
  'error.INVALID_FILTER.wildcardEquals':
    'The filter on {field} is not valid at position {position}: * and ? work only with = and <>, not in a range or with <, <=, > or >=.',
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
  'error.INVALID_FILTER.boolean':
    'Il filtro su {field}: "{value}" non è un valore di questo campo. Valori ammessi: Sì, No.',
  'error.INVALID_FILTER.closingParenthesis':
    'Il filtro su {field} non è valido alla posizione {position}: manca la ) che chiude la ( alla posizione {open}.',
  'error.INVALID_FILTER.openingParenthesis':
    'Il filtro su {field} non è valido alla posizione {position}: questa ) non chiude alcuna (.',
  'error.INVALID_FILTER.closingQuote':
    "Il filtro su {field} non è valido alla posizione {position}: manca la virgoletta ' che chiude quella aperta in questa posizione.",
  'error.INVALID_FILTER.valueAfter':
    'Il filtro su {field} non è valido alla posizione {position}: manca un valore dopo {operator}.',
  'error.INVALID_FILTER.valueBefore':
    'Il filtro su {field} non è valido alla posizione {position}: manca un valore prima di {operator}.',
  'error.INVALID_FILTER.rangeEnd':
    'Il filtro su {field} non è valido alla posizione {position}: un intervallo richiede un valore prima o dopo .. (ad esempio A.. o ..C).',
  'error.INVALID_FILTER.oneRange':
    'Il filtro su {field} non è valido alla posizione {position}: un intervallo contiene un solo .. (ad esempio A..C); separare più intervalli con |.',
  'error.INVALID_FILTER.connector':
    'Il filtro su {field} non è valido alla posizione {position}: manca | (o) oppure & (e) prima di {found}.',
  'error.INVALID_FILTER.oneAt':
    'Il filtro su {field} non è valido alla posizione {position}: @ è scritto due volte; ne basta uno.',
  'error.INVALID_FILTER.fewerParentheses':
    'Il filtro su {field} non è valido alla posizione {position}: al massimo {max} parentesi possono essere aperte una dentro l\u2019altra.',
  'error.INVALID_FILTER.wildcardEquals':
    'Il filtro su {field} non è valido alla posizione {position}: * e ? valgono solo con = e <>, non in un intervallo né con <, <=, > o >=.',
  'error.INVALID_FILTER.extraColumn': 'Nessun contatto ha una colonna importata denominata "{header}".',
  'error.INVALID_FILTER.extraColumn.suggest':
    'Nessun contatto ha una colonna importata denominata "{header}". Forse si intendeva "{suggestion}"?',
  'criteria.previewBlocked': 'Impossibile calcolare l\u2019anteprima: correggere il filtro indicato sopra.',
};

export const criteriaMessages: MessageCatalog = { en, it };
