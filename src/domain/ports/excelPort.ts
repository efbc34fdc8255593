// The plain-data interface of the Excel adapter (src/office/excel): what the pane calls. The taskpane
// wires the real adapter in; tests and other hosts pass undefined (the Excel pages then say so).
import { OFFICE_REQUEST_CAP } from '../officeLimits';
import type { ContactSource } from '../contact';
import type { ArrivingRows, SheetGrid } from '../sheetImport';

/** Where to read from. */
export type SheetSourceRequest =
  { kind: 'selection' } | { kind: 'table'; table: string } | { kind: 'usedRange'; sheet?: string };

export interface SheetRef {
  kind: SheetSourceRequest['kind'];
  workbook?: string;
  sheet: string;
  table?: string;
  /** A1 address of the cells read, header included (e.g. "Contacts!A1:L100001"). */
  address: string;
}

export interface SheetRead extends SheetGrid {
  ref: SheetRef;
  /** Round trips to the host it took (context.sync calls). */
  syncs: number;
}

export interface TableInfo {
  name: string;
  sheet: string;
}

/** 'auto': text cells as text, numbers and booleans as they are (extra columns). */
export type ExportCellKind = 'text' | 'number' | 'date' | 'boolean' | 'auto';
export type ExportValue = string | number | boolean | null;

export interface ExportColumn {
  header: string;
  kind: ExportCellKind;
}

/** A list to write to a new worksheet as a named Excel table. */
export interface ExportTable {
  /** Table name, e.g. Segment_SEG00001 (made unique in the workbook by the adapter). */
  name: string;
  /** Worksheet name wanted (made unique and at most 31 characters by the adapter). */
  sheetName: string;
  columns: ExportColumn[];
  /** Dates as ISO YYYY-MM-DD strings; they land as Excel dates. */
  rows: ExportValue[][];
}

export interface ExportResult {
  sheet: string;
  table: string;
  address: string;
  syncs: number;
}

export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number;
}

export interface ExcelPort {
  listTables(): Promise<TableInfo[]>;
  /** Reads header and rows in blocks sized by bytes; refuses more than 5,000,000 cells. */
  /** Aborting `signal` stops between blocks (the read then rejects with the signal's reason). */
  /**
   * `onRows`, once the first block is in: the read as it grows (the same object the read resolves to),
   * so that its rows can be prepared while the host reads the next block.
   */
  read(
    source: SheetSourceRequest,
    opts?: {
      onProgress?: (p: ReadProgress) => void;
      signal?: AbortSignal;
      onRows?: (read: SheetRead, arriving: ArrivingRows) => void;
    },
  ): Promise<SheetRead>;
  exportTable(table: ExportTable): Promise<ExportResult>;
  /** Selects the row a contact was imported from; false when the sheet, table or row is gone. */
  selectSourceRow(source: ContactSource): Promise<boolean>;
  /** Writes generated contact numbers into a new column right of the range read. */
  writeContactNos(
    ref: SheetRef,
    header: string,
    rows: { sheetRow: number; no: string }[],
  ): Promise<{ column: string; syncs: number }>;
}

/** Why the adapter refused (SegmentsError details.code, with the figures in details). */
export type ExcelRefusal =
  'tooManyCells' | 'emptyRange' | 'noWorkbook' | 'tableNotFound' | 'sheetNotFound' | 'rowTooLarge';

export const MAX_CELLS = 5_000_000;
/** Bytes a request or a response may carry: the one request cap (officeLimits). */
export const PAYLOAD_CAP = OFFICE_REQUEST_CAP;
