// Every workspace mutation is one action: one read-write transaction over the data, a clock read once,
// ids made only through the allocator. The transaction carries what the action was (name, arguments,
// clock, ids) so that the shared workspace can record it and replay it with the same clock and ids.
import Dexie from 'dexie';
import { SegmentsError } from '../domain/errors';
import { isoDateOf, isoTimeOf } from '../domain/time';
import type { StoreContext } from './context';
import { dataTables } from './db';

export interface RecordedAction {
  txId: string;
  name: string;
  args: unknown[];
  /** The clock value the action read (ISO). */
  at: string;
  /** Every id the action allocated, in order. */
  ids: string[];
}

/** What an action's body works with: its fixed clock and its id allocator. */
export interface ActionScope {
  now: Date;
  /** ISO timestamp of `now`, for createdAt/updatedAt. */
  stamp: string;
  /** Today's date (ISO) and time (HH:MM:SS) of `now`. */
  today: string;
  time: string;
  newId(): string;
  action: RecordedAction;
}

/** A replay pins the clock and the ids of the next action run on a context. */
interface Pinned {
  at: string;
  ids: string[];
}
const pinnedByCtx = new WeakMap<StoreContext, Pinned>();

export async function withPinned<T>(ctx: StoreContext, pinned: Pinned, run: () => Promise<T>): Promise<T> {
  pinnedByCtx.set(ctx, { at: pinned.at, ids: [...pinned.ids] });
  try {
    return await run();
  } finally {
    pinnedByCtx.delete(ctx);
  }
}

const scopeTables = [...dataTables, 'profile', 'outbox'] as const;

function scopeFor(ctx: StoreContext, name: string, args: unknown[]): ActionScope {
  const pinned = pinnedByCtx.get(ctx);
  const now = pinned ? new Date(pinned.at) : ctx.now();
  const ids: string[] = [];
  const action: RecordedAction = { txId: '', name, args, at: now.toISOString(), ids };
  const newId = () => {
    const id = pinned?.ids.shift() ?? ctx.newId();
    ids.push(id);
    return id;
  };
  action.txId = newId();
  return { now, stamp: now.toISOString(), today: isoDateOf(now), time: isoTimeOf(now), newId, action };
}

/** Runs `body` as the action `name` in one rw transaction; any error rolls everything back. */
export async function runAction<T>(ctx: StoreContext, name: string, args: unknown[], body: (s: ActionScope) => Promise<T>): Promise<T> {
  const scope = scopeFor(ctx, name, args);
  const current = Dexie.currentTransaction;
  if (current && current.db === ctx.db && current.mode === 'readwrite' && scopeTables.every((t) => current.storeNames.includes(t))) {
    // Inside a transaction that already covers the action (the shared workspace's rebase replays actions
    // in one): run there, not in a nested transaction, whose failure would abort the outer one. The
    // caller decides what a refusal undoes.
    const idb = current.idbtrans as unknown as { segmentsAction?: RecordedAction };
    const outer = idb.segmentsAction;
    idb.segmentsAction = scope.action;
    try {
      return await body(scope);
    } catch (e) {
      throw toSegmentsError(e);
    } finally {
      idb.segmentsAction = outer;
    }
  }
  try {
    return await ctx.db.transaction('rw', scopeTables as unknown as string[], async (tx) => {
      (tx.idbtrans as unknown as { segmentsAction?: RecordedAction }).segmentsAction = scope.action;
      return body(scope);
    });
  } catch (e) {
    throw toSegmentsError(e);
  }
}

/** Runs a read in one read-only transaction (a consistent view of several tables). */
export async function runRead<T>(ctx: StoreContext, body: () => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction('r', [...dataTables, 'profile'] as unknown as string[], body);
  } catch (e) {
    throw toSegmentsError(e);
  }
}

/** Database errors that mean another pane or user got there first become CONFLICT. */
export function toSegmentsError(e: unknown): unknown {
  if (e instanceof SegmentsError) return e;
  const inner = e instanceof Dexie.DexieError && 'inner' in e ? (e as { inner?: unknown }).inner : undefined;
  if (inner instanceof SegmentsError) return inner;
  if (e instanceof Dexie.ConstraintError || (e instanceof Error && e.name === 'ConstraintError')) {
    return new SegmentsError('CONFLICT', `A record with the same key was written meanwhile: ${(e as Error).message}`, {});
  }
  return e;
}
