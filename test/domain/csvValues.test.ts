import { CsvColumnTyping, readCsvValue } from '../../src/domain/csvValues';
import { parseFilterNumber } from '../../src/domain/filterValues';

const value = (text: string, locale: string) => readCsvValue(text, locale).value;

describe('a CSV cell of an imported column, read as Excel reads it in the workspace locale', () => {
  test.each([
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['0,5', 0.5],
    [',5', 0.5],
    ['-950', -950],
    ['0', 0],
    ['1,000', 1],
  ])('it-IT: %j is the number %d', (text, n) => expect(value(text, 'it-IT')).toBe(n));

  test.each(['1.5', '12.50', '1.23.456', '1 234', '12,', 'n/d', '1e5', '00184', '0123', '-012'])(
    'it-IT: %j stays text, as typed',
    (text) => expect(readCsvValue(text, 'it-IT')).toMatchObject({ value: text, kind: 'text' }),
  );

  test.each([
    ['1,000', 1000],
    ['1,234.5', 1234.5],
    ['1.5', 1.5],
  ])('en-US: %j is the number %d', (text, n) => expect(value(text, 'en-US')).toBe(n));

  test('en-US: 1,5 and 1,23 are not numbers; a space groups digits where the locale does (fr-FR)', () => {
    expect(value('1,5', 'en-US')).toBe('1,5');
    expect(value('1,23', 'en-US')).toBe('1,23');
    expect(value('1 234,5', 'fr-FR')).toBe(1234.5);
  });

  test.each(['it-IT', 'de-DE', 'en-US'])(
    '%s: a cell the import reads as a number is the same number in a filter (one reading of the separators)',
    (locale) => {
      const cells = [
        '1.500',
        '1.000',
        '1.234.567',
        '1.234,56',
        '1,500',
        '1,234.5',
        '1.5',
        '1.50',
        '1,5',
        '12,5',
        '950',
      ];
      for (const text of cells) {
        const v = readCsvValue(text, locale);
        if (v.kind === 'number') expect(parseFilterNumber(text, locale)).toBe(v.value);
        else expect(parseFilterNumber(text, locale), text).toBeUndefined();
      }
      expect(value('1.500', 'it-IT')).toBe(1500);
    },
  );

  test('dates: ISO always, and the locale short format; not today, not an impossible date', () => {
    expect(value('2026-01-31', 'it-IT')).toBe('2026-01-31');
    expect(value('31/01/2026', 'it-IT')).toBe('2026-01-31');
    expect(value('31.01.26', 'it-IT')).toBe('2026-01-31');
    expect(value('1/31/2026', 'en-US')).toBe('2026-01-31');
    for (const word of ['t', 'today', 'oggi', 'OGGI']) expect(value(word, 'it-IT')).toBe(word);
    expect(value('29/02/2001', 'it-IT')).toBe('29/02/2001');
    expect(value('2001-02-29', 'it-IT')).toBe('2001-02-29');
  });

  test('codes stay text and are not counted as unreadable: leading zeros, more digits than a number keeps', () => {
    expect(readCsvValue('00184', 'it-IT')).toEqual({ value: '00184', kind: 'text', code: true });
    expect(readCsvValue('1234567890123456', 'it-IT')).toEqual({ value: '1234567890123456', kind: 'text', code: true });
    expect(readCsvValue('123456789012345', 'it-IT')).toEqual({ value: 123456789012345, kind: 'number' });
  });

  test('yes/no words stay as typed', () => {
    for (const word of ['VERO', 'FALSO', 'TRUE', 'Sì', 'No']) expect(value(word, 'it-IT')).toBe(word);
  });
});

describe('a column of codes', () => {
  test('one code with a leading zero keeps every cell of its column as text, with no warning', () => {
    const cells = ['20121', '00184', '10100'];
    const typing = new CsvColumnTyping('it-IT', () => cells);
    expect(cells.map((c, i) => typing.read(0, i + 2, c))).toEqual(['20121', '00184', '10100']);
    expect(typing.problems(() => 'C', ['CAP'])).toEqual([]);
  });

  test('a column without one is typed cell by cell', () => {
    const cells = ['20121', '1.234,5'];
    const typing = new CsvColumnTyping('it-IT', () => cells);
    expect(cells.map((c, i) => typing.read(0, i + 2, c))).toEqual([20121, 1234.5]);
  });
});
