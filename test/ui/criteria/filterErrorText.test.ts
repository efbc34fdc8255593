// A filter's error in the user's words: a date shows how to write one, an option lists the options in the
// user's language, a column no contact has is named.
import { describe, expect, test } from 'vitest';
import { SegmentsError } from '../../../src/domain/errors';
import { parseFilter } from '../../../src/domain/filterExpression';
import { contactOptionFields } from '../../../src/domain/filterOptions';
import { checkExtraColumns } from '../../../src/domain/contactFilters';
import { errorText } from '../../../src/ui/common/errorText';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';

const en = makeTranslate(paneCatalogs, 'en');
const it = makeTranslate(paneCatalogs, 'it');
const ctx = { locale: 'it-IT', today: '2026-12-07' };

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('no error');
}

describe('filter errors in the user’s words', () => {
  test('a date that cannot be read shows the expected format with an example', () => {
    const e = caught(() => parseFilter('12/31/26', 'date', ctx, 'interactionLog.date'));
    expect(e).toBeInstanceOf(SegmentsError);
    expect(errorText(it, e)).toMatch(
      /richiede una data alla posizione 1, non "12\/31\/26": scriverla come 31\/01\/2026/,
    );
    expect(errorText(en, e)).toMatch(
      /expects a date at position 1, not "12\/31\/26": write it as 31\/01\/2026, as 2026-01-31/,
    );
  });

  test('a value that is no option lists the options in the user’s language', () => {
    const e = caught(() => parseFilter('Cliente', { option: contactOptionFields.type }, ctx, 'contact.type'));
    expect(errorText(it, e)).toBe(
      'Il filtro su Tipo: "Cliente" non è un\u2019opzione di questo campo. Opzioni: Società, Persona.',
    );
    expect(errorText(en, e)).toBe(
      'The filter on Type: "Cliente" is not an option of this field. Its options: Company, Person.',
    );
  });

  test.each<[string, string, string]>([
    [
      '(Bologna',
      'Il filtro su Città non è valido alla posizione 9: manca la ) che chiude la ( alla posizione 1.',
      'The filter on City is not valid at position 9: the ) that closes the ( at position 1 is missing.',
    ],
    [
      "'Bologna",
      "Il filtro su Città non è valido alla posizione 1: manca la virgoletta ' che chiude quella aperta in questa posizione.",
      "The filter on City is not valid at position 1: the ' that closes the quote opened here is missing.",
    ],
    [
      'A..B..C',
      'Il filtro su Città non è valido alla posizione 5: un intervallo contiene un solo .. (ad esempio A..C); separare più intervalli con |.',
      'The filter on City is not valid at position 5: a range has only one .. (for example A..C); separate several ranges with |.',
    ],
    [
      'A&|B',
      'Il filtro su Città non è valido alla posizione 3: manca un valore dopo &.',
      'The filter on City is not valid at position 3: a value is missing after &.',
    ],
    [
      '||',
      'Il filtro su Città non è valido alla posizione 1: manca un valore prima di |.',
      'The filter on City is not valid at position 1: a value is missing before |.',
    ],
    [
      'Bologna|',
      'Il filtro su Città non è valido alla posizione 9: manca un valore dopo |.',
      'The filter on City is not valid at position 9: a value is missing after |.',
    ],
    [
      '>',
      'Il filtro su Città non è valido alla posizione 2: manca un valore dopo >.',
      'The filter on City is not valid at position 2: a value is missing after >.',
    ],
    [
      '..',
      'Il filtro su Città non è valido alla posizione 3: un intervallo richiede un valore prima o dopo .. (ad esempio A.. o ..C).',
      'The filter on City is not valid at position 3: a range needs a value before or after .. (for example A.. or ..C).',
    ],
    [
      'A)',
      'Il filtro su Città non è valido alla posizione 2: questa ) non chiude alcuna (.',
      'The filter on City is not valid at position 2: this ) has no ( to close.',
    ],
    [
      '(A)B',
      'Il filtro su Città non è valido alla posizione 4: manca | (o) oppure & (e) prima di B.',
      'The filter on City is not valid at position 4: | (or) or & (and) is missing before B.',
    ],
    [
      '@>@A',
      'Il filtro su Città non è valido alla posizione 3: @ è scritto due volte; ne basta uno.',
      'The filter on City is not valid at position 3: @ is written twice; once is enough.',
    ],
    [
      '>A*',
      'Il filtro su Città non è valido alla posizione 2: * e ? valgono solo con = e <>, non in un intervallo né con <, <=, > o >=.',
      'The filter on City is not valid at position 2: * and ? work only with = and <>, not in a range or with <, <=, > or >=.',
    ],
    [
      `${'('.repeat(65)}A`,
      'Il filtro su Città non è valido alla posizione 65: al massimo 64 parentesi possono essere aperte una dentro l\u2019altra.',
      'The filter on City is not valid at position 65: at most 64 parentheses can be open one inside another.',
    ],
  ])('a malformed filter says what is wrong, where: %s', (expr, itText, enText) => {
    const e = caught(() => parseFilter(expr, 'text', ctx, 'contact.city'));
    expect(errorText(it, e)).toBe(itText);
    expect(errorText(en, e)).toBe(enText);
  });

  test('a yes/no field lists its accepted values, as an option field lists its options', () => {
    for (const value of ['forse', '1', 'falso']) {
      const e = caught(() => parseFilter(value, 'boolean', ctx, 'contact.excludeFromSegment'));
      expect(errorText(it, e)).toBe(
        `Il filtro su Escludi da segmento: "${value}" non è un valore di questo campo. Valori ammessi: Sì, No.`,
      );
      expect(errorText(en, e)).toBe(
        `The filter on Exclude from Segment: "${value}" is not a value of this field. Accepted values: Yes, No.`,
      );
    }
  });

  test('an imported column no contact has', () => {
    const e = caught(() =>
      checkExtraColumns({ contact: { 'extra.Ctiy': 'Roma' } }, [{ extra: { City: 'Roma' } } as never]),
    );
    expect(errorText(en, e)).toBe('No contact has an imported column named "Ctiy". Did you mean "City"?');
    expect(errorText(it, e)).toBe(
      'Nessun contatto ha una colonna importata denominata "Ctiy". Forse si intendeva "City"?',
    );
  });
});
