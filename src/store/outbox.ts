// The shared workspace's outbox (sync.md, "Shape"): a DBCore middleware that writes, in the same
// IndexedDB transaction, one outbox row per mutation of a workspace table with the row's new value and
// its before-image, tagged with the transaction's id and the workspace action that wrote it. The
// action's own row (its arguments and every id it made) is written once, when the action ends, in its
// transaction (actionRecord.ts): an action of N writes costs the outbox O(N), never a record that grows
// with the action rewritten after each write.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { RecordedAction } from './action';
import { ACTION_ROW, markRecorded } from './actionRecord';
import { dataTables, type OutboxRow } from './db';

const synced = new Set<string>(dataTables);
export { ACTION_ROW };

interface TransFlags {
  segmentsAction?: RecordedAction;
  /** Set while rows are written that must not be recorded: reverts, pulled rows, restores. */
  segmentsSyncBypass?: boolean;
}

/** Marks a transaction's writes as not to be recorded (applying pulled rows, restoring a backup). */
export function setOutboxBypass(idbtrans: unknown, on: boolean): void {
  (idbtrans as TransFlags).segmentsSyncBypass = on;
}

/** Called after the outbox got rows (its transaction may still be running). */
export type OutboxListener = () => void;

/**
 * The outbox rows this pane wrote, by `seq`, as they were when written (a copy), kept once their
 * transaction has committed: a push reads the outbox's keys from the database and takes these rows'
 * values from here instead of reading back (and decoding) the megabytes of a large action it just wrote.
 * The outbox stays the truth: only rows whose key the database still holds are taken, a key is never
 * reused (the outbox's key generator only grows, also after a clear), and a row is never rewritten in
 * place. A pane closed before its push, a failed push or a lost answer read what the cache lacks from
 * the database, as before. Callers never change the rows they are given.
 */
export class OutboxCache {
  private rows = new Map<number, OutboxRow>();
  /** Rows kept at most: beyond that (a long offline backlog) the database is read, as before. */
  constructor(readonly max = 100_000) {}
  /** The rows of a committed transaction, each with its `seq`. */
  add(rows: readonly OutboxRow[]): void {
    if (this.rows.size + rows.length > this.max) return;
    for (const r of rows) this.rows.set(r.seq!, r);
  }
  get(seq: number): OutboxRow | undefined {
    return this.rows.get(seq);
  }
  get size(): number {
    return this.rows.size;
  }
  /** Forgets the rows the outbox no longer holds (acknowledged, reverted, cleared): `keys` is every key it holds. */
  keepOnly(keys: readonly number[]): void {
    if (this.rows.size === 0) return;
    const held = new Set(keys);
    for (const seq of this.rows.keys()) if (!held.has(seq)) this.rows.delete(seq);
  }
}

interface CacheFlags {
  /** The outbox rows this transaction added (copies, with their keys); null once one could not be kept. */
  segmentsOutboxAdded?: OutboxRow[] | null;
}

/**
 * Keeps a copy of the rows of an add to the outbox, with the keys the database gave them, for `cache`
 * once the transaction commits; a transaction that aborts leaves nothing there.
 */
function keepAdded(
  cache: OutboxCache | undefined,
  trans: DBCoreTransaction,
  values: readonly unknown[],
  res: DBCoreMutateResponse,
): void {
  if (!cache) return;
  const flags = trans as unknown as CacheFlags;
  if (flags.segmentsOutboxAdded === null) return;
  if (res.numFailures || !res.results || res.results.length !== values.length) {
    flags.segmentsOutboxAdded = null;
    return;
  }
  if (!flags.segmentsOutboxAdded) {
    const added: OutboxRow[] = (flags.segmentsOutboxAdded = []);
    (trans as unknown as IDBTransaction).addEventListener('complete', () => {
      if (flags.segmentsOutboxAdded) cache.add(added);
      flags.segmentsOutboxAdded = undefined;
    });
  }
  // A copy, as the database stored it: the action may change its objects after writing them. The
  // before-image was read by the middleware itself and is held by no one else.
  values.forEach((v, i) => {
    const row = v as OutboxRow;
    flags.segmentsOutboxAdded!.push({
      ...row,
      seq: res.results![i] as number,
      value: copyOf(row.value),
      action: copyOf(row.action),
    });
  });
}

/**
 * A copy of a record as the database stores it: field by field, each nested object or array cloned whole.
 * A structured clone of a 10,000-line action's rows took 70-190 ms; records are mostly flat, and this
 * takes 10-30 ms.
 */
function copyOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    out[k] = x !== null && typeof x === 'object' ? structuredClone(x) : x;
  }
  return out;
}

export function outboxMiddleware(onWrite?: OutboxListener, cache?: OutboxCache): Middleware<DBCore> {
  // Per IndexedDB transaction: the txId of writes made outside any action.
  const looseTx = new WeakMap<object, string>();
  let counter = 0;

  return {
    stack: 'dbcore',
    name: 'segmentsOutbox',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope =
            mode === 'readwrite' && stores.some((s) => synced.has(s)) && !stores.includes('outbox')
              ? [...stores, 'outbox']
              : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name === 'outbox' && cache)
            return {
              ...table,
              // The action's own row (written at its end) is kept too.
              async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
                const res = await table.mutate(req);
                if (req.type === 'add') keepAdded(cache, req.trans, req.values, res);
                return res;
              },
            };
          if (!synced.has(name)) return table;
          const outbox = down.table('outbox');
          // No native await in here: Dexie keeps the transaction's zone across the promises the database
          // hands back, not across an await of a promise of our own. A write that followed such an await
          // ran outside the zone when other transactions were busy (a pane pulling the workspace it joins),
          // and Dexie's own middleware below then found no transaction ("reading 'table'"): the action
          // failed and its outbox row waited for ever.
          return {
            ...table,
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const flags = req.trans as unknown as TransFlags;
              if (flags.segmentsSyncBypass) return table.mutate(req);
              const write = (recorded: Recordable) =>
                table
                  .mutate(recorded.req)
                  .then((res) =>
                    thenOf(
                      recorded.afterFromResult
                        ? table.getMany({ trans: req.trans, keys: recorded.keys })
                        : recorded.values,
                      (after) => record(req, recorded, res, after),
                    ),
                  );
              const recorded = recordable(table, req);
              return recorded instanceof Promise ? recorded.then(write) : write(recorded);
            },
          };

          function record(
            req: DBCoreMutateRequest,
            recorded: Recordable,
            res: DBCoreMutateResponse,
            after: readonly unknown[] | undefined,
          ): DBCoreMutateResponse | Promise<DBCoreMutateResponse> {
            const flags = req.trans as unknown as TransFlags;
            const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
            const action = flags.segmentsAction;
            const txId = action?.txId ?? looseTxId(req.trans);
            const rows: OutboxRow[] = [];
            recorded.keys.forEach((key, i) => {
              if (failed.has(i)) return;
              const value = recorded.op === 'put' ? after?.[i] : undefined;
              if (recorded.op === 'put' && value === undefined) return;
              rows.push({ txId, table: name, key: String(key), op: recorded.op, value, before: recorded.before[i] });
            });
            if (rows.length === 0) return res;
            if (action) markRecorded(req.trans, action.txId);
            return outbox.mutate({ type: 'add', trans: req.trans, values: rows }).then((added) => {
              keepAdded(cache, req.trans, rows, added);
              // Outside the transaction's zone, so the listener's own database work runs in its own transactions.
              if (onWrite) setTimeout(onWrite, 0);
              return res;
            });
          }
        },
      };
    },
  };

  function looseTxId(trans: DBCoreTransaction): string {
    let id = looseTx.get(trans);
    if (!id) {
      id = `loose-${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      looseTx.set(trans, id);
    }
    return id;
  }
}

interface Recordable {
  req: DBCoreMutateRequest;
  op: 'put' | 'delete';
  keys: unknown[];
  values?: readonly unknown[];
  before: unknown[];
  /** True when the request does not carry whole values (partial updates): read them after. */
  afterFromResult: boolean;
}

/**
 * A value, or the database's promise of one, handed to `next`: straight away when it is here already, so
 * that no promise of our own comes between the transaction's zone and the next write.
 */
function thenOf<T, R>(v: T | Promise<T>, next: (v: T) => R | Promise<R>): R | Promise<R> {
  return v instanceof Object && typeof (v as Promise<T>).then === 'function'
    ? (v as Promise<T>).then(next)
    : next(v as T);
}

/**
 * Turns a request into whole rows: deleteRange into the keys it covers, partial updates into values. Returns
 * the rows at once when nothing must be read (an add), else the database's promise of them.
 */
function recordable(table: DBCoreTable, req: DBCoreMutateRequest): Recordable | Promise<Recordable> {
  const trans = req.trans;
  if (req.type === 'deleteRange') {
    return table
      .query({
        trans,
        values: true,
        query: { index: table.schema.primaryKey, range: req.range },
      })
      .then((found) => {
        const before = found.result as Record<string, unknown>[];
        const keys = before.map((v) => v.id);
        return {
          req: { type: 'delete', trans, keys, mutatedParts: req.mutatedParts },
          op: 'delete',
          keys,
          before,
          afterFromResult: false,
        };
      });
  }
  if (req.type === 'delete') {
    const keys = req.keys;
    return table
      .getMany({ trans, keys })
      .then((before) => ({ req, op: 'delete', keys, before, afterFromResult: false }));
  }
  const keys =
    req.keys ??
    (req.type === 'put' && req.updates ? req.updates.keys : req.values.map((v) => (v as { id: unknown }).id));
  const partial =
    req.type === 'put' && (req.updates !== undefined || req.upsert === false || req.changeSpec !== undefined);
  const recorded = (before: unknown[]): Recordable => ({
    req,
    op: 'put',
    keys,
    values: req.values,
    before,
    afterFromResult: partial,
  });
  // An add writes only rows that are not there (it fails otherwise): nothing to read for their before-image.
  if (req.type === 'add') return recorded(keys.map(() => undefined));
  return table.getMany({ trans, keys }).then(recorded);
}
