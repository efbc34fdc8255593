// The sample workbook of TESTING.md (test/fixtures/excel-traps.xlsx) is what scripts/make-excel-fixture.mjs
// writes, and every trap in it lands in the import report at its sheet row. The cells are read with a
// small xlsx reader that shows numbers as Excel would (formats, #### in a narrow column, scientific).
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { suggestMapping } from '../../src/domain/columnMapping';
import type { CellValue } from '../../src/domain/sheetCells';
import { serialToIso } from '../../src/domain/sheetCells';
import { prepareRows, type MergedArea, type SheetGrid } from '../../src/domain/sheetImport';
import { parseAreas } from '../../src/office/excel/address';

const FIXTURE = join(__dirname, '../fixtures/excel-traps.xlsx');
const FORMATS = ['General', '@', '00000', 'dd/mm/yyyy', '#,##0.00', '0'];

function readSheet(bytes: Uint8Array, sheetNo: number): SheetGrid {
  const files = unzipSync(bytes);
  const doc = new DOMParser().parseFromString(strFromU8(files[`xl/worksheets/sheet${sheetNo}.xml`]), 'text/xml');
  const widths = new Map<number, number>();
  for (const c of Array.from(doc.getElementsByTagName('col')))
    widths.set(Number(c.getAttribute('min')) - 1, Number(c.getAttribute('width')));
  const rows: { values: CellValue[]; text: string[]; formats: string[]; types: string[] }[] = [];
  const hidden: number[] = [];
  let width = 0;
  for (const r of Array.from(doc.getElementsByTagName('row'))) {
    const rn = Number(r.getAttribute('r'));
    if (r.getAttribute('hidden') === '1') hidden.push(rn);
    const row = { values: [] as CellValue[], text: [] as string[], formats: [] as string[], types: [] as string[] };
    for (const c of Array.from(r.getElementsByTagName('c'))) {
      const j = parseAreas(c.getAttribute('r')!)[0].column;
      const t = c.getAttribute('t') ?? 'n';
      const fmt = FORMATS[Number(c.getAttribute('s') ?? 0)];
      const raw =
        t === 'inlineStr'
          ? (c.getElementsByTagName('t')[0]?.textContent ?? '')
          : (c.getElementsByTagName('v')[0]?.textContent ?? '');
      const str = raw.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      let value: CellValue = str;
      let text = str;
      let type = 'String';
      if (t === 'n') {
        const n = Number(raw);
        value = n;
        type = 'Double';
        text = shown(n, fmt, widths.get(j) ?? 10);
      } else if (t === 'b') {
        value = raw === '1';
        text = value ? 'TRUE' : 'FALSE';
        type = 'Boolean';
      } else if (t === 'e') type = 'Error';
      row.values[j] = value;
      row.text[j] = text;
      row.formats[j] = fmt;
      row.types[j] = type;
      width = Math.max(width, j + 1);
    }
    rows[rn - 1] = row;
  }
  const full = Array.from({ length: rows.length }, (_, i) => {
    const r = rows[i];
    return {
      values: Array.from({ length: width }, (_, j) => r?.values[j] ?? ''),
      text: Array.from({ length: width }, (_, j) => r?.text[j] ?? ''),
      formats: Array.from({ length: width }, (_, j) => r?.formats[j] ?? 'General'),
      types: Array.from({ length: width }, (_, j) => r?.types[j] ?? 'Empty'),
    };
  });
  const merged: MergedArea[] = Array.from(doc.getElementsByTagName('mergeCell')).map((m) => {
    const a = parseAreas(m.getAttribute('ref')!)[0];
    return { row: a.row + 1, column: a.column, rowCount: a.rowCount, columnCount: a.columnCount };
  });
  return {
    headerRow: 1,
    firstColumn: 0,
    header: full[0].text,
    rowNumbers: full.slice(1).map((_, i) => i + 2),
    values: full.slice(1).map((r) => r.values),
    text: full.slice(1).map((r) => r.text),
    numberFormat: full.slice(1).map((r) => r.formats),
    valueTypes: full.slice(1).map((r) => r.types),
    hiddenRows: hidden,
    mergedAreas: merged,
  };
}

/** How Excel shows a number in a column `width` characters wide. */
function shown(n: number, fmt: string, width: number): string {
  if (fmt === '00000') return String(n).padStart(5, '0');
  if (fmt === 'dd/mm/yyyy') return serialToIso(n).split('-').reverse().join('/');
  if (fmt === '#,##0.00') return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = String(n);
  if (plain.length <= width) return plain;
  return fmt === '0' ? '#'.repeat(Math.floor(width)) : n.toExponential(2).toUpperCase().replace('E+', 'E+');
}

test('the committed workbook is exactly what the script writes', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'traps.xlsx');
  execFileSync(process.execPath, [join(__dirname, '../../scripts/make-excel-fixture.mjs'), out]);
  expect(Buffer.compare(readFileSync(out), readFileSync(FIXTURE))).toBe(0);
});

describe('every trap of the sample workbook, by sheet row', () => {
  const grid = readSheet(readFileSync(FIXTURE), 1);
  const p = prepareRows(grid, suggestMapping(grid.header), { workbook: 'excel-traps.xlsx', sheet: 'Contacts' });
  const at = (row: number) =>
    p.problems.filter((x) => x.row === row).map((x) => `${x.code}${x.column ? ` ${x.column}` : ''}`);
  const rowOf = (sheetRow: number) => p.rows.find((r) => r.sheetRow === sheetRow)?.row;

  test.each<[number, string[]]>([
    [2, ['duplicateNo']],
    [4, ['numbersInTextColumn E']],
    [5, ['narrowColumn M']],
    [7, ['excelError F']],
    [8, ['excelError N']],
    [9, ['blankRows']],
    [11, ['invalidValue B']],
    [12, ['invalidValue B']],
    [14, ['hiddenRows']],
    [16, ['mergedCells F16:F17']],
    [19, ['badType J']],
    [21, ['numbersInTextColumn M', 'scientific M']],
  ])('row %i: %j', (row, codes) => {
    expect(at(row).sort()).toEqual(codes.sort());
  });

  test('what is imported keeps what the sheet shows', () => {
    expect(rowOf(3)?.postCode).toBe('00184');
    expect(rowOf(4)?.postCode).toBe('184');
    expect(rowOf(5)?.phoneNo).toBe('3912345678');
    expect(rowOf(6)?.name).toBe('Russo Paolo');
    expect((rowOf(10)?.extra?.Notes as string).length).toBe(30_000);
    expect(rowOf(13)?.extra?.Notes).toBe('=HYPERLINK("http://x","y")');
    expect(rowOf(15)?.name).toBe('Rossi Mario (updated)');
    expect(rowOf(17)?.city).toBe('Roma');
    expect(rowOf(18)?.no).toBeUndefined();
    expect(rowOf(20)?.excludeFromSegment).toBe(true);
    expect(rowOf(21)?.phoneNo).toBe('393331234567');
    expect(rowOf(3)).toMatchObject({ extra: { Revenue: 1234.5, 'Customer Since': '2026-01-31' } });
    // An Excel error or a bad type leaves that value out (warned); only a bad identity (rows 11, 12) or a
    // duplicate number rejects the row.
    expect(p.rejectedRows).toEqual([2, 11, 12]);
    expect(rowOf(19)).toBeDefined();
    expect(rowOf(19)).not.toHaveProperty('type');
    expect(
      p.problems.filter((x) => [7, 8, 19].includes(x.row ?? 0)).map((x) => [x.row, x.severity, x.params.dropped]),
    ).toEqual([
      [7, 'warning', 1],
      [8, 'warning', 1],
      [19, 'warning', 1],
    ]);
  });

  test('the other sheets: a table with Italian headers, duplicate headers, header only, empty', () => {
    const leads = readSheet(readFileSync(FIXTURE), 2);
    const l = prepareRows(leads, suggestMapping(leads.header));
    expect(l.rows[0].row).toMatchObject({
      no: 'LD001',
      companyName: 'Beta SpA',
      postCode: '00100',
      city: 'Città di Castello',
      salespersonCode: 'BD',
      mailingGroups: ['PROMO', 'XMAS'],
    });
    const dup = readSheet(readFileSync(FIXTURE), 3);
    expect(prepareRows(dup, suggestMapping(dup.header)).rows[0].row.email).toBe('first@example.it');
    const headerOnly = readSheet(readFileSync(FIXTURE), 4);
    expect(() => prepareRows(headerOnly, suggestMapping(headerOnly.header))).toThrow(/no data rows/);
    expect(strFromU8(unzipSync(readFileSync(FIXTURE))['xl/tables/table1.xml'])).toContain('name="Leads"');
  });
});
