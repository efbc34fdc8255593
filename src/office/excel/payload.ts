// Payload sizes and the host's errors. Excel on the web refuses a request or a response over ~5 MB; we
// size blocks by the bytes they carry (JSON, UTF-8) to stay under PAYLOAD_CAP, and split a block the
// host still refuses.
import { SegmentsError } from '../../domain/errors';

/** Bytes of a string once JSON-encoded in UTF-8 (quotes included). */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0x20) n += ch === 0x0a || ch === 0x0d || ch === 0x09 ? 2 : 6;
    else if (ch === 0x22 || ch === 0x5c) n += 2;
    else if (ch < 0x80) n += 1;
    else if (ch < 0x800) n += 2;
    else if (ch >= 0xd800 && ch <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of one JSON value as Excel carries cell values (strings, numbers, booleans, null). */
export function jsonValueBytes(v: unknown): number {
  if (typeof v === 'string') return jsonStringBytes(v);
  if (v === null || v === undefined) return 4;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return String(v).length;
}

/** Bytes of a row of cells in a 2-D array (values, separators, brackets). */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += jsonValueBytes(v);
  return n + 1;
}

/** An Office error as a typed error that keeps the host's code; SegmentsErrors pass through. */
export class ExcelHostError extends Error {
  readonly code: string;
  readonly debugInfo: unknown;
  constructor(code: string, message: string, debugInfo?: unknown) {
    super(message);
    this.name = 'ExcelHostError';
    this.code = code;
    this.debugInfo = debugInfo;
  }
}

export function toExcelError(e: unknown): Error {
  if (e instanceof SegmentsError || e instanceof ExcelHostError) return e;
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError') return e as Error;
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const x = e as { code: unknown; message?: unknown; debugInfo?: unknown };
    return new ExcelHostError(String(x.code), String(x.message ?? x.code), x.debugInfo);
  }
  return e instanceof Error ? e : new Error(String(e));
}
