// A form's fields checked against their record's schema: each problem named by field and rule, so that
// the page can word it in the user's language at the field.
import { describe, expect, test } from 'vitest';
import { fieldProblems, languageFieldsSchema, salespersonFieldsSchema } from '../../src/domain/codes';
import { interactionTemplateFieldsSchema } from '../../src/domain/interaction';

describe('fieldProblems', () => {
  test('too long, not an e-mail, negative, required: one problem per field, with the limits', () => {
    expect(
      fieldProblems(salespersonFieldsSchema, { code: 'X'.repeat(26), name: 'n'.repeat(300), email: 'nope' }),
    ).toEqual([
      { field: 'code', rule: 'tooLong', max: 20, length: 26 },
      { field: 'name', rule: 'tooLong', max: 100, length: 300 },
      { field: 'email', rule: 'email' },
    ]);
    expect(fieldProblems(interactionTemplateFieldsSchema, { code: 'T', unitCost: -5 })).toEqual([
      { field: 'unitCost', rule: 'negative' },
    ]);
    expect(fieldProblems(languageFieldsSchema, { code: ' ', locale: 'xx_yy_zz!' })).toEqual([
      { field: 'code', rule: 'required' },
      { field: 'locale', rule: 'locale' },
    ]);
    expect(fieldProblems(languageFieldsSchema, { code: 'ABCDEFGHIJK' })).toEqual([
      { field: 'code', rule: 'tooLong', max: 10, length: 11 },
    ]);
    expect(fieldProblems(salespersonFieldsSchema, { code: 'AS', name: 'Alice' })).toEqual([]);
  });
});
