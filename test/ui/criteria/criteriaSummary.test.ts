// A criteria action in one line (the Criteria list, the Go Back question, "why is this contact here"):
// an imported column is named as the filter rows name it, never by its internal name.
import { describe, expect, test } from 'vitest';
import { SegmentsError } from '../../../src/domain/errors';
import { criteriaErrorText } from '../../../src/ui/criteria/criteriaCaptions';
import { criteriaSummary } from '../../../src/ui/criteria/criteriaSummary';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';

const en = makeTranslate(paneCatalogs, 'en');
const it = makeTranslate(paneCatalogs, 'it');

describe('criteriaSummary', () => {
  test('an imported column is "Imported column: <Header>", in English and Italian', () => {
    const action = { filters: { contact: { 'extra.Code': 'A*|B*|007', city: 'Roma' } }, options: {} };
    expect(criteriaSummary(en, action)).toBe('Imported column: Code: A*|B*|007; City: Roma');
    expect(criteriaSummary(it, action)).toBe('Colonna importata: Code: A*|B*|007; Città: Roma');
  });

  test('each filter reads as BC writes it, Field: expression (never "Email = <>\'\'", "equals not blank")', () => {
    const action = { filters: { contact: { email: "<>''", city: 'Bologna|Milano' } }, options: {} };
    expect(criteriaSummary(en, action)).toBe("Email: <>''; City: Bologna|Milano");
    expect(criteriaSummary(it, action)).toBe("E-mail: <>''; Città: Bologna|Milano");
  });

  test('an interaction log field is named with its group, apart from the contact’s own field', () => {
    const action = {
      filters: { contact: { salespersonCode: 'MR|AS' }, interactionLog: { salespersonCode: 'MR', date: 't' } },
      options: {},
    };
    expect(criteriaSummary(it, action)).toBe(
      'Cod. agente: MR|AS; Movimenti log interazione: Cod. agente: MR; Movimenti log interazione: Data: t',
    );
    expect(criteriaSummary(en, action)).toBe(
      'Salesperson Code: MR|AS; Interaction Log Entries: Salesperson Code: MR; Interaction Log Entries: Date: t',
    );
  });

  test('a filter error on an imported column names it by its caption', () => {
    const e = new SegmentsError('INVALID_FILTER', 'Filter on contact.extra.Since: at position 1 expected …', {
      field: 'contact.extra.Since',
      position: 1,
    });
    expect(criteriaErrorText(it, e)).toBe('Il filtro su Colonna importata: Since non è valido alla posizione 1.');
    expect(criteriaErrorText(en, e)).toBe('The filter on Imported column: Since is not valid at position 1.');
  });
});
