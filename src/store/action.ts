// Every workspace mutation is one action: one read-write transaction over the data, a clock read once,
// ids made only through the allocator. The transaction carries what the action was (name, arguments,
// clock, ids) so that the shared workspace can record it and replay it with the same clock and ids.
import Dexie from 'dexie';
import type { ActionName } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { findTextRuleViolation, textProblemMessage } from '../domain/text';
import { isoDateOf, isoTimeOf } from '../domain/time';
import type { StoreContext } from './context';
import { dataTables } from './db';
import { beginFigures, finishFigures } from './figures';
import { recordActionEnd } from './actionRecord';

export interface RecordedAction {
  txId: string;
  name: ActionName;
  /**
   * What replay runs the action with. Records are named by id, never by a number that renumbering can
   * move (sync.md, "Targets by id"); a state is recorded as the value chosen, never as a flip.
   */
  args: unknown[];
  /** The number the user saw the action about (segment no., entry no.): for the pane's words only, never replayed. */
  about?: string;
  /**
   * The format of `args`: RECORDED_FORMAT (records by id, states by value). Absent on actions recorded
   * by earlier versions, by the numbers the user saw: those are replayed through the public method.
   */
  v?: number;
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
  /**
   * Set by a body that checked every string of its recorded arguments against the text rule itself, in
   * slices (an import of 100,000 rows): the action's end then does not walk them again in one long task.
   */
  textChecked?: boolean;
}

/** A replay pins the clock and the ids of the next action run on a context. */
interface Pinned {
  at: string;
  ids: string[];
}
const pinnedByCtx = new WeakMap<StoreContext, Pinned>();

/** The format of the recorded arguments this version writes (see RecordedAction.v). */
export const RECORDED_FORMAT = 2;

export async function withPinned<T>(ctx: StoreContext, pinned: Pinned, run: () => Promise<T>): Promise<T> {
  pinnedByCtx.set(ctx, { at: pinned.at, ids: [...pinned.ids] });
  try {
    return await run();
  } finally {
    pinnedByCtx.delete(ctx);
  }
}

const scopeTables = [...dataTables, 'profile', 'outbox'] as const;

function scopeFor(ctx: StoreContext, name: ActionName, args: unknown[]): ActionScope {
  const pinned = pinnedByCtx.get(ctx);
  const now = pinned ? new Date(pinned.at) : ctx.now();
  const ids: string[] = [];
  const action: RecordedAction = { txId: '', name, args, at: now.toISOString(), ids, v: RECORDED_FORMAT };
  const newId = () => {
    const id = pinned?.ids.shift() ?? ctx.newId();
    ids.push(id);
    return id;
  };
  action.txId = newId();
  return { now, stamp: now.toISOString(), today: isoDateOf(now), time: isoTimeOf(now), newId, action };
}

/** Refuses arguments that break the text rule (they would be stored in the outbox and on the server). */
function checkArgsText(name: string, args: unknown[]): void {
  const v = findTextRuleViolation(args);
  if (!v) return;
  const where = v.path.slice(1).map(String).join('.');
  throw new SegmentsError(
    'INVALID_INPUT',
    `${name}: argument ${Number(v.path[0]) + 1}${where ? ` (${where})` : ''} ${textProblemMessage(v.problem)}`,
    {
      field: String(v.path.at(-1) ?? ''),
      textProblem: v.problem,
    },
  );
}

/** Runs `body` as the action `name` in one rw transaction; any error rolls everything back. */
export async function runAction<T>(
  ctx: StoreContext,
  name: ActionName,
  args: unknown[],
  body: (s: ActionScope) => Promise<T>,
): Promise<T> {
  const scope = scopeFor(ctx, name, args);
  // The recorded arguments are stored (outbox, server): checked against the text rule before the
  // transaction commits. After the body, because an import records only the rows it took.
  // The list figures of every segment / logged segment the body changed are settled once at its end, in
  // its transaction, from what its writes changed (figures.ts); then the outbox gets the action's record.
  const checked = async () => {
    const tx = Dexie.currentTransaction;
    if (tx) beginFigures(tx);
    let result: T;
    try {
      result = await body(scope);
    } catch (e) {
      // A refusal inside an outer transaction keeps that transaction (a replay undoes the writes from the
      // outbox): the figures of what the body wrote are still settled, so that the undo restores them too.
      if (tx) await finishFigures(ctx.db, tx).catch(() => undefined);
      throw e;
    }
    if (tx) await finishFigures(ctx.db, tx);
    if (!scope.textChecked) checkArgsText(name, scope.action.args);
    // The shared workspace's record of the action, once, now that its arguments and ids are final.
    if (tx) await recordActionEnd(ctx.db, tx.idbtrans, scope.action);
    return result;
  };
  const current = Dexie.currentTransaction;
  if (
    current &&
    current.db === ctx.db &&
    current.mode === 'readwrite' &&
    scopeTables.every((t) => current.storeNames.includes(t))
  ) {
    // Inside a transaction that already covers the action (the shared workspace's rebase replays actions
    // in one): run there, not in a nested transaction, whose failure would abort the outer one. The
    // caller decides what a refusal undoes.
    const idb = current.idbtrans as unknown as { segmentsAction?: RecordedAction };
    const outer = idb.segmentsAction;
    idb.segmentsAction = scope.action;
    try {
      return await checked();
    } catch (e) {
      throw toSegmentsError(e);
    } finally {
      idb.segmentsAction = outer;
    }
  }
  try {
    return await ctx.db.transaction('rw', scopeTables as unknown as string[], async (tx) => {
      (tx.idbtrans as unknown as { segmentsAction?: RecordedAction }).segmentsAction = scope.action;
      return checked();
    });
  } catch (e) {
    throw toSegmentsError(e);
  }
}

/** Runs a read in one read-only transaction (a consistent view of several tables). */
export async function runRead<T>(ctx: StoreContext, body: () => Promise<T>): Promise<T> {
  const read = () => ctx.db.transaction('r', [...dataTables, 'profile'] as unknown as string[], body);
  try {
    return await read();
  } catch (e) {
    // A read whose transaction the database closed before the read was done ("committed too early": seen
    // rarely on a busy machine while a list refreshes as the user types) changed nothing: it is read again,
    // once, rather than shown to the user as a failure.
    if (!(e instanceof Dexie.PrematureCommitError)) throw toSegmentsError(e);
  }
  try {
    return await read();
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
    return new SegmentsError(
      'CONFLICT',
      `A record with the same key was written meanwhile: ${(e as Error).message}`,
      {},
    );
  }
  return e;
}

/**
 * An action as the workspace's public method calls it (by the numbers the user sees) and as replay runs
 * it (by ids). `resolve` runs inside the action's transaction, before any write, and turns the public
 * arguments into the recorded ones; `body` works from the recorded arguments only, so that the action
 * and its replay do the same thing to the same records.
 */
export interface ActionDef<P extends unknown[], I extends unknown[], R> {
  name: ActionName;
  resolve(...publicArgs: P): Promise<I>;
  body(s: ActionScope, ...recorded: I): Promise<R>;
}

/** The store's replayers by action name: run an action from its recorded arguments. */
export type Replayer = (...recorded: unknown[]) => Promise<unknown>;
const replayersByCtx = new WeakMap<StoreContext, Map<ActionName, Replayer>>();

/** The function that runs `name` from recorded arguments on this workspace, if the action is known. */
export function replayerOf(ctx: StoreContext, name: string): Replayer | undefined {
  return replayersByCtx.get(ctx)?.get(name as ActionName);
}

/** Registers an action whose recorded arguments are its public ones (no record to resolve). */
export function registerReplayer(ctx: StoreContext, name: ActionName, run: Replayer): void {
  let m = replayersByCtx.get(ctx);
  if (!m) replayersByCtx.set(ctx, (m = new Map()));
  m.set(name, run);
}

/** Makes the public method of an action and registers its replayer. */
export function defineAction<P extends unknown[], I extends unknown[], R>(
  ctx: StoreContext,
  def: ActionDef<P, I, R>,
): (...publicArgs: P) => Promise<R> {
  const byRecorded = (...recorded: I) => runAction(ctx, def.name, recorded, (s) => def.body(s, ...recorded));
  registerReplayer(ctx, def.name, byRecorded as unknown as Replayer);
  return (...publicArgs: P) =>
    runAction(ctx, def.name, [], async (s) => {
      const recorded = await def.resolve(...publicArgs);
      checkArgsText(def.name, recorded);
      s.action.args = recorded;
      return def.body(s, ...recorded);
    });
}
