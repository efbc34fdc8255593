// Reads a selection, a table or a sheet's used range: one sync for where it is, then the cells in row
// blocks, each block one sync. A block is sized by its cells (blockRows) and by the bytes it carries
// (values, displayed text, number formats, value types), whichever is smaller. A block the host refuses
// as too large is halved and retried.
import { SegmentsError } from '../../domain/errors';
import {
  MAX_CELLS,
  PAYLOAD_CAP,
  type ReadProgress,
  type SheetRead,
  type SheetRef,
  type SheetSourceRequest,
} from '../../domain/ports/excelPort';
import { isDateFormat, type CellValue } from '../../domain/sheetCells';
import { nextTask } from '../../domain/importResolve';
import type { ArrivingRows, MergedArea, UncheckedInSheet } from '../../domain/sheetImport';
import { parseAreas } from './address';
import { NoValuesAnswered, sendHalving } from '../halveOnTooLarge';
import { rowBytes } from './payload';

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
  /** Bytes a block may carry (default PAYLOAD_CAP). */
  cap?: number;
  /** Cells a block may ask for (default BLOCK_CELLS); Infinity sizes the blocks by their bytes alone. */
  blockCells?: number;
  /** Requirement sets: merged areas need ExcelApi 1.13, visible cells 1.9, the workbook's name 1.7. */
  supports?: ExcelSupport;
  /** Once the first block is in: the read as it grows, and how to wait for its next rows. */
  onRows?: (read: SheetRead, arriving: ArrivingRows) => void;
}

export interface ExcelSupport {
  /** ExcelApi 1.13: merged areas. */
  mergedAreas: boolean;
  /** ExcelApi 1.9: visible cells (hidden rows). */
  specialCells: boolean;
  /** ExcelApi 1.16: Workbook.use1904DateSystem. Default false (then the import says it was not checked). */
  dateSystem?: boolean;
  /** ExcelApi 1.9: findOrNullObject, for show-in-sheet. Default true. */
  showInSheet?: boolean;
  /** ExcelApi 1.7: the workbook's name and getRangeByIndexes (what reading in blocks needs). Default true. */
  core?: boolean;
}

/** Rows of a block measured in one go before the page gets a turn (a timer between slices). */
const MEASURE_SLICE = 1_000;

/**
 * The cells one block asks of the host. The host builds its answer (and office.js reads it in the page)
 * in one go, so the answer's size is the length of a task: 45,000 cells is 3,750 rows of 12 columns,
 * about 2 MB of values, text, formats and types, where the byte cap alone let a block grow to 7,700 rows.
 */
export const BLOCK_CELLS = 45_000;

/**
 * The blocks a read takes at most on account of BLOCK_CELLS: with the sync that locates the range, 30
 * round trips, the budget a read of 100,000 rows × 12 columns is held to (28 with BLOCK_CELLS). A larger
 * range gets larger blocks instead of more round trips, up to the byte cap.
 */
export const MAX_CELL_BLOCKS = 29;

/** Rows per block for a range of `rowCount` rows (header included) and `columnCount` columns, by cells. */
export function blockRows(rowCount: number, columnCount: number, cells = BLOCK_CELLS): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columnCount)), Math.ceil(rowCount / MAX_CELL_BLOCKS));
}

/** What the first guess of a block assumes per cell before anything is measured. */
const FIRST_GUESS_BYTES_PER_CELL = 96;
const MARGIN = 1.05;

interface Located {
  ws: Excel.Worksheet;
  ref: SheetRef;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  rowHidden: boolean | null;
  /** The workbook counts dates from 1904 (some Mac workbooks); undefined when the host cannot say. */
  date1904?: boolean;
}

/** Days between the 1900 and the 1904 date systems' day 0. */
export const DATE_1904_OFFSET = 1462;

export async function readSource(
  ctx: Excel.RequestContext,
  req: SheetSourceRequest,
  opts: ReadOptions = {},
): Promise<SheetRead> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  if (opts.supports?.core === false) {
    throw new SegmentsError(
      'INVALID_INPUT',
      'This Excel is too old to read sheets in blocks (ExcelApi 1.7 is needed).',
      { code: 'excelTooOld' },
    );
  }
  const loc = await locate(ctx, req, sync, Boolean(opts.supports?.dateSystem));
  const cap = opts.cap ?? PAYLOAD_CAP;
  const supports = opts.supports ?? { mergedAreas: true, specialCells: true };
  const { ws, rowCount, columnCount } = loc;

  // The data rows (the header row apart), growing block by block: the read handed to `onRows` is the
  // one returned, so its rows can be prepared while the host reads the next block.
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const valueTypes: string[][] = [];
  const firstDataRow = loc.row + 2; // 1-based sheet row of the first data row
  const read: SheetRead = {
    ref: loc.ref,
    syncs: 0,
    headerRow: loc.row + 1,
    firstColumn: loc.column,
    header: [],
    rowNumbers: Array.from({ length: rowCount - 1 }, (_, i) => firstDataRow + i),
    values,
    text,
    numberFormat,
    valueTypes,
    hiddenRows: [],
    mergedAreas: [],
  };
  const arrival = arrivals(() => values.length);
  let metaPending = true;
  let bytesSeen = 0;
  let rowsSeen = 0;
  let perRow = FIRST_GUESS_BYTES_PER_CELL * columnCount;
  const byCells = blockRows(rowCount, columnCount, opts.blockCells);
  try {
    await sendHalving(
      rowCount,
      () => Math.min(byCells, cap / perRow),
      async (start, n) => {
        let merged: Excel.RangeAreas | undefined;
        let visible: Excel.RangeAreas | undefined;
        if (metaPending) {
          const whole = ws.getRangeByIndexes(loc.row, loc.column, rowCount, columnCount);
          if (supports.mergedAreas) {
            merged = whole.getMergedAreasOrNullObject();
            merged.load('address');
          }
          if (supports.specialCells && loc.rowHidden !== false) {
            visible = whole.getSpecialCellsOrNullObject('Visible');
            visible.load('address');
          }
        }
        const block = ws.getRangeByIndexes(loc.row + start, loc.column, n, columnCount);
        block.load('values,text,numberFormat,valueTypes');
        await sync();
        // Excel may answer a huge range with no values instead of an error: treat it as too large.
        if (!Array.isArray(block.values)) throw new NoValuesAnswered();
        const first = metaPending;
        if (metaPending) {
          const mergedAddress = merged && !merged.isNullObject ? merged.address : undefined;
          const visibleAddress = visible ? (visible.isNullObject ? null : visible.address) : undefined;
          read.hiddenRows = hiddenRows(loc, visibleAddress);
          read.mergedAreas = mergedAddress
            ? parseAreas(mergedAddress).map((a): MergedArea => ({
                row: a.row + 1,
                column: a.column,
                rowCount: a.rowCount,
                columnCount: a.columnCount,
              }))
            : [];
          metaPending = false;
        }
        let bytes = 0;
        let widest = 0;
        for (let i = 0; i < n; i++) {
          // A block of a few thousand rows is measured in slices, each its own task, so the pane stays responsive.
          if (i > 0 && i % MEASURE_SLICE === 0) {
            arrival.arrived();
            await nextTask();
          }
          const b =
            rowBytes(block.values[i]) +
            rowBytes(block.text[i]) +
            rowBytes(block.numberFormat[i]) +
            rowBytes(block.valueTypes[i]);
          bytes += b;
          if (start + i === 0) {
            read.header = block.text[0].map((h) => h.trim());
            continue; // the header row says nothing about the data's widths
          }
          widest = Math.max(widest, b);
          const rowValues = block.values[i] as CellValue[];
          // Serial dates of a 1904 workbook, brought to the 1900 system that the rest of the import assumes.
          if (loc.date1904) shiftDates(rowValues, block.numberFormat[i] as string[]);
          values.push(rowValues);
          text.push(block.text[i]);
          numberFormat.push(block.numberFormat[i] as string[]);
          valueTypes.push(block.valueTypes[i] as string[]);
        }
        bytesSeen += bytes;
        rowsSeen += n;
        // The next block is sized from what this one carried: its widest data row, or the average with a margin.
        perRow = Math.max(widest, (bytes / n) * MARGIN, (bytesSeen / rowsSeen) * MARGIN);
        if (first) opts.onRows?.(read, arrival.rows);
        arrival.arrived();
        opts.onProgress?.({ rowsRead: Math.max(0, start + n - 1), rowsTotal: rowCount - 1 });
      },
      {
        signal: opts.signal,
        single: (start, e) =>
          e instanceof NoValuesAnswered
            ? new SegmentsError('INVALID_INPUT', `Excel returned no values for row ${loc.row + start + 1}.`, {
                code: 'rowTooLarge',
                row: loc.row + start + 1,
              })
            : new SegmentsError(
                'INVALID_INPUT',
                `Row ${loc.row + start + 1} holds more than Excel can send in one request (about 5 MB).`,
                {
                  code: 'rowTooLarge',
                  row: loc.row + start + 1,
                },
              ),
      },
    );

    const unchecked: UncheckedInSheet[] = [];
    if (!supports.specialCells && loc.rowHidden !== false) unchecked.push('hiddenRows');
    if (!supports.mergedAreas) unchecked.push('mergedCells');
    if (loc.date1904 === undefined && (await hasDates(values, numberFormat))) unchecked.push('dateSystem');
    if (unchecked.length) read.unchecked = unchecked;
    read.syncs = syncs;
  } catch (e) {
    arrival.failed(e);
    throw e;
  }
  arrival.ended();
  return read;
}

/** The rows of a read as they arrive, for a preparation that waits for them (ArrivingRows). */
function arrivals(count: () => number) {
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let seen = 0;
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const x of w) {
      if (failure) x.reject(failure.error);
      else x.resolve();
    }
  };
  const rows: ArrivingRows = {
    arrived: count,
    ended: () => done,
    more: () =>
      failure
        ? Promise.reject(failure.error)
        : done || count() > seen
          ? Promise.resolve().then(() => void (seen = count()))
          : new Promise<void>((resolve, reject) =>
              waiting.push({ resolve: () => ((seen = count()), resolve()), reject }),
            ),
  };
  return {
    rows,
    /** More rows are in (wakes a preparation waiting for them). */
    arrived: () => {
      if (count() > seen) wake();
    },
    ended: () => {
      done = true;
      wake();
    },
    failed: (error: unknown) => {
      failure = { error };
      wake();
    },
  };
}

/** Whether any number is formatted as a date; a slice of rows per task, like the measuring of a block. */
async function hasDates(values: CellValue[][], formats: string[][]): Promise<boolean> {
  for (let r = 0; r < values.length; r++) {
    if (r > 0 && r % MEASURE_SLICE === 0) await nextTask();
    const row = values[r];
    for (let c = 0; c < row.length; c++) if (typeof row[c] === 'number' && isDateFormat(formats[r]?.[c])) return true;
  }
  return false;
}

/** A row's serial dates (numbers in a date format) moved from the 1904 to the 1900 date system. */
function shiftDates(row: CellValue[], formats: string[]): void {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'number' && isDateFormat(formats?.[c])) row[c] = v + DATE_1904_OFFSET;
  }
}

function hiddenRows(loc: Located, visibleAddress: string | null | undefined): number[] {
  if (loc.rowHidden === false || visibleAddress === undefined) return [];
  const shown = new Uint8Array(loc.rowCount);
  if (visibleAddress !== null) {
    for (const a of parseAreas(visibleAddress)) {
      for (let r = Math.max(a.row, loc.row); r < Math.min(a.row + a.rowCount, loc.row + loc.rowCount); r++)
        shown[r - loc.row] = 1;
    }
  }
  const out: number[] = [];
  for (let i = 1; i < loc.rowCount; i++) if (!shown[i]) out.push(loc.row + i + 1);
  return out;
}

/** One sync: where the cells are, clipped to the used range for a selection; refuses empty and huge ranges. */
async function locate(
  ctx: Excel.RequestContext,
  req: SheetSourceRequest,
  sync: () => Promise<void>,
  dateSystem: boolean,
): Promise<Located> {
  const wb = ctx.workbook;
  // use1904DateSystem (ExcelApi 1.16) is not in every typing of office.js yet.
  const wbDates = wb as unknown as { use1904DateSystem?: boolean; load(p: string): void };
  wbDates.load(dateSystem ? 'name,use1904DateSystem' : 'name');
  let range: Excel.Range;
  let sheetProxy: Excel.Worksheet;
  let used: Excel.Range | undefined;
  let table: Excel.Table | undefined;
  if (req.kind === 'selection') {
    range = wb.getSelectedRange();
    sheetProxy = range.worksheet;
    used = sheetProxy.getUsedRangeOrNullObject(true);
  } else if (req.kind === 'table') {
    table = wb.tables.getItem(req.table);
    table.load('name,showTotals');
    range = table.getRange();
    sheetProxy = table.worksheet;
  } else {
    sheetProxy = req.sheet ? wb.worksheets.getItem(req.sheet) : wb.worksheets.getActiveWorksheet();
    range = sheetProxy.getUsedRangeOrNullObject(true);
  }
  range.load('address,rowIndex,columnIndex,rowCount,columnCount,rowHidden');
  sheetProxy.load('name');
  used?.load('rowIndex,columnIndex,rowCount,columnCount');
  try {
    await sync();
  } catch (e) {
    if (table && (e as { code?: string }).code === 'ItemNotFound') {
      throw new SegmentsError('NOT_FOUND', `The table ${(req as { table: string }).table} is not in this workbook.`, {
        code: 'tableNotFound',
      });
    }
    if (req.kind === 'usedRange' && (e as { code?: string }).code === 'ItemNotFound') {
      throw new SegmentsError('NOT_FOUND', `The sheet ${req.sheet ?? ''} is not in this workbook.`, {
        code: 'sheetNotFound',
      });
    }
    throw e;
  }
  if (range.isNullObject) throw new SegmentsError('INVALID_INPUT', 'The sheet is empty.', { code: 'emptyRange' });
  let row = range.rowIndex;
  let column = range.columnIndex;
  let rowCount = range.rowCount;
  let columnCount = range.columnCount;
  if (table?.showTotals) rowCount -= 1;
  if (used) {
    if (used.isNullObject) throw new SegmentsError('INVALID_INPUT', 'The selection is empty.', { code: 'emptyRange' });
    const r1 = Math.min(row + rowCount, used.rowIndex + used.rowCount);
    const c1 = Math.min(column + columnCount, used.columnIndex + used.columnCount);
    row = Math.max(row, used.rowIndex);
    column = Math.max(column, used.columnIndex);
    rowCount = r1 - row;
    columnCount = c1 - column;
    if (rowCount <= 0 || columnCount <= 0)
      throw new SegmentsError('INVALID_INPUT', 'The selection is empty.', { code: 'emptyRange' });
  }
  const cells = rowCount * columnCount;
  if (cells > MAX_CELLS) {
    throw new SegmentsError(
      'INVALID_INPUT',
      `The range has ${cells} cells; at most ${MAX_CELLS} can be read. Select fewer rows or columns.`,
      {
        code: 'tooManyCells',
        cells,
        max: MAX_CELLS,
      },
    );
  }
  const sheet = sheetProxy.name;
  const ref: SheetRef = {
    kind: req.kind,
    workbook: wb.name || undefined,
    sheet,
    table: table?.name,
    address: `${quoteSheet(sheet)}!${a1(row, column)}:${a1(row + rowCount - 1, column + columnCount - 1)}`,
  };
  return {
    ws: sheetProxy,
    ref,
    row,
    column,
    rowCount,
    columnCount,
    rowHidden: range.rowHidden,
    date1904: dateSystem ? Boolean(wbDates.use1904DateSystem) : undefined,
  };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function a1(row: number, column: number): string {
  let s = '';
  let n = column + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}
