import { suggestMapping } from '../../src/domain/columnMapping';
import type { Contact } from '../../src/domain/contact';
import { compileContactFilters } from '../../src/domain/contactFilters';
import { parseCsv } from '../../src/domain/csv';
import { SegmentsError } from '../../src/domain/errors';
import { SLICE_MS } from '../../src/domain/importResolve';
import type { Cell } from '../../src/domain/sheetCells';
import { isDateFormat, serialToIso } from '../../src/domain/sheetCells';
import {
  gridFromCsv,
  parseRowKey,
  prepareRows,
  prepareRowsInSteps,
  type SheetGrid,
} from '../../src/domain/sheetImport';

type C = Cell | string | number | boolean | null;

/** A grid as the Excel adapter gives it; the header on sheet row 1, data from row 2. */
function grid(header: string[], rows: C[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  const cells = rows.map((r) => header.map((_, j) => toCell(r[j] ?? null)));
  return {
    headerRow: 1,
    firstColumn: 0,
    header,
    rowNumbers: rows.map((_, i) => i + 2),
    values: cells.map((r) => r.map((c) => c.value)),
    text: cells.map((r) => r.map((c) => c.text)),
    numberFormat: cells.map((r) => r.map((c) => c.format ?? 'General')),
    valueTypes: cells.map((r) =>
      r.map(
        (c) =>
          c.type ??
          (c.value === null || c.value === ''
            ? 'Empty'
            : typeof c.value === 'number'
              ? 'Double'
              : typeof c.value === 'boolean'
                ? 'Boolean'
                : 'String'),
      ),
    ),
    ...extra,
  };
}
function toCell(v: C): Cell {
  if (v !== null && typeof v === 'object') return v;
  if (v === null) return { value: '', text: '' };
  return { value: v, text: typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v) };
}
const err = (v: string): Cell => ({ value: v, text: v, type: 'Error' });

function prepare(g: SheetGrid) {
  return prepareRows(g, suggestMapping(g.header), { workbook: 'W.xlsx', sheet: 'Contacts' });
}
function thrown(run: () => unknown): SegmentsError {
  try {
    run();
  } catch (e) {
    if (e instanceof SegmentsError) return e;
    throw e;
  }
  throw new Error('expected a SegmentsError');
}

const H = ['No.', 'Name', 'E-Mail', 'Post Code', 'City', 'Exclude from Segment', 'Mailing Groups', 'Type'];

describe('cell fidelity', () => {
  test('text fields take the displayed text; booleans, lists and enumerations are typed', () => {
    const p = prepare(
      grid(H, [
        [
          'ct1',
          'Rossi',
          'a@b.it',
          { value: 184, text: '00184', format: '00000' },
          'Roma',
          true,
          'news; events,,VIP',
          'Persona',
        ],
        ['CT2', { value: 1234.5, text: '1.234,50', format: '#,##0.00' }, '', '20100', 'Milano', 'No', '', 'Company'],
      ]),
    );
    expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(p.rows.map((r) => r.row)).toEqual([
      expect.objectContaining({
        no: 'CT1',
        name: 'Rossi',
        email: 'a@b.it',
        postCode: '00184',
        city: 'Roma',
        excludeFromSegment: true,
        mailingGroups: ['NEWS', 'EVENTS', 'VIP'],
        type: 'Person',
      }),
      expect.objectContaining({
        no: 'CT2',
        name: '1.234,50',
        postCode: '20100',
        excludeFromSegment: false,
        mailingGroups: [],
        type: 'Company',
      }),
    ]);
    expect(p.rows[0].row.source).toEqual({ workbook: 'W.xlsx', sheet: 'Contacts', rowKey: '["No.","CT1"]' });
    expect(parseRowKey(p.rows[0].row.source!.rowKey)).toEqual({ header: 'No.', value: 'CT1' });
  });

  test('extra columns keep numbers, booleans and dates typed, and zero-padded codes as shown', () => {
    const p = prepare(
      grid(
        ['No.', 'Revenue', 'VIP', 'Since', 'Code', 'Note'],
        [
          [
            'CT1',
            { value: 1234.5, text: '€ 1.234,50', format: '[$€-410] #,##0.00' },
            true,
            { value: 46053, text: '31/01/2026', format: 'dd/mm/yyyy' },
            { value: 42, text: '0042', format: '0000' },
            'hello',
          ],
        ],
      ),
    );
    expect(p.rows[0].row.extra).toEqual({
      Revenue: 1234.5,
      VIP: true,
      Since: '2026-01-31',
      Code: '0042',
      Note: 'hello',
    });
  });

  test('a number the column is too narrow to show (####) or shows in scientific notation: the full number, with a warning', () => {
    const p = prepare(
      grid(
        ['No.', 'Phone No.', 'Mobile Phone No.'],
        [['CT1', { value: 3912345678, text: '########' }, { value: 393331234567, text: '3,93E+11' }]],
      ),
    );
    expect(p.rows[0].row).toMatchObject({ phoneNo: '3912345678', mobilePhoneNo: '393331234567' });
    expect(p.problems.map((x) => [x.code, x.row, x.column])).toEqual(
      expect.arrayContaining([
        ['narrowColumn', 2, 'B'],
        ['scientific', 2, 'C'],
      ]),
    );
  });

  test('date formats are recognised, other number formats are not', () => {
    for (const f of ['dd/mm/yyyy', 'm/d/yy', 'yyyy-mm-dd', 'd mmmm yyyy', '[$-410]d mmm yyyy'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '@', '0.00', '#,##0 "days"', '[$€-410] #,##0.00', '00000', '0%'])
      expect(isDateFormat(f)).toBe(false);
    expect(serialToIso(46053)).toBe('2026-01-31');
    expect(serialToIso(46053.5)).toBe('2026-01-31T12:00:00');
  });
});

describe('bad input', () => {
  test('an empty range is refused', () => {
    expect(thrown(() => prepare(grid(['', ''], [['', '']]))).details.code).toBe('emptyRange');
  });

  test('a header without rows is refused', () => {
    expect(thrown(() => prepare(grid(H, []))).details.code).toBe('headerOnly');
    expect(thrown(() => prepare(grid(H, [[null], [null]]))).details.code).toBe('headerOnly');
  });

  test('duplicate headers: the first column fills the field, the later one is left out', () => {
    const p = prepare(grid(['No.', 'E-Mail', 'Email'], [['CT1', 'first@x.it', 'second@x.it']]));
    expect(p.rows[0].row.email).toBe('first@x.it');
  });

  test('merged cells: each cell takes the value the merged area shows, and the area is reported', () => {
    const g = grid(
      ['No.', 'City'],
      [
        ['CT1', 'Roma'],
        ['CT2', null],
        ['CT3', null],
        ['CT4', 'Bari'],
      ],
      { mergedAreas: [{ row: 2, column: 1, rowCount: 3, columnCount: 1 }] },
    );
    const p = prepare(g);
    expect(p.rows.map((r) => r.row.city)).toEqual(['Roma', 'Roma', 'Roma', 'Bari']);
    expect(p.problems).toContainEqual(
      expect.objectContaining({ code: 'mergedCells', row: 2, column: 'B2:B4', severity: 'warning' }),
    );
  });

  test('blank rows in the middle are skipped and said; blank rows at the end are not data', () => {
    const p = prepare(
      grid(
        ['No.', 'Name'],
        [
          ['CT1', 'a'],
          [null, null],
          ['', '  '],
          ['CT2', 'b'],
          [null, null],
          [null, null],
        ],
      ),
    );
    expect(p.rows.map((r) => r.sheetRow)).toEqual([2, 5]);
    expect(p.problems).toEqual([
      expect.objectContaining({ code: 'blankRows', row: 3, params: expect.objectContaining({ rows: '3–4' }) }),
    ]);
    expect(p.dataRows).toBe(2);
  });

  test('the same contact number twice: the later row wins and the earlier is reported with the winner', () => {
    const p = prepare(
      grid(
        ['No.', 'Name'],
        [
          ['CT1', 'old'],
          ['CT2', 'x'],
          ['ct1', 'new'],
        ],
      ),
    );
    expect(p.rows.map((r) => [r.sheetRow, r.row.name])).toEqual([
      [3, 'x'],
      [4, 'new'],
    ]);
    expect(p.rejectedRows).toEqual([2]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        code: 'duplicateNo',
        row: 2,
        message: 'Row 2: contact CT1 appears again in row 4; row 4 wins. The row was not imported.',
      }),
    ]);
  });

  test('30,000-character cells: too long for a name (rejected, with the length), kept in an extra column', () => {
    const long = 'x'.repeat(30_000);
    const p = prepare(
      grid(
        ['No.', 'Name', 'Notes'],
        [
          ['CT1', long, 'ok'],
          ['CT2', 'Rossi', long],
        ],
      ),
    );
    expect(p.rejectedRows).toEqual([2]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        code: 'invalidValue',
        row: 2,
        column: 'B',
        header: 'Name',
        message: expect.stringContaining('longer than 100 characters (30000)'),
      }),
    ]);
    expect(p.rows[0].row.extra).toEqual({ Notes: long });
  });

  test('control characters: in the name the row is rejected, elsewhere the row is imported without that value', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'City'],
        [
          ['CT1', 'Ros\u0007si', 'Roma'],
          ['CT2', 'ok', 'Mi\u0000lano'],
        ],
      ),
    );
    expect(p.rejectedRows).toEqual([2]);
    expect(p.problems.map((x) => [x.row, x.column, x.severity, x.params.reasonKey])).toEqual([
      [2, 'B', 'error', 'controlCharacters'],
      [3, 'C', 'warning', 'controlCharacters'],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([expect.objectContaining({ no: 'CT2', name: 'ok' })]);
    expect(p.rows[0].row.city).toBeUndefined();
    expect(p.problems[1].message).toContain('imported without this value');
  });

  test('a NUL or a broken character in an extra column: the row is imported without that value, naming the cell', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Note', 'Memo'],
        [
          ['CT1', 'Rossi', 'a\u0000b', 'ok'],
          ['CT2', 'Bianchi', 'fine', 'x\udc00'],
          ['CT3', 'Verdi', 'fine', 'ok'],
        ],
      ),
    );
    expect(p.rejectedRows).toEqual([]);
    expect(p.rows.map((r) => [r.row.no, r.row.extra])).toEqual([
      ['CT1', { Memo: 'ok' }],
      ['CT2', { Note: 'fine' }],
      ['CT3', { Note: 'fine', Memo: 'ok' }],
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.header, x.severity])).toEqual([
      [2, 'C', 'Note', 'warning'],
      [3, 'D', 'Memo', 'warning'],
    ]);
  });

  test('a NUL pasted in a CSV cell: the report names its line and column; a NUL in the name rejects only that row', () => {
    const p = prepare(
      gridFromCsv(parseCsv('No.;Name;Note\nCT1;Rossi;ok\nCT2;Bian\u0000chi;x\nCT3;Verdi;nota\u0000\n')),
    );
    expect(p.rows.map((r) => r.row.no)).toEqual(['CT1', 'CT3']);
    expect(p.rows[1].row.extra).toEqual({});
    expect(p.rejectedRows).toEqual([3]);
    expect(p.problems.map((x) => [x.row, x.column, x.header, x.severity])).toEqual([
      [3, 'B', 'Name', 'error'],
      [4, 'C', 'Note', 'warning'],
    ]);
  });

  test('formulas import the result the sheet shows, not the formula', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Total'],
        [['CT1', { value: 'Rossi Mario', text: 'Rossi Mario' }, { value: 42, text: '42' }]],
      ),
    );
    expect(p.rows[0].row).toMatchObject({ name: 'Rossi Mario', extra: { Total: 42 } });
  });

  test('Excel error values: in the name the row is rejected, elsewhere only that value is left out', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Notes'],
        [
          ['CT1', err('#N/A'), 'x'],
          ['CT2', 'ok', err('#VALUE!')],
          ['CT3', 'fine', 'y'],
        ],
      ),
    );
    expect(p.rows.map((r) => r.row.no)).toEqual(['CT2', 'CT3']);
    expect(p.rows[0].row.extra).toBeUndefined();
    expect(p.problems.map((x) => [x.severity, x.message])).toEqual([
      ['error', 'Row 2, column B (Name): the cell holds the Excel error #N/A. The row was not imported.'],
      [
        'warning',
        'Row 3, column C (Notes): the cell holds the Excel error #VALUE!. The row was imported without this value.',
      ],
    ]);
  });

  test('a column of numbers that should be text: taken as shown, and the column is reported once', () => {
    const p = prepare(
      grid(
        ['No.', 'Post Code'],
        [
          [1001, 184],
          [1002, { value: 184, text: '00184', format: '00000' }],
          [1003, '00100'],
        ],
      ),
    );
    expect(p.rows.map((r) => [r.row.no, r.row.postCode])).toEqual([
      ['1001', '184'],
      ['1002', '00184'],
      ['1003', '00100'],
    ]);
    const notes = p.problems.filter((x) => x.code === 'numbersInTextColumn');
    expect(notes.map((x) => [x.column, x.params.count, x.row])).toEqual([
      ['A', 3, 2],
      ['B', 1, 2],
    ]);
  });

  test('hidden rows are imported, and said so', () => {
    const p = prepare(grid(['No.'], [['CT1'], ['CT2'], ['CT3'], ['CT4']], { hiddenRows: [3, 4] }));
    expect(p.rows).toHaveLength(4);
    expect(p.rows.filter((r) => r.hidden).map((r) => r.sheetRow)).toEqual([3, 4]);
    expect(p.problems).toEqual([
      expect.objectContaining({ code: 'hiddenRows', severity: 'info', message: 'Hidden rows, imported (2): 3–4.' }),
    ]);
  });

  test('values that are not Yes/No, a type or a correspondence type are warned with the value; the row stays', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Exclude from Segment', 'Type', 'Correspondence Type'],
        [['CT1', 'Rossi', 'maybe', 'Robot', 'Fax']],
      ),
    );
    expect(p.problems.map((x) => [x.code, x.severity])).toEqual([
      ['notBoolean', 'warning'],
      ['badType', 'warning'],
      ['badCorrespondenceType', 'warning'],
    ]);
    expect(p.problems[1].message).toBe(
      'Row 2, column D (Type): "Robot" is not Company or Person. The row was imported without this value.',
    );
    expect(p.rows.map((r) => r.row)).toEqual([expect.objectContaining({ no: 'CT1', name: 'Rossi' })]);
    expect(p.rows[0].row).not.toHaveProperty('type');
    expect(p.rejectedRows).toEqual([]);
  });

  test('rows without a number are kept for numbering; their key is the sheet row', () => {
    const p = prepare(
      grid(
        ['No.', 'Name'],
        [
          ['', 'a'],
          [null, 'b'],
        ],
      ),
    );
    expect(p.rows.map((r) => [r.row.no, r.row.source?.rowKey])).toEqual([
      [undefined, '["#row","2"]'],
      [undefined, '["#row","3"]'],
    ]);
  });

  test('columns are named by sheet letter, from where the range starts', () => {
    const g = grid(['No.', 'Name'], [['CT1', err('#REF!')]], { firstColumn: 27, headerRow: 10, rowNumbers: [11] });
    expect(prepare(g).problems[0]).toMatchObject({ row: 11, column: 'AC' });
  });
});

describe('CSV rows', () => {
  test('CSV cells are text: "#N/A" is text there, leading zeros stay; rows with too many cells are rejected by line', () => {
    const csv = parseCsv('Nr.;Nome;CAP;Note\nCT1;Rossi;00184;#N/A\nCT2;Bianchi;20100;x;extra\n');
    const p = prepareRows(gridFromCsv(csv), suggestMapping(csv.header), { file: 'a.csv' });
    expect(p.rows.map((r) => r.row)).toEqual([
      expect.objectContaining({ no: 'CT1', postCode: '00184', extra: { Note: '#N/A' } }),
    ]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        code: 'overlongRow',
        row: 3,
        message: 'Row 3 has 5 cells but the header has 4. The row was not imported.',
      }),
    ]);
  });
});

describe('in steps', () => {
  test('the sliced preparation gives the same result and hands the thread back whenever a slice has run its time', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [`CT${i % 4_500}`, `Name ${i}`]);
    const g = grid(['No.', 'Name'], rows);
    const seen: number[] = [];
    // A slow machine: every look at the clock finds a millisecond gone, so each row costs one.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => ++now);
    let stepped;
    try {
      stepped = await prepareRowsInSteps(g, suggestMapping(g.header), {}, async (done) => void seen.push(done));
    } finally {
      clock.mockRestore();
    }
    // A turn every SLICE_MS rows (10) through the rows.
    expect(SLICE_MS).toBe(10);
    expect(seen.filter((d) => d < 4_999)).toEqual(Array.from({ length: 499 }, (_, i) => (i + 1) * 10));
    expect(stepped).toEqual(prepareRows(g, suggestMapping(g.header)));
    // The pass that drops repeated numbers (two walks over the rows) looks at the clock every 256 rows:
    // with a slice of no time, a turn each time.
    const ends: number[] = [];
    await prepareRowsInSteps(g, suggestMapping(g.header), {}, async (done) => void ends.push(done), {}, 0);
    expect(ends.filter((d) => d === 4_999).length).toBeGreaterThanOrEqual(Math.floor((2 * 5_000) / 256));
    expect(stepped.rejectedRows).toHaveLength(500);
  });
});

test('many hidden rows are one note: the first runs and the count', () => {
  const rows = Array.from({ length: 100 }, (_, i) => [`CT${i}`]);
  const hidden = Array.from({ length: 50 }, (_, i) => 3 + 2 * i); // every other row
  const p = prepareRows(grid(['No.'], rows, { hiddenRows: hidden }), suggestMapping(['No.']));
  const notes = p.problems.filter((x) => x.code === 'hiddenRows');
  expect(notes).toHaveLength(1);
  expect(notes[0].message).toBe(`Hidden rows, imported (50): ${hidden.slice(0, 20).join(', ')}, ….`);
});

test('words read once per preparation still give every row its own value and its own warning', () => {
  // Type and Exclude from Segment: the same words on many rows, a word the sheet shows differently from
  // its value (a text cell formatted so), and a word that is no type, warned on each of its rows.
  const rows: C[][] = [];
  for (let i = 0; i < 40; i++) {
    const type: C =
      i % 4 === 0
        ? 'Persona'
        : i % 4 === 1
          ? 'Società'
          : i % 4 === 2
            ? { value: 'x', text: 'Company', format: '@' }
            : 'Robot';
    rows.push([`CT${i}`, `Name ${i}`, type, i % 2 ? 'Sì' : 'no']);
  }
  const header = ['No.', 'Name', 'Type', 'Exclude from Segment'];
  const p = prepareRows(grid(header, rows), suggestMapping(header));
  expect(p.rows).toHaveLength(40);
  expect(p.rows.slice(0, 4).map((r) => [r.row.type, r.row.excludeFromSegment])).toEqual([
    ['Person', false],
    ['Company', true],
    ['Company', false],
    [undefined, true],
  ]);
  const bad = p.problems.filter((x) => x.code === 'badType');
  expect(bad.map((x) => x.row)).toEqual(Array.from({ length: 10 }, (_, k) => 4 * k + 5));
  expect(bad.every((x) => x.severity === 'warning' && x.column === 'C')).toBe(true);
});

describe('CSV values of imported columns, read in the workspace locale', () => {
  const FILE =
    'Nr.;Nome;Fatturato;Data nascita\nP1;Mario Uno;1.234,56;31/12/1980\nP2;Anna Due;0,5;01/02/1995\nP3;Luca Tre;950;15/06/1970\n';
  const prepareCsv = (text: string, locale: string) => {
    const csv = parseCsv(text);
    return prepareRows(gridFromCsv(csv, { locale }), suggestMapping(csv.header), { file: 'a.csv' });
  };
  const chosen = (p: ReturnType<typeof prepareCsv>, contact: Record<string, string>, locale: string) => {
    const matches = compileContactFilters({ contact }, { locale, today: '2026-01-31' });
    return p.rows
      .filter((r) => matches({ ...r.row, no: r.row.no ?? '' } as unknown as Contact, { contactsByNo: new Map() }))
      .map((r) => r.row.no);
  };

  test('numbers and dates of an it-IT file are typed, so filters on them pick the right contacts', () => {
    const p = prepareCsv(FILE, 'it-IT');
    expect(p.rows.map((r) => r.row.extra)).toEqual([
      { Fatturato: 1234.56, 'Data nascita': '1980-12-31' },
      { Fatturato: 0.5, 'Data nascita': '1995-02-01' },
      { Fatturato: 950, 'Data nascita': '1970-06-15' },
    ]);
    expect(p.problems).toEqual([]);
    expect(chosen(p, { 'extra.Fatturato': '>1000' }, 'it-IT')).toEqual(['P1']);
    expect(chosen(p, { 'extra.Data nascita': '>01/01/1990' }, 'it-IT')).toEqual(['P2']);
  });

  test('standard fields keep their text; codes with a leading zero and booleans stay as typed', () => {
    const p = prepareCsv(
      'Nr.;Nome;CAP;Codice;Attivo;Zero\nK1;Rossi;20100;00184;VERO;0\nK2;Bianchi;00184;0123;Sì;0,5\n',
      'it-IT',
    );
    expect(p.rows.map((r) => [r.row.postCode, r.row.extra])).toEqual([
      ['20100', { Codice: '00184', Attivo: 'VERO', Zero: 0 }],
      ['00184', { Codice: '0123', Attivo: 'Sì', Zero: 0.5 }],
    ]);
    expect(p.problems).toEqual([]);
  });

  test('en-US: 1,000 is a thousand and 1/31/2026 a date; without a locale the cells stay text', () => {
    const text = 'No.;Name;Sales;Since\nK1;Rossi;"1,000";1/31/2026\nK2;Bianchi;1.5;2026-02-01\n';
    expect(prepareCsv(text, 'en-US').rows.map((r) => r.row.extra)).toEqual([
      { Sales: 1000, Since: '2026-01-31' },
      { Sales: 1.5, Since: '2026-02-01' },
    ]);
    const csv = parseCsv(text);
    expect(prepareRows(gridFromCsv(csv), suggestMapping(csv.header)).rows[0].row.extra).toEqual({
      Sales: '1,000',
      Since: '1/31/2026',
    });
  });

  test('a column of numbers or dates with cells that are not: one warning naming how many, the first row and value', () => {
    const p = prepareCsv(
      'Nr.;Nome;Fatturato;Data nascita;Note\nP1;Uno;1.234,56;31/12/1980;5\nP2;Due;n/d;29/02/2001;ok\nP3;Tre;1.5;15/06/1970;bene\nP4;Quattro;7;oggi;x\n',
      'it-IT',
    );
    expect(p.rows.map((r) => r.row.extra)).toEqual([
      { Fatturato: 1234.56, 'Data nascita': '1980-12-31', Note: 5 },
      { Fatturato: 'n/d', 'Data nascita': '29/02/2001', Note: 'ok' },
      { Fatturato: '1.5', 'Data nascita': '1970-06-15', Note: 'bene' },
      { Fatturato: 7, 'Data nascita': 'oggi', Note: 'x' },
    ]);
    // The Note column is text with one number in it: no warning for that.
    expect(
      p.problems.map((x) => [x.severity, x.code, x.row, x.column, x.header, x.params.count, x.params.value]),
    ).toEqual([
      ['warning', 'unreadNumbers', 3, 'C', 'Fatturato', 2, 'n/d'],
      ['warning', 'unreadDates', 3, 'D', 'Data nascita', 2, '29/02/2001'],
    ]);
    expect(p.problems[0].message).toBe(
      'Column C (Fatturato): cells that are not numbers as this workspace writes them (1.234,56): 2, the first in row 3 ("n/d"). They were imported as text: filters compare them as text, not as numbers.',
    );
    expect(p.problems[1].message).toBe(
      'Column D (Data nascita): cells that are not dates (YYYY-MM-DD or 31/01/2026): 2, the first in row 3 ("29/02/2001"). They were imported as text: filters compare them as text, not as dates.',
    );
  });

  test('a file with a header and no data rows is said to be a file, not a range', () => {
    expect(thrown(() => prepareCsv('Nr.;Nome\n;\n', 'it-IT')).details.code).toBe('csvHeaderOnly');
  });
});

describe('an address cell of several lines (Alt+Enter in Excel, a quoted line break in a CSV)', () => {
  test('its first line stays in Address, the others go to Address 2, and one note per column names them', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Address', 'City'],
        [
          ['C1', 'Rossi', 'Via Roma 1\nScala B, interno 4', 'Roma'],
          ['C2', 'Bianchi', 'Corso Italia 5', 'Milano'],
          ['C3', 'Verdi', 'Piazza Duomo 2\r\n\r\n  Palazzo C \r\nPiano 3', 'Milano'],
        ],
      ),
    );
    expect(p.rows.map((r) => [r.row.address, r.row.address2])).toEqual([
      ['Via Roma 1', 'Scala B, interno 4'],
      ['Corso Italia 5', undefined],
      ['Piazza Duomo 2', 'Palazzo C, Piano 3'],
    ]);
    const notes = p.problems.filter((x) => x.code === 'addressLines');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', row: 2, column: 'C', header: 'Address' });
    expect(notes[0].params).toMatchObject({ count: 2, value: 'Via Roma 1 / Scala B, interno 4' });
    expect(notes[0].message).toContain('Column C (Address): 2 cells have several lines, the first in row 2');
    expect(p.problems.filter((x) => x.code === 'invalidValue')).toEqual([]);
  });

  test('where the row gives Address 2, the lines are joined in their own field; nothing is dropped', () => {
    const p = prepare(
      grid(
        ['No.', 'Name', 'Address', 'Address 2'],
        [
          ['C1', 'Rossi', 'Via Roma 1\nScala B', 'c/o Studio Neri'],
          ['C2', 'Bianchi', 'Corso Italia 5', 'Edificio 2\nPiano 1'],
        ],
      ),
    );
    expect(p.rows.map((r) => [r.row.address, r.row.address2])).toEqual([
      ['Via Roma 1, Scala B', 'c/o Studio Neri'],
      ['Corso Italia 5', 'Edificio 2, Piano 1'],
    ]);
    expect(p.problems.filter((x) => x.code === 'addressLines').map((x) => [x.column, x.row])).toEqual([
      ['C', 2],
      ['D', 3],
    ]);
  });

  test('a joined address longer than the field is dropped with the usual warning, the row kept', () => {
    const long = `${'Via '.padEnd(60, 'x')}\n${'Scala '.padEnd(50, 'y')}`;
    const p = prepare(grid(['No.', 'Name', 'Address', 'Address 2'], [['C1', 'Rossi', long, 'Int. 4']]));
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].row.address).toBeUndefined();
    expect(p.problems.find((x) => x.code === 'invalidValue')?.params).toMatchObject({
      reasonKey: 'tooLong',
      dropped: 1,
    });
  });
});
