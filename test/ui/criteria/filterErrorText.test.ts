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
