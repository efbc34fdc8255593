// The action's own row in the shared workspace's outbox (sync.md, "Shape"): its name, arguments, clock
// and every id it made. The outbox middleware (outbox.ts) marks the transaction when it records a write
// of the action; runAction calls recordActionEnd when the action ends, in its transaction, and the row
// is written then, once. Kept apart from the middleware, which the pane loads only when it shares.
import type Dexie from 'dexie';
import type { RecordedAction } from './action';
import type { OutboxRow } from './db';

/** The outbox row that carries a transaction's action (one per action, written when it ends). */
export const ACTION_ROW = '#action';

interface RecordedFlags {
  /** The actions (by txId) whose writes got outbox rows in this transaction and still lack their own row. */
  segmentsRecorded?: Set<string>;
}

/** The outbox recorded a write of the action `txId` in this transaction: its row is due at its end. */
export function markRecorded(idbtrans: unknown, txId: string): void {
  const flags = idbtrans as RecordedFlags;
  (flags.segmentsRecorded ??= new Set()).add(txId);
}

/**
 * At the end of an action, in its transaction (runAction calls it once the body, its figures and its
 * checks are done): the action's row, with its final arguments and every id it made, when the outbox
 * recorded any of its writes. Nothing when the workspace does not record (no outbox middleware) or the
 * action wrote nothing. The row comes after the action's rows in the outbox: a changeset's rows stay
 * contiguous, and its reader takes the action from wherever it is among them.
 */
export async function recordActionEnd(db: Dexie, idbtrans: unknown, action: RecordedAction): Promise<void> {
  const flags = idbtrans as RecordedFlags;
  if (!flags.segmentsRecorded?.delete(action.txId)) return;
  const snapshot = {
    name: action.name,
    args: action.args,
    at: action.at,
    ids: [...action.ids],
    ...(action.about !== undefined ? { about: action.about } : {}),
    ...(action.v !== undefined ? { v: action.v } : {}),
  };
  const row: OutboxRow = { txId: action.txId, table: ACTION_ROW, key: action.txId, op: 'put', action: snapshot };
  await db.table('outbox').add(row);
}
