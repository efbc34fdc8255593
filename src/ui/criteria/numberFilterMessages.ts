// Messages of a number in a filter whose separators the workspace locale reads otherwise: `1.5` in it-IT,
// where the point only groups thousands (1.500 is fifteen hundred), or `1,5` in en-US. The domain refuses
// it (contactFilters.ts) with `expected: 'decimalComma'` or `'decimalPoint'`; errorText.ts words
// `error.INVALID_FILTER.<expected>` with the error's details (field, position, value, example).
import type { MessageCatalog } from '../common/i18n';

const en = {
  'error.INVALID_FILTER.decimalComma':
    'The filter on {field} expects a number at position {position}, not "{value}": here the decimal separator is the comma, and a point only separates groups of three digits (for example {example}).',
  'error.INVALID_FILTER.decimalPoint':
    'The filter on {field} expects a number at position {position}, not "{value}": here the decimal separator is the point, and a comma only separates groups of three digits (for example {example}).',
};

const it: typeof en = {
  'error.INVALID_FILTER.decimalComma':
    'Il filtro su {field} richiede un numero alla posizione {position}, non "{value}": qui il separatore decimale è la virgola e il punto separa solo gruppi di tre cifre (ad esempio {example}).',
  'error.INVALID_FILTER.decimalPoint':
    'Il filtro su {field} richiede un numero alla posizione {position}, non "{value}": qui il separatore decimale è il punto e la virgola separa solo gruppi di tre cifre (ad esempio {example}).',
};

export const numberFilterMessages: MessageCatalog = { en, it };
