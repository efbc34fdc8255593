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

export function outboxMiddleware(onWrite?: OutboxListener): Middleware<DBCore> {
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
          if (!synced.has(name)) return table;
          const outbox = down.table('outbox');
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const flags = req.trans as unknown as TransFlags;
              if (flags.segmentsSyncBypass) return table.mutate(req);
              const recorded = await recordable(table, req);
              const res = await table.mutate(recorded.req);
              const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
              const after = recorded.afterFromResult
                ? await table.getMany({ trans: req.trans, keys: recorded.keys })
                : recorded.values;
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
              await outbox.mutate({ type: 'add', trans: req.trans, values: rows });
              // Outside the transaction's zone, so the listener's own database work runs in its own transactions.
              if (onWrite) setTimeout(onWrite, 0);
              return res;
            },
          };
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

/** Turns a request into whole rows: deleteRange into the keys it covers, partial updates into values. */
async function recordable(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Recordable> {
  const trans = req.trans;
  if (req.type === 'deleteRange') {
    const found = await table.query({
      trans,
      values: true,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    const before = found.result as Record<string, unknown>[];
    const keys = before.map((v) => v.id);
    return {
      req: { type: 'delete', trans, keys, mutatedParts: req.mutatedParts },
      op: 'delete',
      keys,
      before,
      afterFromResult: false,
    };
  }
  if (req.type === 'delete') {
    const before = await table.getMany({ trans, keys: req.keys });
    return { req, op: 'delete', keys: req.keys, before, afterFromResult: false };
  }
  const keys =
    req.keys ??
    (req.type === 'put' && req.updates ? req.updates.keys : req.values.map((v) => (v as { id: unknown }).id));
  // An add writes only rows that are not there (it fails otherwise): nothing to read for their before-image.
  const before = req.type === 'add' ? keys.map(() => undefined) : await table.getMany({ trans, keys });
  const partial =
    req.type === 'put' && (req.updates !== undefined || req.upsert === false || req.changeSpec !== undefined);
  return { req, op: 'put', keys, values: req.values, before, afterFromResult: partial };
}
