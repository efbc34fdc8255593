// The Excel adapter: the ExcelPort the pane calls, one Excel.run per user action, plain data in and out.
import type { ContactSource } from '../../domain/contact';
import type { ExcelPort, ExportTable, SheetRef, SheetSourceRequest, TableInfo } from '../../domain/ports/excelPort';
import { featureSupport, featureUnavailable, type OfficeFeature } from '../../domain/officeRequirements';
import { exportTableTo } from './exportTable';
import { toExcelError } from './payload';
import { readSource, type ExcelSupport } from './readRange';
import { selectSourceRow, writeContactNos } from './sourceRow';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelAdapterOptions {
  /** Excel.run; injected in tests. */
  run?: ExcelRun;
  /** Bytes per request/response (default 4 MB). */
  cap?: number;
  /** Cells a block of a read asks for at most (default BLOCK_CELLS; the Excel import bench compares). */
  blockCells?: number;
  /** Requirement sets, checked once by the caller (default: asked of Office once, here). */
  supports?: ExcelSupport;
}

export function createExcelPort(opts: ExcelAdapterOptions = {}): ExcelPort {
  const run: ExcelRun = opts.run ?? ((batch) => Excel.run(batch));
  const supports = opts.supports ?? detectSupport();
  const guarded = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await run(batch);
    } catch (e) {
      throw toExcelError(e);
    }
  };
  return {
    listTables: () =>
      guarded(async (ctx) => {
        const tables = ctx.workbook.tables;
        tables.load('items/name,items/worksheet/name');
        await ctx.sync();
        return tables.items.map((t): TableInfo => ({ name: t.name, sheet: t.worksheet.name }));
      }),
    read: (source: SheetSourceRequest, o) =>
      guarded((ctx) =>
        readSource(ctx, source, {
          cap: opts.cap,
          blockCells: opts.blockCells,
          supports,
          onProgress: o?.onProgress,
          signal: o?.signal,
          onRows: o?.onRows,
        }),
      ),
    // Each feature above the host's minimum is checked before anything is queued (never mid-action).
    exportTable: (table: ExportTable) =>
      needs(supports.core !== false, 'excelCore', () => guarded((ctx) => exportTableTo(ctx, table, { cap: opts.cap }))),
    selectSourceRow: (source: ContactSource) =>
      needs(supports.showInSheet !== false && supports.core !== false, 'excelShowInSheet', () =>
        guarded((ctx) => selectSourceRow(ctx, source)),
      ),
    writeContactNos: (ref: SheetRef, header: string, rows) =>
      needs(supports.core !== false, 'excelCore', () =>
        guarded((ctx) => writeContactNos(ctx, ref, header, rows, { cap: opts.cap })),
      ),
  };
}

function needs<T>(available: boolean, feature: OfficeFeature, action: () => Promise<T>): Promise<T> {
  return available ? action() : Promise.reject(featureUnavailable(feature));
}

/** Asked of Office once per adapter: what the pane can use on this Excel. */
function detectSupport(): ExcelSupport {
  const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  const f = featureSupport('Excel', (set, v) => Boolean(req?.isSetSupported(set, v)));
  return {
    mergedAreas: f.excelMergedCells,
    specialCells: f.excelHiddenRows,
    core: f.excelCore,
    showInSheet: f.excelShowInSheet,
    dateSystem: f.excelDateSystem,
  };
}
