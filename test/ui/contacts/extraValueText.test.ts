// An imported column's value on the contact card, as the user reads it.
import { describe, expect, test } from 'vitest';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { extraValueText } from '../../../src/ui/contacts/extraValueText';

const italian = {
  t: makeTranslate(paneCatalogs, 'it'),
  formatNumber: (n: number, opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat('it-IT', opts).format(n),
  formatDate: (iso: string) =>
    new Intl.DateTimeFormat('it-IT', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    ),
};

describe('an imported value', () => {
  test('numbers grouped as BC shows them, every digit they hold, a year ungrouped, Yes/No in the user’s words', () => {
    // Grouped as BC shows a number (1.234.567,89), every digit kept.
    expect(extraValueText(italian, 1234567.125)).toBe('1.234.567,125');
    expect(extraValueText(italian, 1234567.89)).toBe('1.234.567,89');
    // A year is not 2.015 (nor 2,015 in English): four digits stay ungrouped.
    expect(extraValueText(italian, 2015)).toBe('2015');
    expect(extraValueText(italian, 20151)).toBe('20.151');
    expect(extraValueText(italian, 0.1 + 0.2)).toBe('0,3');
    expect(extraValueText(italian, 3.14159265)).toBe('3,14159265');
    expect(extraValueText(italian, true)).toBe('Sì');
    expect(extraValueText(italian, false)).toBe('No');
  });

  test('in English, the English groups and decimal point; a year stays as written', () => {
    const english = {
      ...italian,
      t: makeTranslate(paneCatalogs, 'en'),
      formatNumber: (n: number, opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', opts).format(n),
    };
    expect(extraValueText(english, 1234567.89)).toBe('1,234,567.89');
    expect(extraValueText(english, 2015)).toBe('2015');
    expect(extraValueText(english, -0.5)).toBe('-0.5');
  });

  test('an ISO date in the user’s format; text that is not a real date stays as written', () => {
    expect(extraValueText(italian, '2024-03-15')).toBe('15/03/2024');
    expect(extraValueText(italian, '2024-02-30')).toBe('2024-02-30');
    expect(extraValueText(italian, '00184')).toBe('00184');
  });
});
