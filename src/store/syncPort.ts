// The store's sync port (sync.md, "Rebase"): the pending changesets read from the outbox, their
// acknowledgement, and the rebase that meets pulled rows: in one Dexie transaction, revert every pending
// changeset newest first from its before-images, apply the pulled rows (not recorded), and replay every
// pending action oldest first with its recorded clock and ids, which records new changesets.
import Dexie from 'dexie';
import { isSegmentsError } from '../domain/errors';
import type { ServerRow } from '../domain/syncProtocol';
import type { RecordedAction } from './action';
import { dataTables, type DataTableName, type OutboxRow, type SegmentsDb } from './db';
import { loadReplayCode, openWorkspace, type StoreOptions, type WorkspaceHandle } from './openWorkspace';
import { actionNames, codeListAreas } from '../domain/actionNames';
import { ACTION_ROW, OutboxCache, outboxMiddleware, setOutboxBypass } from './outbox';
import { replayAction, rerunAction } from './replay';
import { inSlices, type SliceSizes } from './slices';

export interface PendingChange {
  table: DataTableName;
  id: string;
  op: 'put' | 'delete';
  value?: Record<string, unknown>;
  baseRev: number;
}

export interface PendingChangeset {
  id: string;
  action?: Omit<RecordedAction, 'txId'>;
  changes: PendingChange[];
}

import type { FailedAction, Overridden, OverriddenTable, Renumbered } from '../domain/ports/syncStatus';
export type { FailedAction, Overridden, Renumbered };
export type { StoreOptions, WorkspaceHandle };

export interface RebaseReport {
  applied: number;
  replayed: number;
  failed: FailedAction[];
  renumbered: Renumbered[];
  /** Values this pane's user set, acknowledged by the server, that a later change from another pane replaced. */
  overridden?: Overridden[];
}

export interface SyncPort {
  clientId(): Promise<string>;
  cursor(): Promise<number>;
  /** How many changesets wait to be pushed. */
  pendingCount(): Promise<number>;
  /**
   * The oldest pending changesets, at most `max`, each change based on the revision this pane last saw
   * of its row (changesets sent in one push build on each other; the server chains them).
   */
  pending(max: number): Promise<PendingChangeset[]>;
  /**
   * The server applied the changeset at `rev`: its rows are based on `rev` from now on. `sent`, the
   * changeset as it was pushed, spares reading its rows back. Answers how many times the sync state had
   * been reset (by restores) when the acknowledgement was written.
   */
  acknowledge(id: string, rev: number, sent?: PendingChangeset): Promise<number>;
  /**
   * How many times this pane's sync state was reset (each restore resets it): rows acknowledged under an
   * earlier count may have been replaced by the restore since.
   */
  resets(): Promise<number>;
  /**
   * Meets pulled rows (in revision order) with the pending changes; `drop` removes one pending changeset
   * for good. `authors` names the user who made each pulled revision (by revision, as the server tells
   * it): a value replaced by one of them is told with their name.
   */
  rebase(
    rows: ServerRow[],
    lastRev: number,
    drop?: { id: string; code: string; message: string },
    authors?: Readonly<Record<string, string>>,
  ): Promise<RebaseReport>;
  /**
   * After a backup was restored (written with the outbox bypassed): forget what was pending and every
   * row's base revision, and start pulling again from the beginning.
   */
  resetAfterRestore(): Promise<void>;
  /**
   * Writes the base revisions a large pull or acknowledgement kept in one record, row by row: done after
   * a round, outside the transaction that made those rows visible.
   */
  settle(): Promise<void>;
  failed(): Promise<FailedAction[]>;
  dismissFailed(id: string): Promise<void>;
  /** Runs a failed action again, now, with a fresh clock and new ids. */
  retryFailed(id: string): Promise<unknown>;
}

/** The workspace opened for sharing, with the port its sync client works through. */
export interface RecordedWorkspace {
  workspace: WorkspaceHandle;
  port: SyncPort;
}

/**
 * Opens the workspace with the outbox recording every change (sync.md, "Outbox") and makes its sync
 * port; `onLocalChange` hears each change this pane writes.
 */
export async function openRecordedWorkspace(
  options: StoreOptions,
  onLocalChange: () => void,
): Promise<RecordedWorkspace> {
  const cache = new OutboxCache();
  const workspace = await openWorkspace({
    ...options,
    dbCoreMiddlewares: [...(options.dbCoreMiddlewares ?? []), outboxMiddleware(onLocalChange, cache)],
  });
  return { workspace, port: createSyncPort(workspace, cache) };
}

/** How many times the sync state was reset (resetSyncState): what a pane acknowledged before may be gone. */
const RESETS = 'resets';
const REV_PREFIX = 'rev:';
const REV = (table: string, id: string) => `${REV_PREFIX}${table}:${id}`;
/** Base revisions of a large batch of rows, kept in one record until settle() writes them row by row. */
const LATER_PREFIX = 'revsLater:';
/** Batches of at least this many rows wait in one record. */
const LATER_FROM = 1000;
interface LaterRevs {
  /** REV keys, each with its revision at the same place in `revs`. */
  keys: string[];
  revs: number[];
}
let laterCount = 0;
/** A LATER record's key: in the order they were written (settle() writes them in that order). */
const laterKey = () =>
  `${LATER_PREFIX}${Date.now().toString(36).padStart(10, '0')}:${(++laterCount).toString(36).padStart(6, '0')}:${Math.random().toString(36).slice(2, 8)}`;
/**
 * The highest revision any base revision of this pane was set to by an acknowledgement: a pulled row
 * newer than it cannot be here at its revision already, so it is applied without looking it up.
 */
const ACKED = 'ackedUpTo';
/**
 * Rows read per request inside a transaction of the sync port. Each slice is one short task; between
 * slices the thread is handed back while the database works, and the transaction stays alive because a
 * request is always pending. A slice of 1,000 outbox rows is taken in within a few milliseconds; slices
 * of 250 made a 10,000-line changeset forty requests, each waiting its turn in the database.
 */
const SLICE = 1000;
/** Rows written or looked up per request: from 100, then sized so that issuing one takes about 12 ms. */
export const WRITE_SLICES: SliceSizes = { first: 100, max: 500, ms: 12 };
/**
 * Revisions written per request by settle(), which runs while the pane is in use, after its round: smaller
 * slices than a rebase's (which the user waits for), so that no task of it comes near 100 ms.
 */
export const SETTLE_SLICES: SliceSizes = { first: 100, max: 200, ms: 5 };

/** Changesets counted one by one before pendingCount() walks the index instead. */
const COUNT_STEPS = 20;
/** Outbox reads in flight at once: the database reads the next slices while this one is taken in. */
const READ_AHEAD = 3;

/**
 * The outbox rows in `seq` order, read a slice at a time (one request per slice, READ_AHEAD at once),
 * until `stop` says so (that row is left out). Inside the caller's transaction, so that the keys read
 * first are still the rows read after.
 */
async function readOutbox(
  db: SegmentsDb,
  stop: (row: OutboxRow) => boolean = () => false,
  cache?: OutboxCache,
): Promise<OutboxRow[]> {
  const keys = (await db.outbox.orderBy('seq').primaryKeys()) as number[];
  cache?.keepOnly(keys);
  const rows: OutboxRow[] = [];
  const reads: Promise<OutboxRow[]>[] = [];
  let next = 0;
  const readNext = () => {
    if (next >= keys.length) return;
    const from = keys[next];
    const at = next;
    next = Math.min(keys.length, next + SLICE);
    // Rows this pane wrote and still holds a copy of: their values are not read back.
    const kept = cache?.size ? keys.slice(at, next).map((k) => cache.get(k)) : undefined;
    if (kept?.every((r) => r !== undefined)) {
      reads.push(Promise.resolve(kept as OutboxRow[]));
      return;
    }
    const read = Promise.resolve(
      db.outbox
        .where('seq')
        .between(from, keys[next - 1], true, true)
        .toArray(),
    );
    // Left unread when the caller stops early: its failure must not count as unhandled.
    read.catch(() => undefined);
    reads.push(read);
  };
  for (let i = 0; i < READ_AHEAD; i++) readNext();
  while (reads.length) {
    for (const r of await reads.shift()!) {
      if (stop(r)) return rows;
      rows.push(r);
    }
    readNext();
  }
  return rows;
}

/** Sorted integers as runs of consecutive values: [first, last] of each. */
function runsOf(keys: number[]): [number, number][] {
  // Read from an index they come sorted already: sorting 10,000 numbers again is a task of its own.
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1] < k) ? keys : [...keys].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const k of sorted) {
    const last = runs[runs.length - 1];
    if (last && k === last[1] + 1) last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}
const CHOSEN_PREFIX = 'chosen:';
const CHOSEN = (table: string, id: string) => `${CHOSEN_PREFIX}${table}:${id}`;

/** What a set action chose: its row (by id, its first argument) and the value of each field it set. */
interface Chosen {
  fields: Record<string, unknown>;
  action: string;
  about?: string;
}
/**
 * Tables whose values a set action chooses (SET_ACTIONS): a later change of another pane may replace them.
 * Records edited field by field, as BC's cards are: a segment's header and lines, the logged segments and
 * entries (Canceled, Evaluation…), Setup, every code list's record and interaction template, and a
 * contact's card (one contact saved at a time; an import is not watched).
 */
const WATCHED = new Set<string>([
  'segments',
  'segmentLines',
  'loggedSegments',
  'interactionLog',
  'setup',
  'contacts',
  ...codeListAreas,
] satisfies OverriddenTable[]);
const watchedRow = <R extends { table: string }>(r: R): r is R & { table: OverriddenTable } => WATCHED.has(r.table);
/** A row an action wrote: its value before the action (none for a new row) and after it (none when deleted). */
interface WrittenRow {
  table: string;
  key: string;
  value?: unknown;
  before?: unknown;
}
interface SetRow {
  table: string;
  id: string;
  fields: Record<string, unknown>;
  /** The number or code the user saw the row by, when the action does not say it. */
  about?: string;
}
/**
 * What a set action chose, from its recorded arguments; `rows` (what the action wrote) only where the rule
 * says it needs them: a record's card saves the whole record, and only the fields that it changed are the
 * user's choice.
 */
interface SetRule {
  rows?: true;
  chosen(args: unknown[], rows: readonly WrittenRow[]): SetRow[];
}
const fieldsOf = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
/** A set action that names its row by id (argument `at`) and the fields it sets. */
function byId(table: string, fields: (args: unknown[]) => Record<string, unknown> | undefined, at = 0): SetRule {
  return {
    chosen(args) {
      const id = args[at];
      const f = fields(args);
      return typeof id === 'string' && f ? [{ table, id, fields: f }] : [];
    },
  };
}
/** Setup's one record. */
const SETUP_ID = 'setup';
/** Fields every record has that no user sets. */
const STAMPS = new Set(['id', 'createdAt', 'updatedAt']);
/**
 * A code list's upsert names its records by code (the user's key, never renumbered): each record it wrote
 * whose code it was given, with the fields the action changed there (all of them for a new record).
 */
/**
 * An upsert of records by their key field (`key`): the fields each given row changed in its record. With
 * `oneRow`, only an upsert of a single row chooses values (a card's save); one of many rows is an import,
 * whose values are not watched.
 */
function upsertRule(table: string, key: string, oneRow = false): SetRule {
  return {
    rows: true,
    chosen(args, rows) {
      const list: unknown[] = Array.isArray(args[0]) ? args[0] : [];
      if (oneRow && list.length !== 1) return [];
      const given = new Map<string, Record<string, unknown>>();
      for (const r of list) {
        const f = fieldsOf(r);
        const k = f?.[key];
        if (f && typeof k === 'string') given.set(k, f);
      }
      const out: SetRow[] = [];
      for (const w of rows) {
        const value = fieldsOf(w.value);
        const k = value?.[key];
        const arg = w.table === table && typeof k === 'string' ? given.get(k) : undefined;
        if (!value || !arg) continue;
        const before = fieldsOf(w.before);
        const fields: Record<string, unknown> = {};
        for (const f of Object.keys(arg))
          if (f !== key && !STAMPS.has(f) && (!before || !sameValue(before[f], value[f]))) fields[f] = value[f];
        if (Object.keys(fields).length) out.push({ table, id: w.key, fields, about: k as string });
      }
      return out;
    },
  };
}
const SET_ACTIONS: Record<string, SetRule> = {
  [actionNames.segments.updateHeader]: byId('segments', (args) => fieldsOf(args[1])),
  // Recorded as [segmentId, lineId, patch]: the line is the row.
  [actionNames.segments.updateLine]: byId('segmentLines', (args) => fieldsOf(args[2]), 1),
  [actionNames.loggedSegments.setCanceled]: byId('loggedSegments', (args) => ({ canceled: args[1] })),
  [actionNames.interactionLog.setCanceled]: byId('interactionLog', (args) => ({ canceled: args[1] })),
  [actionNames.interactionLog.setEvaluation]: byId('interactionLog', (args) => ({ evaluation: args[1] })),
  [actionNames.interactionLog.setDeliveryStatus]: byId('interactionLog', (args) => ({ deliveryStatus: args[1] })),
  [actionNames.setup.update]: {
    chosen(args) {
      const patch = fieldsOf(args[0]);
      const fields = patch && Object.fromEntries(Object.entries(patch).filter(([f]) => !STAMPS.has(f)));
      return fields && Object.keys(fields).length ? [{ table: 'setup', id: SETUP_ID, fields }] : [];
    },
  },
  ...Object.fromEntries(codeListAreas.map((list) => [actionNames[list].upsert, upsertRule(list, 'code')])),
  // A contact's card saves one field of one contact; an import writes many contacts and is not watched.
  [actionNames.contacts.upsert]: upsertRule('contacts', 'no', true),
};

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Each row an action wrote once: its value before the action and its last value. */
function netRows(rows: readonly OutboxRow[]): WrittenRow[] {
  const out = new Map<string, WrittenRow>();
  for (const r of rows) {
    if (r.table === ACTION_ROW) continue;
    const k = `${r.table}\u0000${r.key}`;
    const value = r.op === 'put' ? r.value : undefined;
    const seen = out.get(k);
    if (seen) seen.value = value;
    else out.set(k, { table: r.table, key: r.key, value, before: r.before });
  }
  return [...out.values()];
}

/** Whether the set action needs the rows it wrote to say what it chose. */
function choosesByRows(action: Omit<RecordedAction, 'txId'> | undefined): boolean {
  return !!(action && action.v !== undefined && SET_ACTIONS[action.name]?.rows);
}

/** The values a set action (recorded by id, states by value) chose, by row. */
function chosenBy(
  action: Omit<RecordedAction, 'txId'> | undefined,
  rows: () => readonly WrittenRow[] = () => [],
): { table: string; id: string; chosen: Chosen }[] {
  const rule = action && action.v !== undefined ? SET_ACTIONS[action.name] : undefined;
  if (!rule) return [];
  return rule.chosen(action!.args, rule.rows ? rows() : []).map((r) => {
    const about = action!.about ?? r.about;
    return {
      table: r.table,
      id: r.id,
      chosen: { fields: r.fields, action: action!.name, ...(about !== undefined ? { about } : {}) },
    };
  });
}
const NUMBERED: Partial<Record<DataTableName, { field: string; table: Renumbered['table'] }>> = {
  segments: { field: 'no', table: 'segments' },
  loggedSegments: { field: 'entryNo', table: 'loggedSegments' },
  segmentLines: { field: 'lineNo', table: 'segmentLines' },
};
/** Tables on which the server stamps the user from the key: their rows are always taken from the server. */
const STAMPED = new Set<string>(['savedCriteria', 'loggedSegments', 'interactionLog']);
const REBASE_SCOPE = [...dataTables, 'profile', 'outbox', 'syncState'];

interface Group {
  txId: string;
  action?: Omit<RecordedAction, 'txId'>;
  rows: OutboxRow[];
}

/**
 * Whether a pending changeset sets a field of a row again: its action chose a value for it (replayed, it
 * sets it again whatever the row holds by then), or it wrote the field (or deleted the row). Indexed once,
 * over the tables whose values are watched.
 */
function pendingSets(pending: Group[]): (table: string, id: string, field: string) => boolean {
  const byRow = new Map<string, { chosen: Set<string>; writes: OutboxRow[] }>();
  const entry = (table: string, id: string) => {
    const k = `${table}\u0000${id}`;
    let e = byRow.get(k);
    if (!e) byRow.set(k, (e = { chosen: new Set(), writes: [] }));
    return e;
  };
  for (const g of pending) {
    for (const set of chosenBy(g.action, () => netRows(g.rows)))
      for (const f of Object.keys(set.chosen.fields)) entry(set.table, set.id).chosen.add(f);
    for (const r of g.rows) if (WATCHED.has(r.table)) entry(r.table, r.key).writes.push(r);
  }
  const field = (row: unknown, f: string) => JSON.stringify((row as Record<string, unknown> | undefined)?.[f]);
  return (table, id, f) => {
    const e = byRow.get(`${table}\u0000${id}`);
    return (
      !!e && (e.chosen.has(f) || e.writes.some((w) => w.op === 'delete' || field(w.before, f) !== field(w.value, f)))
    );
  };
}

function groupRows(rows: OutboxRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    let g = groups.get(r.txId);
    if (!g) groups.set(r.txId, (g = { txId: r.txId, rows: [] }));
    if (r.table === ACTION_ROW) g.action = r.action as Group['action'];
    else g.rows.push(r);
  }
  return [...groups.values()];
}

/** `cache`: the outbox rows this pane's outbox middleware kept as it wrote them (openRecordedWorkspace). */
export function createSyncPort(ws: WorkspaceHandle, cache?: OutboxCache): SyncPort {
  const db = ws.ctx.db;

  async function getState<T>(key: string, fallback: T): Promise<T> {
    return ((await db.syncState.get(key))?.value as T | undefined) ?? fallback;
  }

  /** ACKED, computed once from the base revisions when the database predates it. */
  async function ackedUpTo(): Promise<number> {
    const known = (await db.syncState.get(ACKED))?.value;
    if (typeof known === 'number') return known;
    let max = 0;
    await db.syncState
      .where('key')
      .startsWith(REV_PREFIX)
      .each((r) => void (max = Math.max(max, Number(r.value) || 0)));
    await db.syncState.put({ key: ACKED, value: max });
    return max;
  }

  async function addFailed(list: FailedAction[]) {
    if (list.length === 0) return;
    const current = await getState<FailedAction[]>('failed', []);
    await db.syncState.put({
      key: 'failed',
      value: [...current.filter((f) => !list.some((l) => l.id === f.id)), ...list],
    });
  }

  /** Reverts outbox rows newest first: the oldest before-image of each row wins. */
  async function revert(rows: OutboxRow[]) {
    const oldest = new Map<string, OutboxRow>();
    for (const r of rows) {
      const k = `${r.table}\u0000${r.key}`;
      if (!oldest.has(k)) oldest.set(k, r);
    }
    await writeRows([...oldest.values()].map((r) => ({ table: r.table, key: r.key, value: r.before })));
  }

  async function writeRows(rows: { table: string; key: string; value: unknown }[]) {
    const byTable = new Map<string, { puts: unknown[]; deletes: string[] }>();
    for (const r of rows) {
      let t = byTable.get(r.table);
      if (!t) byTable.set(r.table, (t = { puts: [], deletes: [] }));
      if (r.value === undefined || r.value === null) t.deletes.push(r.key);
      else t.puts.push(r.value);
    }
    for (const [table, t] of byTable)
      if (t.deletes.length) await inSlices(t.deletes, WRITE_SLICES, (k) => db.table(table).bulkDelete(k));
    for (const [table, t] of byTable)
      if (t.puts.length) await inSlices(t.puts, WRITE_SLICES, (v) => db.table(table).bulkPut(v));
  }

  /** The base revision of each row as this pane holds it (undefined when it has none), looked up in slices. */
  async function revsOf(rows: { table: string; id: string }[]): Promise<(number | undefined)[]> {
    const out = new Array<number | undefined>(rows.length);
    if (rows.length === 0) return out;
    const later = await laterRevs();
    await inSlices(rows, WRITE_SLICES, async (slice, from) => {
      const keys = slice.map((r) => REV(r.table, r.id));
      const found = await db.syncState.bulkGet(keys);
      found.forEach((f, i) => {
        const mine = f === undefined ? undefined : Number(f.value);
        const waiting = later?.get(keys[i]);
        // A row's revision only grows: the higher of the two is the row's.
        out[from + i] = waiting !== undefined && !(mine! >= waiting) ? waiting : mine;
      });
    });
    return out;
  }

  /** The revisions kept in LATER records (by REV key, the highest of each), or undefined when there are none. */
  async function laterRevs(): Promise<Map<string, number> | undefined> {
    const later = await db.syncState.where('key').startsWith(LATER_PREFIX).toArray();
    if (later.length === 0) return undefined;
    const revs = new Map<string, number>();
    for (const { value } of later) {
      const v = value as LaterRevs;
      v.keys.forEach((k, i) => {
        if (!(revs.get(k)! >= v.revs[i])) revs.set(k, v.revs[i]);
      });
    }
    return revs;
  }

  /**
   * Records the revision of each row. A large batch (a 10,000-line segment pulled or acknowledged) is
   * kept as one record, written row by row later by settle(), outside the transaction that made the rows
   * visible: writing a record per row there doubled that transaction's writes. While such a record waits,
   * later batches wait too, so that settle() writes them in the order of their revisions, never an older
   * revision over a newer one.
   */
  async function setRevs(rows: { table: string; id: string; rev: number }[]): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length >= LATER_FROM || (await db.syncState.where('key').startsWith(LATER_PREFIX).count()) > 0) {
      const value: LaterRevs = { keys: rows.map((r) => REV(r.table, r.id)), revs: rows.map((r) => r.rev) };
      await db.syncState.put({ key: laterKey(), value });
      return;
    }
    await inSlices(rows, WRITE_SLICES, (slice) =>
      db.syncState.bulkPut(slice.map((r) => ({ key: REV(r.table, r.id), value: r.rev }))),
    );
  }

  /**
   * Values this user set that pulled rows replace: each told once, then forgotten. A field that a pending
   * action of this pane sets again (`pending`, replayed after these rows and pushed after them) is not
   * replaced: that action's value is the user's latest, and it wins; its acknowledgement records it anew.
   */
  async function overriddenBy(
    fresh: ServerRow[],
    pending: Group[],
    authors: Readonly<Record<string, string>> | undefined,
  ): Promise<Overridden[]> {
    // The values this user chose and the server has not yet answered are few (fields set by hand): their keys,
    // read in one range, pick the pulled rows to look at, where looking up every pulled row would cost a
    // colleague's 10,000-line segment 10,000 reads.
    const anyWatched = fresh.filter(watchedRow);
    if (anyWatched.length === 0) return [];
    const chosenKeys = new Set(
      (await db.syncState.where('key').startsWith(CHOSEN_PREFIX).primaryKeys()) as unknown as string[],
    );
    const watched = anyWatched.filter((r) => chosenKeys.has(CHOSEN(r.table, r.id)));
    if (watched.length === 0) return [];
    const setAgain = pendingSets(pending);
    const found = await db.syncState.bulkGet(watched.map((r) => CHOSEN(r.table, r.id)));
    const out: Overridden[] = [];
    for (let i = 0; i < watched.length; i++) {
      const chosen = found[i]?.value as Chosen | undefined;
      if (!chosen) continue;
      const r = watched[i];
      const key = CHOSEN(r.table, r.id);
      if (r.deleted || !r.value) {
        await db.syncState.delete(key);
        continue;
      }
      const left: Record<string, unknown> = {};
      const by = authors && Object.hasOwn(authors, r.rev) ? authors[r.rev] : undefined;
      for (const [field, mine] of Object.entries(chosen.fields)) {
        const theirs = (r.value as Record<string, unknown>)[field];
        if (setAgain(r.table, r.id, field)) continue;
        if (JSON.stringify(theirs) === JSON.stringify(mine)) left[field] = mine;
        else
          out.push({
            table: r.table,
            id: r.id,
            field,
            mine,
            theirs,
            action: chosen.action,
            ...(chosen.about !== undefined ? { about: chosen.about } : {}),
            ...(by ? { by } : {}),
          });
      }
      if (Object.keys(left).length) await db.syncState.put({ key, value: { ...chosen, fields: left } });
      else await db.syncState.delete(key);
    }
    return out;
  }

  return {
    async clientId() {
      const existing = await getState<string | undefined>('clientId', undefined);
      if (existing) return existing;
      const id = ws.ctx.newId();
      await db.syncState.put({ key: 'clientId', value: id });
      return id;
    },

    cursor: () => getState('cursor', 0),

    resets: () => getState(RESETS, 0),

    async pendingCount() {
      return db.transaction('r', db.outbox, async () => {
        // One changeset after another by its id (a short read each): a walk over the txId index's distinct
        // keys stepped over every row of the index, thousands for one large changeset, and took hundreds
        // of milliseconds right when a large changeset was to be pushed. Many changesets: one walk.
        let last: string | undefined;
        for (let n = 0; n < COUNT_STEPS; n++) {
          const next = await (last === undefined ? db.outbox.orderBy('txId') : db.outbox.where('txId').above(last))
            .limit(1)
            .keys();
          if (next.length === 0) return n;
          last = String(next[0]);
        }
        return (await db.outbox.orderBy('txId').uniqueKeys()).length;
      });
    },

    async pending(max) {
      return db.transaction('r', [db.outbox, db.syncState], async () => {
        // Only the oldest `max` changesets are read (the rows of one changeset are contiguous).
        // Read a slice at a time (one request each, not one per row), each slice a short task.
        const seen = new Set<string>();
        const rows = await readOutbox(db, (r) => !seen.has(r.txId) && seen.add(r.txId).size > max, cache);
        const groups = groupRows(rows);
        const out: PendingChangeset[] = [];
        for (const g of groups) {
          if (out.length >= max) break;
          const byRow = new Map<string, { first: OutboxRow; last: OutboxRow }>();
          for (const r of g.rows) {
            const k = `${r.table}\u0000${r.key}`;
            const e = byRow.get(k);
            if (e) e.last = r;
            else byRow.set(k, { first: r, last: r });
          }
          const entries = [...byRow.values()].filter(
            ({ first, last }) => !(first.before === undefined && last.op === 'delete'),
          );
          // A row this pane created (no before-image) is new to the server too: base 0, nothing to look up.
          const known = entries.filter(({ first }) => first.before !== undefined);
          const revs = new Map<OutboxRow, number>();
          const found = await revsOf(known.map(({ first }) => ({ table: first.table, id: first.key })));
          known.forEach(({ first }, i) => revs.set(first, found[i] ?? 0));
          const changes = entries.map(({ first, last }): PendingChange => {
            const baseRev = revs.get(first) ?? 0;
            return last.op === 'put'
              ? {
                  table: last.table as DataTableName,
                  id: last.key,
                  op: 'put',
                  value: last.value as Record<string, unknown>,
                  baseRev,
                }
              : { table: last.table as DataTableName, id: last.key, op: 'delete', baseRev };
          });
          out.push({ id: g.txId, action: g.action, changes });
        }
        return out;
      });
    },

    async acknowledge(id, rev, sent) {
      return db.transaction('rw', [db.outbox, db.syncState], async () => {
        const seqs = (await db.outbox.where('txId').equals(id).primaryKeys()) as number[];
        const runs = runsOf(seqs);
        // What the server now holds of each row: what was pushed, when the caller says; otherwise the
        // changeset's rows, read back a range at a time.
        let written: { table: string; key: string; value: unknown }[];
        let action: Omit<RecordedAction, 'txId'> | undefined;
        let rows: OutboxRow[] | undefined;
        const readRows = async () => {
          const read: OutboxRow[] = [];
          for (const [from, to] of runs)
            for (const r of await db.outbox.where('seq').between(from, to, true, true).toArray()) read.push(r);
          return read;
        };
        if (sent && sent.id === id) {
          written = sent.changes.map((c) => ({
            table: c.table,
            key: c.id,
            value: c.op === 'put' ? c.value : undefined,
          }));
          action = sent.action;
          // A record's card (a code list's): what it changed is told by the rows' before-images.
          if (choosesByRows(action)) rows = await readRows();
        } else {
          rows = await readRows();
          written = latestValues(rows.filter((r) => r.table !== ACTION_ROW));
          action = rows.find((r) => r.table === ACTION_ROW)?.action as Omit<RecordedAction, 'txId'> | undefined;
        }
        await setRevs(written.map((w) => ({ table: w.table, id: w.key, rev })));
        const acked = await ackedUpTo();
        if (rev > acked) await db.syncState.put({ key: ACKED, value: rev });
        // Rows this pane wrote since it set a value there: what they hold now is what this user chose.
        const chosen = new Set(await db.syncState.where('key').startsWith(CHOSEN_PREFIX).primaryKeys());
        const watched = written.filter((w) => chosen.has(CHOSEN(w.table, w.key)));
        const watching = await db.syncState.bulkGet(watched.map((w) => CHOSEN(w.table, w.key)));
        for (let i = 0; i < watched.length; i++) {
          const c = watching[i]?.value as Chosen | undefined;
          const value = watched[i].value as Record<string, unknown> | undefined;
          if (!c) continue;
          if (!value) await db.syncState.delete(CHOSEN(watched[i].table, watched[i].key));
          else
            await db.syncState.put({
              key: CHOSEN(watched[i].table, watched[i].key),
              value: { ...c, fields: Object.fromEntries(Object.keys(c.fields).map((f) => [f, value[f]])) },
            });
        }
        // A value the user set, now on the server: if a later change of another pane replaces it, say so.
        for (const set of chosenBy(action, () => netRows(rows ?? []))) {
          const earlier = (await db.syncState.get(CHOSEN(set.table, set.id)))?.value as Chosen | undefined;
          await db.syncState.put({
            key: CHOSEN(set.table, set.id),
            value: { ...set.chosen, fields: { ...earlier?.fields, ...set.chosen.fields } },
          });
        }
        // By key range (one request per run of consecutive rows, a changeset's rows being contiguous):
        // deleting 10,000 keys one by one held the pane for hundreds of milliseconds, mostly in the
        // bookkeeping of every deleted key.
        for (const [from, to] of runs) await db.outbox.where('seq').between(from, to, true, true).delete();
        return getState(RESETS, 0);
      });
    },

    async rebase(pulled, lastRev, drop, authors) {
      // Nothing but the database may be awaited inside the transaction: code a replay needs comes first.
      if ((await db.outbox.count()) > 0) await loadReplayCode();
      return db.transaction('rw', REBASE_SCOPE, async (tx) => {
        const idb = tx.idbtrans;
        const report: RebaseReport = { applied: pulled.length, replayed: 0, failed: [], renumbered: [] };
        const toldRenumbered = new Set<string>();
        setOutboxBypass(idb, true);
        const pendingRows = await readOutbox(db);
        const groups = groupRows(pendingRows);
        // 1. Revert every pending changeset, newest first.
        await revert(pendingRows.filter((r) => r.table !== ACTION_ROW));
        await db.outbox.clear();
        // 2. Apply the pulled rows, deletions first (a business key may move from one row to another).
        // This pane's own rows come back from the server as it pushed them: those already at their
        // revision here are skipped (except where the server stamps the user on them).
        // Only a row no newer than what this pane had acknowledged can be here at its revision already.
        const acked = pulled.length ? await ackedUpTo() : 0;
        const maybeHeld = pulled.filter((r) => !STAMPED.has(r.table) && r.rev <= acked);
        const heldRevs = await revsOf(maybeHeld);
        const held = new Set<ServerRow>(maybeHeld.filter((r, i) => (heldRevs[i] ?? -1) >= r.rev));
        const fresh = held.size ? pulled.filter((r) => !held.has(r)) : pulled;
        await writeRows(
          [...fresh.filter((r) => r.deleted), ...fresh.filter((r) => !r.deleted)].map((r) => ({
            table: r.table,
            key: r.id,
            value: r.deleted ? undefined : r.value,
          })),
        );
        await setRevs(fresh);
        report.overridden = await overriddenBy(
          fresh,
          groups.filter((g) => !(drop && g.txId === drop.id)),
          authors,
        );
        if (lastRev > (await getState('cursor', 0))) await db.syncState.put({ key: 'cursor', value: lastRev });
        // 3. Replay every pending action, oldest first, with its recorded clock and ids.
        setOutboxBypass(idb, false);
        // A refused replay does not abort this transaction (runAction runs inside it): the refusal is
        // recorded and its writes undone from the outbox.
        for (const g of groups) {
          if (drop && g.txId === drop.id) {
            report.failed.push(failure(g, drop.code, drop.message));
            continue;
          }
          if (!g.action) {
            await writeRows(latestValues(g.rows));
            continue;
          }
          try {
            await replayAction(ws, g.action);
            report.replayed++;
            const now = await db.outbox.where('txId').equals(g.txId).toArray();
            // Told once per record: a later action on a line moved by an earlier one names the same move.
            for (const r of renumbered(g, now)) {
              const told = `${r.table}\u0000${r.id}\u0000${r.to}`;
              if (toldRenumbered.has(told)) continue;
              toldRenumbered.add(told);
              report.renumbered.push(r);
            }
          } catch (e) {
            const written = await db.outbox.where('txId').equals(g.txId).toArray();
            setOutboxBypass(idb, true);
            await revert(written.filter((r) => r.table !== ACTION_ROW));
            await db.outbox.bulkDelete(written.map((r) => r.seq!));
            setOutboxBypass(idb, false);
            const code = isSegmentsError(e) ? e.code : 'CONFLICT';
            const details = isSegmentsError(e) ? withCreator(e.details, pulled, authors) : undefined;
            report.failed.push(failure(g, code, (e as Error).message, details));
          }
        }
        await addFailed(report.failed);
        return report;
      });
    },

    async settle() {
      await db.transaction('rw', db.syncState, async () => {
        const later = await db.syncState.where('key').startsWith(LATER_PREFIX).toArray();
        if (later.length === 0) return;
        // The highest revision of each row (a row's revision only grows), over the oldest records first.
        const revs = new Map<string, number>();
        for (const { value } of later) {
          const v = value as LaterRevs;
          v.keys.forEach((k, i) => {
            if (!(revs.get(k)! >= v.revs[i])) revs.set(k, v.revs[i]);
          });
        }
        await inSlices([...revs], SETTLE_SLICES, (slice) =>
          db.syncState.bulkPut(slice.map(([key, value]) => ({ key, value }))),
        );
        await db.syncState.bulkDelete(later.map((l) => l.key));
      });
    },

    async resetAfterRestore() {
      await db.transaction('rw', [db.outbox, db.syncState], () => resetSyncState(db));
    },

    failed: () => getState<FailedAction[]>('failed', []),

    async dismissFailed(id) {
      await db.transaction('rw', db.syncState, async () => {
        const list = await getState<FailedAction[]>('failed', []);
        await db.syncState.put({ key: 'failed', value: list.filter((f) => f.id !== id) });
      });
    },

    async retryFailed(id) {
      const f = (await getState<FailedAction[]>('failed', [])).find((x) => x.id === id);
      if (!f) throw new Error(`no failed action ${id}`);
      const result = await rerunAction(ws, { name: f.name, args: await retryArgs(db, f), v: f.v });
      await this.dismissFailed(id);
      return result;
    },
  };
}

/**
 * Forgets what was pending and every row's base revision, and starts pulling from the beginning; inside
 * the caller's transaction (a restore runs it in its own, covering the outbox and the sync state).
 */
export async function resetSyncState(db: Pick<SegmentsDb, 'outbox' | 'syncState'>): Promise<void> {
  const resets = (await db.syncState.get(RESETS))?.value;
  await db.syncState.put({ key: RESETS, value: (typeof resets === 'number' ? resets : 0) + 1 });
  await db.outbox.clear();
  await db.syncState.where('key').startsWith(REV_PREFIX).delete();
  await db.syncState.where('key').startsWith(LATER_PREFIX).delete();
  await db.syncState.put({ key: ACKED, value: 0 });
  await db.syncState.put({ key: 'cursor', value: 0 });
}

/**
 * A record with the same code that a pulled row brought (a colleague created it first): the refusal names
 * who made that row, when the server names the user of its revision.
 */
function withCreator(
  details: Record<string, unknown>,
  pulled: readonly ServerRow[],
  authors: Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  if (!authors || typeof details.list !== 'string' || details.code === undefined) return details;
  const row = pulled.findLast(
    (r) =>
      r.table === details.list && !r.deleted && (r.value as Record<string, unknown> | undefined)?.code === details.code,
  );
  const by = row && Object.hasOwn(authors, row.rev) ? authors[row.rev] : undefined;
  return by ? { ...details, by } : details;
}

function failure(g: Group, code: string, message: string, details?: Record<string, unknown>): FailedAction {
  const about = g.action?.about;
  // A record named by id that is gone: say which, by the number the user saw.
  if (
    about !== undefined &&
    details &&
    'segmentId' in details &&
    !('segmentNo' in details) &&
    g.action?.name.startsWith('segments.')
  )
    details = { ...details, segmentNo: about };
  const v = g.action?.v;
  return {
    id: g.txId,
    name: g.action?.name ?? 'change',
    args: g.action?.args ?? [],
    ...(about !== undefined ? { about } : {}),
    ...(v !== undefined ? { v } : {}),
    at: g.action?.at ?? '',
    code,
    message,
    ...(details ? { details } : {}),
  };
}

/**
 * The arguments a retry runs with: the recorded ones, except that a Go Back asks again about the
 * segment's current last step (the pane confirms before it retries).
 */
async function retryArgs(db: SegmentsDb, f: FailedAction): Promise<unknown[]> {
  if (f.name !== actionNames.segments.goBack || f.v === undefined) return f.args;
  const segmentId = String(f.args[0]);
  const last = await db.criteriaActions
    .where('[segmentId+actionNo]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey])
    .last();
  return [segmentId, last?.id ?? f.args[1]];
}

/** The last value of each row a changeset without an action wrote (re-applied as it was). */
function latestValues(rows: OutboxRow[]) {
  const last = new Map<string, { table: string; key: string; value: unknown }>();
  for (const r of rows)
    last.set(`${r.table}\u0000${r.key}`, { table: r.table, key: r.key, value: r.op === 'put' ? r.value : undefined });
  return [...last.values()];
}

/**
 * Interaction log entries are many to one logged segment: their numbers that moved are told in one item
 * per logged segment (its id), their old and new numbers as runs ("1–2" is now "4–5"), with the logged
 * segment's number as it is now.
 */
const ENTRIES = 'interactionLog' as const;

/** Numbers as runs of consecutive ones: "1–3, 7". */
function runsText(numbers: number[]): string {
  return runsOf(numbers)
    .map(([a, b]) => (a === b ? String(a) : `${a}\u2013${b}`))
    .join(', ');
}

function renumbered(g: Group, now: OutboxRow[]): Renumbered[] {
  // The action's earlier write of each record, looked up by table and key: an action of 10,000 lines
  // searched all of its rows for each of them (a task of seconds while a pull replayed it).
  const before = new Map<string, OutboxRow>();
  for (const o of g.rows)
    if (o.op === 'put' && (NUMBERED[o.table as DataTableName] || o.table === ENTRIES))
      before.set(`${o.table}\u0000${o.key}`, o);
  const out = new Map<string, Renumbered>();
  const entries = new Map<string, { from: number[]; to: number[]; loggedSegmentNo: unknown }>();
  for (const r of now) {
    if (r.table === ENTRIES && r.op === 'put') {
      const value = r.value as Record<string, unknown>;
      const from = (before.get(`${r.table}\u0000${r.key}`)?.value as Record<string, unknown> | undefined)?.entryNo;
      if (typeof from !== 'number' || typeof value.entryNo !== 'number' || from === value.entryNo) continue;
      const of = String(value.loggedSegmentId ?? '');
      let e = entries.get(of);
      if (!e) entries.set(of, (e = { from: [], to: [], loggedSegmentNo: value.loggedSegmentEntryNo }));
      e.from.push(from);
      e.to.push(value.entryNo);
      continue;
    }
    const numbered = NUMBERED[r.table as DataTableName];
    if (!numbered || r.op !== 'put') continue;
    const old = before.get(`${r.table}\u0000${r.key}`);
    const from = (old?.value as Record<string, unknown> | undefined)?.[numbered.field];
    const to = (r.value as Record<string, unknown>)[numbered.field];
    if (from === undefined || String(from) === String(to)) continue;
    const segmentNo = numbered.table === 'segmentLines' ? (r.value as Record<string, unknown>).segmentNo : undefined;
    const id = `${numbered.table}\u0000${r.key}`;
    if (out.has(id)) continue;
    out.set(id, {
      table: numbered.table,
      id: r.key,
      from: String(from),
      to: String(to),
      action: g.action?.name ?? '',
      ...(segmentNo !== undefined ? { segmentNo: String(segmentNo) } : {}),
    });
  }
  const told = [...out.values()];
  for (const [loggedSegmentId, e] of entries)
    told.push({
      // The sync status's list of numbers that moved, entries among them (one item per logged segment).
      table: ENTRIES,
      id: loggedSegmentId,
      from: runsText(e.from),
      to: runsText(e.to),
      action: g.action?.name ?? '',
      ...(e.loggedSegmentNo !== undefined ? { segmentNo: String(e.loggedSegmentNo) } : {}),
    });
  return told;
}
