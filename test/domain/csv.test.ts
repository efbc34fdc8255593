import fc from 'fast-check';
import { decodeCsvBytes, detectDelimiter, parseCsv } from '../../src/domain/csv';
import { SegmentsError } from '../../src/domain/errors';

function errorOf(run: () => unknown): SegmentsError {
  try {
    run();
  } catch (e) {
    if (e instanceof SegmentsError) return e;
    throw e;
  }
  throw new Error('expected a SegmentsError');
}

describe('CSV', () => {
  test('comma, quotes, doubled quotes, line breaks inside quotes, CRLF; line numbers of each record', () => {
    const csv = parseCsv(
      'No.,Name,Note\r\nCT1,"Rossi, Mario","He said ""hi"""\r\nCT2,Bianchi,"two\nlines"\r\nCT3,Verdi,\r\n',
    );
    expect(csv.delimiter).toBe(',');
    expect(csv.header).toEqual(['No.', 'Name', 'Note']);
    expect(csv.rows).toEqual([
      { line: 2, cells: ['CT1', 'Rossi, Mario', 'He said "hi"'] },
      { line: 3, cells: ['CT2', 'Bianchi', 'two\nlines'] },
      { line: 5, cells: ['CT3', 'Verdi', ''] },
    ]);
  });

  test('semicolons (Italian Excel) are detected; a BOM is dropped', () => {
    const csv = parseCsv('\uFEFFNr.;Nome;CAP\nCT1;Rossi, Mario;00184\n');
    expect(csv.delimiter).toBe(';');
    expect(csv.header[0]).toBe('Nr.');
    expect(csv.rows[0].cells).toEqual(['CT1', 'Rossi, Mario', '00184']);
  });

  test('UTF-8 bytes with BOM decode; invalid UTF-8 names the line, not a byte offset', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0x69, 0x74, 0x74, 0xc3, 0xa0]))).toBe('Città');
    const first = errorOf(() => decodeCsvBytes(new Uint8Array([0x41, 0x42, 0xe0, 0x41])));
    expect(first.details).toMatchObject({ code: 'csvNotUtf8', line: 1, params: { line: 1 } });
    // A Latin-1 "à" (0xE0) on the third line of a file saved as ANSI.
    const latin1 = new Uint8Array([...new TextEncoder().encode('Nr.;Città\r\nC1;Roma\r\nC2;Forl'), 0xec, 0x0d, 0x0a]);
    const e = errorOf(() => decodeCsvBytes(latin1));
    expect(e.details).toMatchObject({ code: 'csvNotUtf8', line: 3 });
    expect(e.message).toContain('line 3');
    expect(e.message).not.toContain('offset');
  });

  test('blank lines are skipped but counted', () => {
    expect(parseCsv('a\n\nx\n').rows).toEqual([{ line: 3, cells: ['x'] }]);
  });

  test('the last record may end without a line break, even with a quoted empty field', () => {
    expect(parseCsv('a,b\n1,""').rows).toEqual([{ line: 2, cells: ['1', ''] }]);
  });

  test.each([
    ['a,b\n1,"open\n', 'line 2, column B (b), at character 3', 'not closed'],
    ['a,b\n1,"x"y\n', 'line 2, column B (b), at character 6', 'after a closing quote'],
    ['a,b\n1,x"y\n', 'line 2, column B (b), at character 4', 'quote inside an unquoted field'],
  ])('malformed %j: error with line, column and character', (text, where, what) => {
    const e = errorOf(() => parseCsv(text));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain(where);
    expect(e.message).toContain(what);
  });

  test('an empty file is an error', () => {
    expect(errorOf(() => parseCsv('')).details.code).toBe('csvEmpty');
  });

  test('delimiter detection ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
  });

  test('property: any table of strings written as CSV parses back to itself', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\n', '\r\n', ' ', 'à', '😀') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        (w, rows, delim) => {
          const table = [Array.from({ length: w }, (_, i) => `h${i}`), ...rows.map((r) => r.slice(0, w))];
          const text = table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(delim)).join('\r\n');
          const parsed = parseCsv(text, { delimiter: delim as ',' | ';' | '\t' });
          const back = [parsed.header, ...parsed.rows.map((r) => r.cells)];
          // a record whose only cell is empty is a blank line: it is skipped
          const expected = table.filter((r, i) => i === 0 || !(r.length === 1 && r[0] === ''));
          expect(back).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CSV: tabs and errors a user can act on', () => {
  test('a tab-separated file is read by its tabs', () => {
    const csv = parseCsv('No.\tName\tCity\nK1\tRossi, Mario\tRoma\n');
    expect(csv.delimiter).toBe('\t');
    expect(csv.header).toEqual(['No.', 'Name', 'City']);
    expect(csv.rows[0].cells).toEqual(['K1', 'Rossi, Mario', 'Roma']);
  });

  test.each([
    ['a,b\n1,"open\n', 'csvQuoteNotClosed', 2, 3, 'B (b)'],
    ['a,b\n1,"x"y\n', 'csvTextAfterQuote', 2, 6, 'B (b)'],
    ['a;b;E-mail\n1;2;x"y\n', 'csvQuoteInField', 2, 6, 'C (E-mail)'],
    ['a,b"c\n1,2\n', 'csvQuoteInField', 1, 4, 'B'],
  ])(
    'malformed %j: a code with the line, the character and the column by letter and header',
    (text, code, line, character, column) => {
      expect(errorOf(() => parseCsv(text)).details).toMatchObject({ code, params: { line, character, column } });
    },
  );
});
