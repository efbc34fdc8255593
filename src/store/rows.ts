// Upsert of imported rows (workspace-api.md, ImportReport): each row validated, merged into the stored
// record (absent fields keep their value), valid rows written together, invalid ones reported by index.
import Dexie, { type Table } from 'dexie';
import type { z } from 'zod';
import type { ImportReport } from '../domain/importReport';
import type { ActionScope } from './action';
import { readByIndexKeys } from './indexReads';

interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface UpsertSpec<T extends StoredRecord, K extends string> {
  table: Table<T, string>;
  keyField: K;
  keyCaption: string;
  /** Schema of one row: every field optional but the key; unknown fields refused. */
  rowSchema: z.ZodType;
  /** The defaults of a new record with this key. */
  empty(key: string): Omit<T, keyof StoredRecord>;
  /** Checks on the merged record (e.g. a new contact needs a name); returns readable problems. */
  check?(record: T, isNew: boolean): string[];
  /**
   * Completes merged records (e.g. a person's company name), a batch at a time; `merged` holds every
   * record of the call by key, for what one record takes from another.
   */
  complete?(records: T[], merged: ReadonlyMap<string, T>): Promise<void>;
  /**
   * What the action records, given the rows taken (before anything is written). By default the rows
   * themselves are the action's one argument; an action that upserts as one of several steps records
   * them in its own shape, or not at all (`null`).
   */
  record?: ((taken: Record<string, unknown>[]) => unknown[]) | null;
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys')
      return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return path ? `${path}: ${i.message}` : i.message;
  });
}

/** Options of an upsert: progress, and the batch size (rows per bounded step). */
export interface UpsertOptions {
  /**
   * Called after each batch is validated, merged and written (`done` of `total` steps, three per row).
   * Called synchronously: the transaction must not wait for the caller.
   */
  onProgress?: (done: number, total: number) => void;
  /** Rows per batch (default UPSERT_BATCH). */
  batch?: number;
}

/**
 * Rows validated, read and written per step. Each step is bounded work between two IndexedDB requests,
 * so the page keeps painting and taking input during a 100,000-row import (a long task is over 50 ms;
 * the goal is none over 100 ms), while everything stays in the caller's one transaction.
 */
export const UPSERT_BATCH = 500;

/**
 * Validates, merges and writes `rows` in the caller's transaction, in batches: the rows are validated
 * and the stored records read batch by batch, then the merged records are written batch by batch. All of
 * it runs in the one transaction of the action, so an error in any batch (a write the database refuses,
 * a check that throws) rolls every batch back: an import is written whole or not at all. Between batches
 * the code waits only for IndexedDB requests, never for a timer (that would let the transaction commit).
 */
export async function upsertRows<T extends StoredRecord, K extends string>(
  spec: UpsertSpec<T, K>,
  rows: unknown[],
  s: ActionScope,
  opts: UpsertOptions = {},
): Promise<ImportReport> {
  const size = Math.max(1, Math.floor(opts.batch ?? UPSERT_BATCH));
  const report: ImportReport = { inserted: 0, updated: 0, rejected: [], results: [] };
  const valid = new Map<string, { index: number; row: Record<string, unknown> }>();
  const outcomes: ImportReport['results'] = [];
  const reject = (index: number, key: string | undefined, issues: string[]) => {
    report.rejected.push({ index, key, issues });
    outcomes[index] = { index, key: key ?? '', outcome: 'rejected' };
  };
  const n = rows.length;
  const steps = 3 * n;
  const share = (part: number, whole: number) => Math.round((part / Math.max(1, whole)) * n);
  // The caller's code runs outside the transaction's zone: a timer or a promise it starts there would be
  // taken as the transaction's own work (and the transaction found committed too early).
  const progress = (done: number) => opts.onProgress && Dexie.ignoreTransaction(() => opts.onProgress?.(done, steps));
  const existing = new Map<string, T>();

  // 1. Validate each row and read the stored records of its batch's keys (a request: the step's end).
  for (let from = 0; from < rows.length; from += size) {
    const to = Math.min(rows.length, from + size);
    const batchKeys: string[] = [];
    for (let index = from; index < to; index++) {
      const key = validateRow(spec, rows[index], index, reject);
      if (key === undefined) continue;
      const earlier = valid.get(key.key);
      if (earlier) reject(earlier.index, key.key, [`superseded by row ${index} with the same ${spec.keyCaption}`]);
      valid.set(key.key, { index, row: key.row });
      if (!existing.has(key.key)) batchKeys.push(key.key);
    }
    for (const r of await readByIndexKeys(spec.table, spec.keyField, batchKeys))
      existing.set((r as Record<string, unknown>)[spec.keyField] as string, r);
    progress(to);
  }
  await breathe(spec.table);

  // Recorded are the rows taken, as parsed (in the order replay takes them again): a rejected row's
  // value is never stored, nor sent to the server.
  const taken = [...valid.values()].map((v) => v.row);
  if (spec.record !== null) s.action.args = spec.record ? spec.record(taken) : [taken];

  // 2. Merge each row into its stored record (or a new one), batch by batch.
  const merged: { index: number; key: string; record: T; isNew: boolean }[] = [];
  const entries = [...valid];
  for (let from = 0; from < entries.length; from += size) {
    if (from > 0) await breathe(spec.table);
    for (const [key, { index, row }] of entries.slice(from, from + size)) {
      const old = existing.get(key);
      // Object.assign rather than spreads: V8's spread-then-fields literal is several times slower (seconds
      // on 100,000 rows). The row was parsed by a strict schema, so it holds only known fields.
      const record = (
        old
          ? Object.assign({}, old, row, { updatedAt: s.stamp })
          : Object.assign({}, spec.empty(key), row, { id: s.newId(), createdAt: s.stamp, updatedAt: s.stamp })
      ) as T;
      merged.push({ index, key, record, isNew: !old });
    }
    progress(n + share(merged.length, 2 * entries.length));
  }
  await breathe(spec.table);
  const byKey = new Map(merged.map((m) => [m.key, m.record]));
  await breathe(spec.table);
  const toWrite: T[] = [];
  for (let from = 0; from < merged.length; from += size) {
    const batch = merged.slice(from, from + size);
    if (from > 0) await breathe(spec.table);
    if (spec.complete)
      await spec.complete(
        batch.map((m) => m.record),
        byKey,
      );
    progress(n + share(merged.length + from + batch.length, 2 * merged.length));
    for (const m of batch) {
      const problems = spec.check?.(m.record, m.isNew) ?? [];
      if (problems.length) {
        reject(m.index, m.key, problems);
        continue;
      }
      toWrite.push(m.record);
      outcomes[m.index] = { index: m.index, key: m.key, outcome: m.isNew ? 'inserted' : 'updated' };
      if (m.isNew) report.inserted++;
      else report.updated++;
    }
  }

  // 3. Write the records batch by batch, in the same transaction.
  await writeInBatches(spec.table, toWrite, size, (written) => progress(2 * n + share(written, toWrite.length)));
  report.rejected.sort((a, b) => a.index - b.index);
  report.results = outcomes.filter(Boolean);
  return report;
}

/** A turn for the page between two batches, inside the transaction: one request, answered at once. */
function breathe<T>(table: Table<T, string>): Promise<unknown> {
  return table.get('');
}

/** One row checked: its key and its parsed fields, or undefined (then rejected with the reason). */
function validateRow<T extends StoredRecord, K extends string>(
  spec: UpsertSpec<T, K>,
  raw: unknown,
  index: number,
  reject: (index: number, key: string | undefined, issues: string[]) => void,
): { key: string; row: Record<string, unknown> } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reject(index, undefined, ['the row is not a record of fields']);
    return undefined;
  }
  const keyValue = (raw as Record<string, unknown>)[spec.keyField];
  const key = typeof keyValue === 'string' ? keyValue : undefined;
  if (key === undefined || key.trim() === '') {
    reject(index, undefined, [
      keyValue === undefined || key !== undefined
        ? `${spec.keyCaption} is required`
        : `${spec.keyCaption} must be text`,
    ]);
    return undefined;
  }
  const parsed = spec.rowSchema.safeParse(raw);
  if (!parsed.success) {
    reject(index, key, describeIssues(parsed.error));
    return undefined;
  }
  return { key, row: parsed.data as Record<string, unknown> };
}

/** bulkPut in batches, each waited for before the next is queued (all of it in the caller's transaction). */
async function writeInBatches<T>(
  table: Table<T, string>,
  records: T[],
  size: number,
  progress: (written: number) => void,
): Promise<void> {
  for (let from = 0; from < records.length; from += size) {
    await table.bulkPut(records.slice(from, from + size));
    progress(Math.min(records.length, from + size));
  }
}
