// Dates as a Business Central user types and reads them: the four-digit year the pane writes back, and BC's
// shortcuts in a date field (ui-enter-date-ranges: digit patterns, the work date).
import { describe, expect, test } from 'vitest';
import type { FilterContext } from '../../src/domain/filterExpression';
import {
  isRelativeDate,
  numberSeparatorProblem,
  parseFilterDate,
  parseFilterNumber,
  typedDate,
} from '../../src/domain/filterValues';

const IT: FilterContext = { locale: 'it-IT', today: '2026-12-02' };
const EN: FilterContext = { locale: 'en-US', today: '2026-12-02' };
const JA: FilterContext = { locale: 'ja-JP', today: '2026-12-02' };
const DE: FilterContext = { locale: 'de-DE', today: '2026-12-02' };

describe('typedDate: what a date field writes back, with the year in four digits as BC shows it', () => {
  test.each([
    ['it-IT', '07/12/2026'],
    ['en-US', '12/7/2026'],
  ])('%s: %s', (locale, shown) => {
    expect(typedDate('2026-12-07', locale)).toBe(shown);
  });

  test.each(['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-CH', 'ko-KR', 'ja-JP', 'nl-NL'])(
    '%s: four digits of the year, and it reads back as the same date',
    (locale) => {
      for (const iso of ['2026-12-07', '1931-01-02', '2049-06-30']) {
        const shown = typedDate(iso, locale);
        expect(shown).toContain(iso.slice(0, 4));
        expect(parseFilterDate(shown, { locale, today: '2026-12-02' })).toBe(iso);
      }
    },
  );
});

describe("parseFilterDate reads BC's shortcuts of a date field", () => {
  test.each<[string, FilterContext, string | undefined]>([
    // A day alone: that day of the work date's month.
    ['7', IT, '2026-12-07'],
    ['07', EN, '2026-12-07'],
    ['31', IT, '2026-12-31'],
    ['31', { locale: 'it-IT', today: '2026-11-15' }, undefined],
    ['0', IT, undefined],
    ['32', IT, undefined],
    // Day and month, in the locale's order; the work date's year. A year-first locale keeps month before day.
    ['0712', IT, '2026-12-07'],
    ['1207', EN, '2026-12-07'],
    ['0712', EN, '2026-07-12'],
    ['1207', JA, '2026-12-07'],
    ['0712', DE, '2026-12-07'],
    ['3202', IT, undefined],
    ['0713', IT, undefined],
    ['2902', IT, undefined],
    // Six and eight digits: the whole date in the locale's order (a two-digit year is 1930–2029).
    ['071226', IT, '2026-12-07'],
    ['120726', EN, '2026-12-07'],
    ['261207', JA, '2026-12-07'],
    ['071230', IT, '1930-12-07'],
    ['07122026', IT, '2026-12-07'],
    ['12072026', EN, '2026-12-07'],
    ['20261207', JA, '2026-12-07'],
    ['29022028', IT, '2028-02-29'],
    ['29022026', IT, undefined],
    ['320126', IT, undefined],
    ['071326', IT, undefined],
    ['12312026', IT, undefined],
    // No other count of digits is a date.
    ['123', IT, undefined],
    ['12345', IT, undefined],
    ['1234567', IT, undefined],
    ['123456789', IT, undefined],
    ['+7', IT, undefined],
    // The work date (here the context's today): BC's word in English and in Italian, or its beginning.
    ['w', EN, '2026-12-02'],
    ['W', IT, '2026-12-02'],
    ['work', EN, '2026-12-02'],
    ['workdate', EN, '2026-12-02'],
    ['Work Date', EN, '2026-12-02'],
    ['l', IT, '2026-12-02'],
    ['lavoro', IT, '2026-12-02'],
    ['Lavoro', EN, '2026-12-02'],
    ['wx', EN, undefined],
    ['lavorox', IT, undefined],
  ])('%s in %o', (text, ctx, expected) => {
    expect(parseFilterDate(text, ctx)).toBe(expected);
  });

  test('without a work date (a file’s cell) digits alone and the work date are no date', () => {
    const file: FilterContext = { locale: 'it-IT', today: '' };
    for (const text of ['7', '0712', '071226', '07122026', 'w', 'lavoro']) {
      expect(parseFilterDate(text, file)).toBeUndefined();
    }
    expect(parseFilterDate('07/12/2026', file)).toBe('2026-12-07');
  });

  test('today and the work date are relative (a saved criterion keeps them); digits are a date', () => {
    for (const text of ['t', 'Today', 'tod', 'o', 'oggi', 'w', 'work date', 'Lavoro', 'l'])
      expect(isRelativeDate(text)).toBe(true);
    for (const text of ['7', '0712', '07/12/2026', 'x', '']) expect(isRelativeDate(text)).toBe(false);
  });
});

describe("parseFilterNumber: one separator means one thing, as the pane's hint writes numbers (1.234,56 in it-IT)", () => {
  test.each<[string, string, number]>([
    // A group separator between groups of exactly three digits is grouping, however many groups there are.
    ['1.500', 'it-IT', 1500],
    ['1.000', 'it-IT', 1000],
    ['-1.500', 'it-IT', -1500],
    ['1.234.567', 'it-IT', 1234567],
    ['1.234,56', 'it-IT', 1234.56],
    ['1.500', 'de-DE', 1500],
    ['12,5', 'it-IT', 12.5],
    [',5', 'it-IT', 0.5],
    ['1500', 'it-IT', 1500],
    ['00184', 'it-IT', 184],
    // Mirrored in en-US: the comma groups, the point is the decimal sign.
    ['1,500', 'en-US', 1500],
    ['1,234,567.5', 'en-US', 1234567.5],
    ['1.5', 'en-US', 1.5],
    ['1.234', 'en-US', 1.234],
    ['.5', 'en-US', 0.5],
    // Where the point groups nothing (fr-FR groups with a space), it can only be a decimal point.
    ['1.5', 'fr-FR', 1.5],
    ['1\u202f500,5', 'fr-FR', 1500.5],
  ])('%s in %s is %d', (text, locale, n) => {
    expect(parseFilterNumber(text, locale)).toBe(n);
  });

  test.each<[string, string]>([
    // A group separator that cannot be grouping is no number, never silently a decimal sign.
    ['1.5', 'it-IT'],
    ['1.50', 'it-IT'],
    ['0.5', 'it-IT'],
    ['1.5000', 'it-IT'],
    ['1234.567', 'it-IT'],
    ['1.23.456', 'it-IT'],
    ['1,500.25', 'it-IT'],
    ['1.5', 'de-DE'],
    ['1,5', 'en-US'],
    ['1,50', 'en-US'],
    ['1.234,56', 'en-US'],
    ['abc', 'it-IT'],
  ])('%s in %s is no number', (text, locale) => {
    expect(parseFilterNumber(text, locale)).toBeUndefined();
  });

  test("a refused separator names the locale's decimal sign; anything else is no separator problem", () => {
    expect(numberSeparatorProblem('1.5', 'it-IT')).toBe('decimalComma');
    expect(numberSeparatorProblem('1,500.25', 'it-IT')).toBe('decimalComma');
    expect(numberSeparatorProblem('1.50', 'de-DE')).toBe('decimalComma');
    expect(numberSeparatorProblem('1,5', 'en-US')).toBe('decimalPoint');
    expect(numberSeparatorProblem('1.234,56', 'en-US')).toBe('decimalPoint');
    for (const [text, locale] of [
      ['1.500', 'it-IT'],
      ['1,5', 'it-IT'],
      ['abc', 'it-IT'],
      ['1.5a', 'it-IT'],
      ['1.5', 'en-US'],
      ['', 'it-IT'],
    ])
      expect(numberSeparatorProblem(text, locale)).toBeUndefined();
  });
});
