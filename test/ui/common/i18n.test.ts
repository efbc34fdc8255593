// The message catalog's formatting: {name} placeholders, and the singular or plural words of a count.
import { describe, expect, test } from 'vitest';
import { format } from '../../../src/ui/common/i18n';

describe('format', () => {
  test('fills {name} placeholders and leaves unknown ones', () => {
    expect(format('Row {row}: {missing}', { row: 3 })).toBe('Row 3: {missing}');
  });

  test('a plural choice takes the singular words for 1 (number or formatted text), else the plural', () => {
    const rows = '{n, plural, one {# row} other {# rows}} read';
    expect(format(rows, { n: 1 })).toBe('1 row read');
    expect(format(rows, { n: '1' })).toBe('1 row read');
    expect(format(rows, { n: 0 })).toBe('0 rows read');
    expect(format(rows, { n: '2' })).toBe('2 rows read');
    expect(format(rows, { n: '1,000' })).toBe('1,000 rows read');
    expect(format(rows, { n: '1.000' })).toBe('1.000 rows read');
  });

  test('several counts in one message, each with its own words, and placeholders inside a choice', () => {
    const done =
      '{inserted, plural, one {# contatto inserito} other {# contatti inseriti}}, {rejected, plural, one {# rifiutato} other {# rifiutati}} ({file}).';
    expect(format(done, { inserted: '1', rejected: '3', file: 'a#b.csv' })).toBe(
      '1 contatto inserito, 3 rifiutati (a#b.csv).',
    );
    const add = '{n, plural, one {Add the contact to segment {no}} other {Add the # contacts to segment {no}}}';
    expect(format(add, { n: 1, no: 'SEG1' })).toBe('Add the contact to segment SEG1');
    expect(format(add, { n: 4, no: 'SEG1' })).toBe('Add the 4 contacts to segment SEG1');
  });

  test('a choice whose count is not given stays as written', () => {
    const t = '{n, plural, one {# row} other {# rows}}';
    expect(format(t, { m: 1 })).toBe(t);
  });
});
