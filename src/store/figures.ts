// The figures the Segments and Logged Segments lists show, stored on the header / logged segment so a
// list reads one table (issue: page-opening reads under 100 ms with 200 segments of 10,000 lines).
// Every action that writes lines, criteria actions or log entries marks the segments / logged segments
// it touched (table hooks, per transaction); runAction recomputes each marked one once, through its
// index, at the end of the action, inside its transaction. A restore and the v3 upgrade fill them all.
import type { Table, Transaction } from 'dexie';
import type { InteractionLogEntry, LoggedSegment, LoggedSegmentRecord } from '../domain/log';
import type { SegmentHeader, SegmentHeaderRecord, SegmentLine } from '../domain/segment';
import type { CriteriaAction } from '../domain/criteria';
import type { SegmentsDb } from './db';

/** The tables the figures are computed from and stored in: the database's, or an upgrade transaction's. */
export interface FigureTables {
  segments: Table<SegmentHeaderRecord, string>;
  segmentLines: Table<SegmentLine, string>;
  criteriaActions: Table<CriteriaAction, string>;
  loggedSegments: Table<LoggedSegmentRecord, string>;
  interactionLog: Table<InteractionLogEntry, string>;
}

export function figureTablesOf(source: Pick<Transaction, 'table'>): FigureTables {
  return {
    segments: source.table('segments'),
    segmentLines: source.table('segmentLines'),
    criteriaActions: source.table('criteriaActions'),
    loggedSegments: source.table('loggedSegments'),
    interactionLog: source.table('interactionLog'),
  };
}

export interface SegmentFigures {
  noOfLines: number;
  noOfCriteriaActions: number;
  cost: number;
  duration: number;
}

/** The figures of a segment from its lines (lines with a blank contact are not counted, as in BC). */
export function segmentFiguresOf(lines: readonly SegmentLine[], noOfCriteriaActions: number): SegmentFigures {
  let cost = 0;
  let duration = 0;
  let noOfLines = 0;
  for (const l of lines) {
    if (l.contactNo !== '') noOfLines++;
    cost += l.cost;
    duration += l.duration;
  }
  return { noOfLines, noOfCriteriaActions, cost: Math.round(cost * 100) / 100, duration };
}

/** The interactions a logged segment shows: its entries whose Canceled matches its own. */
export function noOfInteractionsOf(
  ls: Pick<LoggedSegmentRecord, 'canceled'>,
  entries: readonly Pick<InteractionLogEntry, 'canceled'>[],
): number {
  let n = 0;
  for (const e of entries) if (e.canceled === ls.canceled) n++;
  return n;
}

interface Touched {
  segments: Set<string>;
  logged: Set<string>;
}

function touchedOf(tx: Transaction | null | undefined): Touched | undefined {
  if (!tx) return undefined;
  const idb = tx.idbtrans as unknown as { segmentsFigures?: Touched };
  return idb.segmentsFigures;
}

/** Starts collecting, on this transaction, the segments and logged segments whose figures change. */
export function beginFigures(tx: Transaction): void {
  const idb = tx.idbtrans as unknown as { segmentsFigures?: Touched };
  idb.segmentsFigures ??= { segments: new Set(), logged: new Set() };
}

/** Table hooks that mark, on the running action's transaction, what its writes touch. */
export function installFigureHooks(db: SegmentsDb): void {
  const bySegment = (row: { segmentId?: string } | undefined, tx: Transaction) => {
    const t = touchedOf(tx);
    if (t && row?.segmentId) t.segments.add(row.segmentId);
  };
  for (const table of [db.segmentLines, db.criteriaActions] as unknown as Table<
    SegmentLine | CriteriaAction,
    string
  >[]) {
    table.hook('creating', (_k, obj, tx) => bySegment(obj, tx));
    table.hook('updating', (mods, _k, obj, tx) => {
      bySegment(obj, tx);
      bySegment(mods as { segmentId?: string }, tx);
    });
    table.hook('deleting', (_k, obj, tx) => bySegment(obj, tx));
  }
  const byLogged = (row: { loggedSegmentId?: string } | undefined, tx: Transaction) => {
    const t = touchedOf(tx);
    if (t && row?.loggedSegmentId) t.logged.add(row.loggedSegmentId);
  };
  db.interactionLog.hook('creating', (_k, obj, tx) => byLogged(obj, tx));
  db.interactionLog.hook('updating', (mods, _k, obj, tx) => {
    byLogged(obj, tx);
    byLogged(mods as { loggedSegmentId?: string }, tx);
  });
  db.interactionLog.hook('deleting', (_k, obj, tx) => byLogged(obj, tx));
  // A creating hook's return value would become the primary key: these return nothing.
  const logged = (id: string, tx: Transaction): void => {
    touchedOf(tx)?.logged.add(id);
  };
  db.loggedSegments.hook('creating', (_k, obj, tx) => {
    logged(obj.id, tx);
  });
  db.loggedSegments.hook('updating', (_m, _k, obj, tx) => {
    logged(obj.id, tx);
  });
  // A created header starts without figures: it is marked so that they are written.
  db.segments.hook('creating', (_k, obj, tx) => {
    touchedOf(tx)?.segments.add(obj.id);
  });
}

/** Recomputes and stores one segment's figures (one index read of its lines, one count of its actions). */
export async function refreshSegmentFigures(db: FigureTables, segmentId: string): Promise<void> {
  const header = await db.segments.get(segmentId);
  if (!header) return;
  const [lines, actions] = await Promise.all([
    db.segmentLines.where('segmentId').equals(segmentId).toArray(),
    db.criteriaActions.where('segmentId').equals(segmentId).count(),
  ]);
  const f = segmentFiguresOf(lines, actions);
  if (
    header.noOfLines === f.noOfLines &&
    header.noOfCriteriaActions === f.noOfCriteriaActions &&
    header.cost === f.cost &&
    header.duration === f.duration
  )
    return;
  await db.segments.put({ ...header, ...f } satisfies SegmentHeaderRecord);
}

/** Recomputes and stores one logged segment's number of interactions. */
export async function refreshLoggedFigures(db: FigureTables, loggedSegmentId: string): Promise<void> {
  const ls = await db.loggedSegments.get(loggedSegmentId);
  if (!ls) return;
  const entries = await db.interactionLog.where('loggedSegmentId').equals(loggedSegmentId).toArray();
  const n = noOfInteractionsOf(ls, entries);
  if (ls.noOfInteractions === n) return;
  await db.loggedSegments.put({ ...ls, noOfInteractions: n });
}

/** At the end of an action: every marked segment and logged segment recomputed once, in its transaction. */
export async function finishFigures(db: FigureTables, tx: Transaction): Promise<void> {
  const t = touchedOf(tx);
  if (!t) return;
  // Our own writes below mark again; the sets are taken first and cleared.
  const segments = [...t.segments];
  const logged = [...t.logged];
  t.segments.clear();
  t.logged.clear();
  for (const id of segments) await refreshSegmentFigures(db, id);
  for (const id of logged) await refreshLoggedFigures(db, id);
  t.segments.clear();
  t.logged.clear();
}

/** Fills the figures of every segment and logged segment (the v3 upgrade, a restore). */
export async function fillAllFigures(db: FigureTables): Promise<void> {
  for (const id of await db.segments.toCollection().primaryKeys()) await refreshSegmentFigures(db, id);
  for (const id of await db.loggedSegments.toCollection().primaryKeys()) await refreshLoggedFigures(db, id);
}

/** A header as the Segments list shows it, from its stored figures (0 until they are filled). */
export function storedFigures(h: SegmentHeaderRecord): SegmentHeader {
  return {
    ...h,
    noOfLines: h.noOfLines ?? 0,
    noOfCriteriaActions: h.noOfCriteriaActions ?? 0,
    cost: h.cost ?? 0,
    duration: h.duration ?? 0,
  };
}

/** A logged segment as its list shows it, from its stored figure. */
export function storedInteractions(ls: LoggedSegmentRecord): LoggedSegment {
  return { ...ls, noOfInteractions: ls.noOfInteractions ?? 0 };
}
