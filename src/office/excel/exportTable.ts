// Writes a list to a new worksheet as a named Excel table: one sync to learn the names in use, then the
// rows in blocks sized from the bytes they carry, each block one sync. In every block the number format
// is set before the values, in the same batch: text columns get `@`, so a text that starts with `=`, `+`,
// `-` or `@` lands as text, never as a formula. The last block also creates the table.
import { SegmentsError } from '../../domain/errors';
import type { ExportColumn, ExportResult, ExportTable, ExportValue } from '../../domain/ports/excelPort';
import { PAYLOAD_CAP } from '../../domain/ports/excelPort';
import { a1, quoteSheet } from './readRange';
import { sendHalving } from '../halveOnTooLarge';
import { rowBytes } from './payload';

/** What a batch carries besides the cells (the sheet, the range, the table): kept free under the cap. */
const BATCH_OVERHEAD = 16 * 1024;

type Cell = string | number | boolean;

export function cellOf(col: ExportColumn, v: ExportValue): { value: Cell; format: string } {
  if (v === null || v === undefined || v === '')
    return { value: '', format: col.kind === 'text' || col.kind === 'auto' ? '@' : 'General' };
  switch (col.kind) {
    case 'number':
      return typeof v === 'number' ? { value: v, format: 'General' } : { value: String(v), format: '@' };
    case 'boolean':
      return typeof v === 'boolean' ? { value: v, format: 'General' } : { value: String(v), format: '@' };
    case 'date': {
      const serial = typeof v === 'string' ? isoToSerial(v) : undefined;
      return serial === undefined ? { value: String(v), format: '@' } : { value: serial, format: 'yyyy-mm-dd' };
    }
    case 'auto':
      return typeof v === 'string' ? { value: v, format: '@' } : { value: v, format: 'General' };
    default:
      return { value: String(v), format: '@' };
  }
}

export function isoToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
}

/** A worksheet name Excel accepts (no []:*?/\, at most 31 characters), unique in the workbook. */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  const lower = new Set(taken.map((s) => s.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A table name unique in the workbook (table names are workbook-wide, beside the defined names): Segment_SEG00001, Segment_SEG00001_2, … */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((s) => s.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted}_${i}`.toLowerCase())) return `${wanted}_${i}`;
}

export async function exportTableTo(
  ctx: Excel.RequestContext,
  t: ExportTable,
  opts: { cap?: number } = {},
): Promise<ExportResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const cap = (opts.cap ?? PAYLOAD_CAP) - BATCH_OVERHEAD;
  const sheets = ctx.workbook.worksheets;
  const tables = ctx.workbook.tables;
  // Table names share one namespace with the workbook's defined names: Excel refuses a table named
  // like either, so both are read before anything is written.
  const names = ctx.workbook.names;
  sheets.load('items/name');
  tables.load('items/name');
  names.load('items/name');
  await sync();
  const sheetName = uniqueSheetName(
    t.sheetName,
    sheets.items.map((s) => s.name),
  );
  const tableName = uniqueTableName(t.name, [...tables.items.map((x) => x.name), ...names.items.map((x) => x.name)]);

  const cols = t.columns.length;
  const values: Cell[][] = [t.columns.map((c) => c.header)];
  const formats: string[][] = [t.columns.map(() => '@')];
  for (const r of t.rows) {
    const v: Cell[] = new Array(cols);
    const f: string[] = new Array(cols);
    for (let i = 0; i < cols; i++) {
      const cell = cellOf(t.columns[i], r[i] ?? null);
      v[i] = cell.value;
      f[i] = cell.format;
    }
    values.push(v);
    formats.push(f);
  }
  const total = values.length;
  const bytes = values.map((v, i) => rowBytes(v) + rowBytes(formats[i]));
  const tooBig = bytes.findIndex((b) => b > cap);
  if (tooBig >= 0) {
    // Checked before anything is written: no half-made sheet is left behind.
    throw new SegmentsError(
      'INVALID_INPUT',
      `Row ${tooBig + 1} of the export holds more than Excel takes in one request (about 5 MB).`,
      { code: 'rowTooLarge', row: tooBig + 1 },
    );
  }

  // Blocks by bytes; a block the host refuses is halved and retried (sendHalving).
  let ws: Excel.Worksheet | undefined;
  await sendHalving(
    total,
    (start) => {
      let end = start;
      let sum = 0;
      while (end < total && (end === start || sum + bytes[end] <= cap)) sum += bytes[end++];
      return end - start;
    },
    async (start, n) => {
      const end = start + n;
      const target = ws ?? sheets.add(sheetName);
      const range = target.getRangeByIndexes(start, 0, n, cols);
      range.numberFormat = formats.slice(start, end);
      range.values = values.slice(start, end);
      if (end === total) {
        const table = target.tables.add(target.getRangeByIndexes(0, 0, total, cols), true);
        table.name = tableName;
        target.getRangeByIndexes(0, 0, 1, cols).format.autofitColumns();
        target.activate();
      }
      await sync();
      ws = target;
    },
    {
      single: (start) =>
        new SegmentsError(
          'INVALID_INPUT',
          `Row ${start + 1} of the export holds more than Excel takes in one request (about 5 MB).`,
          { code: 'rowTooLarge', row: start + 1 },
        ),
    },
  );
  return {
    sheet: sheetName,
    table: tableName,
    address: `${quoteSheet(sheetName)}!A1:${a1(total - 1, cols - 1)}`,
    syncs,
  };
}
