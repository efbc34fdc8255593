// Upsert of imported rows (workspace-api.md, ImportReport): each row validated, merged into the stored
// record (absent fields keep their value), valid rows written together, invalid ones reported by index.
import Dexie, { type Table } from 'dexie';
import type { z } from 'zod/mini';
import type { ImportReport } from '../domain/importReport';
import { findTextRuleViolation, textProblemMessage } from '../domain/text';
import type { ActionScope } from './action';
import { readByIndexKeys } from './indexReads';
import { inSlices } from './slices';

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
  rowSchema: z.ZodMiniType;
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

export function describeIssues(error: z.core.$ZodError): string[] {
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
   * Called after each slice is validated, merged and written (`done` of `total` steps, three per row).
   * Called synchronously: the transaction must not wait for the caller.
   */
  onProgress?: (done: number, total: number) => void;
  /** Rows per batch, whatever the time each takes; by default a slice ends after SLICE_MS of work. */
  batch?: number;
}

/**
 * The work of one slice, in milliseconds. Each slice is bounded work between two IndexedDB requests, so
 * the page keeps painting and taking input during a 100,000-row import (a long task is over 50 ms; the
 * goal is none over 100 ms, on a busy machine too, where the clock counts the time the page waits for
 * the processor), while everything stays in the caller's one transaction.
 */
export const SLICE_MS = 15;

/** Rows a slice never exceeds, however fast the rows go. */
const MAX_SLICE_ROWS = 2_000;
/** Records completed and checked per step (microseconds of work each). */
const COMPLETE_ROWS = 1_000;

/**
 * Where the slices end: after `batch` rows when the caller fixed it, else after SLICE_MS of work (the
 * clock is read once per row) or MAX_SLICE_ROWS rows.
 */
function slicer(batch: number | undefined) {
  const fixed = batch === undefined ? undefined : Math.max(1, Math.floor(batch));
  let since = performance.now();
  let rows = 0;
  return {
    /** Counts a row; true when the slice is over. */
    full(): boolean {
      rows++;
      return fixed !== undefined ? rows >= fixed : rows >= MAX_SLICE_ROWS || performance.now() - since >= SLICE_MS;
    },
    /** A new slice starts (after the request that ended the last one). */
    next(): void {
      since = performance.now();
      rows = 0;
    },
  };
}

/**
 * Validates, merges and writes `rows` in the caller's transaction, in slices: the rows are validated and
 * the stored records read slice by slice, then the merged records are written slice by slice. All of it
 * runs in the one transaction of the action, so an error in any slice (a write the database refuses, a
 * check that throws) rolls every slice back: an import is written whole or not at all. Between slices the
 * code waits only for IndexedDB requests, never for a timer (that would let the transaction commit).
 * Every row taken is checked against the text rule here, in the slices (a row that breaks it is rejected
 * with the reason), so that a caller that records only these rows can spare the action's end a walk over
 * all of them in one go (ActionScope.textChecked).
 */
export async function upsertRows<T extends StoredRecord, K extends string>(
  spec: UpsertSpec<T, K>,
  rows: unknown[],
  s: ActionScope,
  opts: UpsertOptions = {},
): Promise<ImportReport> {
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
  const slice = slicer(opts.batch);

  // 1. Validate each row and read the stored records of its slice's keys (a request: the slice's end).
  for (let index = 0; index < n;) {
    const batchKeys: string[] = [];
    slice.next();
    for (; index < n;) {
      const key = validateRow(spec, rows[index], index, reject);
      if (key !== undefined) {
        const earlier = valid.get(key.key);
        if (earlier) reject(earlier.index, key.key, [`superseded by row ${index} with the same ${spec.keyCaption}`]);
        valid.set(key.key, { index, row: key.row });
        if (!existing.has(key.key)) batchKeys.push(key.key);
      }
      index++;
      if (slice.full()) break;
    }
    if (batchKeys.length)
      for (const r of await readByIndexKeys(spec.table, spec.keyField, batchKeys))
        existing.set((r as Record<string, unknown>)[spec.keyField] as string, r);
    else await breathe(spec.table);
    progress(index);
  }

  // Recorded are the rows taken, as parsed (in the order replay takes them again): a rejected row's
  // value is never stored, nor sent to the server. Each was checked against the text rule above.
  const taken = [...valid.values()].map((v) => v.row);
  if (spec.record !== null) s.action.args = spec.record ? spec.record(taken) : [taken];
  await breathe(spec.table);

  // 2. Merge each row into its stored record (or a new one), slice by slice.
  const merged: { index: number; key: string; record: T; isNew: boolean }[] = [];
  const entries = [...valid];
  await breathe(spec.table);
  for (let i = 0; i < entries.length;) {
    slice.next();
    for (; i < entries.length;) {
      const [key, { index, row }] = entries[i++];
      const old = existing.get(key);
      // Object.assign rather than spreads: V8's spread-then-fields literal is several times slower (seconds
      // on 100,000 rows). The row was parsed by a strict schema, so it holds only known fields.
      const record = (
        old
          ? Object.assign({}, old, row, { updatedAt: s.stamp })
          : Object.assign({}, spec.empty(key), row, { id: s.newId(), createdAt: s.stamp, updatedAt: s.stamp })
      ) as T;
      merged.push({ index, key, record, isNew: !old });
      if (slice.full()) break;
    }
    await breathe(spec.table);
    progress(n + share(merged.length, 2 * entries.length));
  }
  const byKey = new Map<string, T>();
  for (let i = 0; i < merged.length;) {
    slice.next();
    for (; i < merged.length;) {
      byKey.set(merged[i].key, merged[i].record);
      i++;
      if (slice.full()) break;
    }
    await breathe(spec.table);
  }

  // 3. Complete and check the merged records, a batch at a time (a little work per record: by count).
  const toWrite: T[] = [];
  const chunk = opts.batch === undefined ? COMPLETE_ROWS : Math.max(1, Math.floor(opts.batch));
  for (let from = 0; from < merged.length; from += chunk) {
    const batch = merged.slice(from, from + chunk);
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

  // 4. Write the records slice by slice, in the same transaction.
  await writeInSlices(spec.table, toWrite, opts.batch, (written) => progress(2 * n + share(written, toWrite.length)));
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
  // The schema's text fields follow the text rule; this also covers what it does not name (extra fields' names).
  const broken = findTextRuleViolation(parsed.data);
  if (broken) {
    const where = broken.path.map(String).join('.');
    reject(index, key, [`${where ? `${where}: ` : ''}${textProblemMessage(broken.problem)}`]);
    return undefined;
  }
  return { key, row: parsed.data as Record<string, unknown> };
}

/** Records the first write slice takes, before the clock says how many fit in SLICE_MS. */
const FIRST_WRITE_ROWS = 50;

/**
 * bulkPut in slices, all in the caller's transaction. Each slice is issued in its own task: the one in
 * which the slice before the last was written, so that the database always has the next slice while the
 * page prepares the one after (two in flight). Without a fixed `batch`, a slice holds as many records
 * as the last one's time says fit in SLICE_MS (putting a record copies it, which is most of the work).
 */
async function writeInSlices<T>(
  table: Table<T, string>,
  records: T[],
  batch: number | undefined,
  progress: (written: number) => void,
): Promise<void> {
  const fixed = batch === undefined ? undefined : Math.max(1, Math.floor(batch));
  await inSlices(records, { first: FIRST_WRITE_ROWS, max: MAX_SLICE_ROWS, ms: SLICE_MS, fixed }, (slice, _from, to) =>
    table.bulkPut(slice).then(() => progress(to)),
  );
}
