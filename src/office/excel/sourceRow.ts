// Back to the sheet a contact came from: select its row (found by its key, e.g. its No.), and write the
// numbers given to rows that had none into a new column.
import type { ContactSource } from '../../domain/contact';
import { PAYLOAD_CAP, type SheetRef } from '../../domain/ports/excelPort';
import { parseRowKey } from '../../domain/sheetImport';
import { columnLetter } from '../../domain/sheetCells';
import { parseAreas } from './address';
import { sendHalving } from '../halveOnTooLarge';
import { jsonStringBytes } from './payload';

/**
 * Four syncs: find the sheet (or table); its area and header row; the key in the key's column only (a
 * person's Company No. equal to a company's No. must not select the person); then activate and select.
 */
export async function selectSourceRow(ctx: Excel.RequestContext, source: ContactSource): Promise<boolean> {
  const key = parseRowKey(source.rowKey);
  if (!key || (!source.sheet && !source.table)) return false;
  const wb = ctx.workbook;
  wb.load('name');
  const table = source.table ? wb.tables.getItemOrNullObject(source.table) : undefined;
  const sheet = source.sheet ? wb.worksheets.getItemOrNullObject(source.sheet) : undefined;
  table?.load('name');
  sheet?.load('name');
  await ctx.sync();
  if (source.workbook && wb.name && source.workbook !== wb.name) return false;
  const ws = table && !table.isNullObject ? table.worksheet : sheet && !sheet.isNullObject ? sheet : undefined;
  if (!ws) return false;
  const area = table && !table.isNullObject ? table.getRange() : ws.getUsedRangeOrNullObject(true);
  area.load('rowIndex,columnIndex,rowCount,columnCount');
  const headerRow = key.header === '#row' ? undefined : area.getRow(0);
  headerRow?.load('text');
  await ctx.sync();
  if (area.isNullObject) return false;
  let row: number;
  if (headerRow) {
    const column = (headerRow.text[0] ?? []).findIndex(
      (h) => h.trim().toLowerCase() === key.header.trim().toLowerCase(),
    );
    if (column < 0 || area.rowCount < 2) return false;
    const found = ws
      .getRangeByIndexes(area.rowIndex + 1, area.columnIndex + column, area.rowCount - 1, 1)
      .findOrNullObject(key.value, { completeMatch: true, matchCase: true });
    found.load('rowIndex');
    await ctx.sync();
    if (found.isNullObject) return false;
    row = found.rowIndex;
  } else {
    row = Number(key.value) - 1;
  }
  if (!Number.isInteger(row) || row < 0) return false;
  ws.activate();
  ws.getRangeByIndexes(row, area.columnIndex, 1, area.columnCount).select();
  await ctx.sync();
  return true;
}

/**
 * Writes `header` and the numbers into the first column right of the range read (a new table column for
 * a table; an inserted sheet column when that column is not empty). Text format first, then the values;
 * blocks sized by bytes like every other write. Returns the column letter.
 */
export async function writeContactNos(
  ctx: Excel.RequestContext,
  ref: SheetRef,
  header: string,
  rows: { sheetRow: number; no: string }[],
  opts: { cap?: number } = {},
): Promise<{ column: string; syncs: number }> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const [area] = parseAreas(ref.address);
  const ws = ctx.workbook.worksheets.getItem(ref.sheet);
  const col = area.column + area.columnCount;
  const table = ref.table ? ctx.workbook.tables.getItem(ref.table) : undefined;
  const probe = ws.getRangeByIndexes(area.row, col, area.rowCount, 1).getUsedRangeOrNullObject(true);
  probe.load('address');
  await sync();
  if (table) table.columns.add(undefined, undefined, header);
  else if (!probe.isNullObject) ws.getRange(`${columnLetter(col)}:${columnLetter(col)}`).insert('Right');

  const byRow = new Map(rows.map((r) => [r.sheetRow, r.no]));
  const cells: string[] = [];
  for (let i = 0; i < area.rowCount; i++) cells.push(i === 0 ? header : (byRow.get(area.row + i + 1) ?? ''));
  const cap = (opts.cap ?? PAYLOAD_CAP) - 16 * 1024;
  await sendHalving(
    cells.length,
    (start) => {
      let end = start;
      let sum = 0;
      while (end < cells.length && (end === start || sum + jsonStringBytes(cells[end]) + 12 <= cap))
        sum += jsonStringBytes(cells[end++]) + 12;
      return end - start;
    },
    async (start, n) => {
      const range = ws.getRangeByIndexes(area.row + start, col, n, 1);
      range.numberFormat = cells.slice(start, start + n).map(() => ['@']);
      range.values = cells.slice(start, start + n).map((c) => [c]);
      await sync();
    },
  );
  return { column: columnLetter(col), syncs };
}
