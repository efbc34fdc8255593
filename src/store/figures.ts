// The figures the Segments and Logged Segments lists show, stored on the header / logged segment so a
// list reads one table (issue 13: page-opening reads under 100 ms with 200 segments of 10,000 lines).
// They are kept by difference: while an action runs, a DBCore middleware sees every line, criteria action
// and log entry it writes, with the record before and after, and adds up what changed per segment and
// logged segment; at the end of the action, in its transaction, runAction adds that to the figures the
// header had before. No line or entry is read for it beyond those the action writes (and those it read
// itself are not read again). A restore and the v3 upgrade count them all from the records.
import type {
  DBCore,
  DBCoreGetManyRequest,
  DBCoreGetRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreQueryRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Table,
  Transaction,
} from 'dexie';
import type { CriteriaAction } from '../domain/criteria';
import type { InteractionLogEntry, LoggedSegment, LoggedSegmentRecord } from '../domain/log';
import type { SegmentHeader, SegmentHeaderRecord, SegmentLine } from '../domain/segment';

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

const roundCost = (x: number) => Math.round(x * 100) / 100;
/** Sums of decimal durations drift in the last bits: kept to the millionth. */
const roundDuration = (x: number) => Math.round(x * 1e6) / 1e6;

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
  return { noOfLines, noOfCriteriaActions, cost: roundCost(cost), duration: roundDuration(duration) };
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

// ---- What an action changed, per transaction ----

/** A segment's figures changed by an action's writes. */
interface SegmentDelta {
  lines: number;
  actions: number;
  cost: number;
  duration: number;
}
/** A logged segment's entries added (+) and removed (−) by an action's writes, by their Canceled. */
interface LoggedDelta {
  open: number;
  canceled: number;
}
/** What a figure needs of a record: kept apart from the record, which the action may change in place. */
type Part = { owner: string; contact?: boolean; cost?: number; duration?: number; canceled?: boolean } | null;

interface Changes {
  /** Nested actions (one inside another's transaction) share the outermost one's changes. */
  depth: number;
  segments: Map<string, SegmentDelta>;
  logged: Map<string, LoggedDelta>;
  /** The header / logged segment as it was before the action first wrote it (null: it did not exist). */
  segmentBefore: Map<string, FigureHolder | null>;
  loggedBefore: Map<string, FigureHolder | null>;
  /** The parts of the records this action read or wrote, by table and key (null: known not to exist). */
  known: Map<string, Map<string, Part>>;
}
type FigureHolder = Partial<SegmentFigures> & { noOfInteractions?: number; canceled?: boolean };

const changesOf = (trans: unknown) => (trans as { segmentsFigureChanges?: Changes }).segmentsFigureChanges;

/** Starts adding up, on this transaction, what the action's writes change in the figures. */
export function beginFigures(tx: Transaction): void {
  const idb = tx.idbtrans as unknown as { segmentsFigureChanges?: Changes };
  if (idb.segmentsFigureChanges) idb.segmentsFigureChanges.depth++;
  else
    idb.segmentsFigureChanges = {
      depth: 1,
      segments: new Map(),
      logged: new Map(),
      segmentBefore: new Map(),
      loggedBefore: new Map(),
      known: new Map(),
    };
}

/** The part of a record of `table` that the figures need (undefined: the table holds no figure). */
function partOf(table: string, row: unknown): Part | undefined {
  if (row === undefined || row === null) return null;
  const r = row as Record<string, unknown>;
  switch (table) {
    case 'segmentLines':
      return {
        owner: r.segmentId as string,
        contact: r.contactNo !== '',
        cost: Number(r.cost) || 0,
        duration: Number(r.duration) || 0,
      };
    case 'criteriaActions':
      return { owner: r.segmentId as string };
    case 'interactionLog':
      return { owner: (r.loggedSegmentId as string | undefined) ?? '', canceled: Boolean(r.canceled) };
    default:
      return undefined;
  }
}

function holderOf(row: unknown): FigureHolder | null {
  if (row === undefined || row === null) return null;
  const r = row as FigureHolder;
  return {
    noOfLines: r.noOfLines,
    noOfCriteriaActions: r.noOfCriteriaActions,
    cost: r.cost,
    duration: r.duration,
    noOfInteractions: r.noOfInteractions,
    canceled: r.canceled,
  };
}

function addPart(c: Changes, table: string, part: Part, sign: 1 | -1): void {
  if (!part || !part.owner) return;
  if (table === 'interactionLog') {
    let d = c.logged.get(part.owner);
    if (!d) c.logged.set(part.owner, (d = { open: 0, canceled: 0 }));
    if (part.canceled) d.canceled += sign;
    else d.open += sign;
    return;
  }
  let d = c.segments.get(part.owner);
  if (!d) c.segments.set(part.owner, (d = { lines: 0, actions: 0, cost: 0, duration: 0 }));
  if (table === 'criteriaActions') d.actions += sign;
  else {
    if (part.contact) d.lines += sign;
    d.cost += sign * (part.cost ?? 0);
    d.duration += sign * (part.duration ?? 0);
  }
}

const figureTables = new Set(['segments', 'segmentLines', 'criteriaActions', 'loggedSegments', 'interactionLog']);
const keyOf = (row: unknown) => String((row as { id: unknown }).id);

/**
 * The middleware that adds up the figures' changes of a running action (beginFigures ... finishFigures).
 * Outside an action it passes every request through untouched.
 */
export function figuresMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'segmentsListFigures',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!figureTables.has(name)) return table;
          const header = name === 'segments' || name === 'loggedSegments';
          const remember = (c: Changes, rows: readonly unknown[], keys?: readonly unknown[]) => {
            if (header) return;
            let m = c.known.get(name);
            if (!m) c.known.set(name, (m = new Map()));
            rows.forEach((row, i) => {
              if (row !== undefined) m.set(keyOf(row), partOf(name, row)!);
              else if (keys) m.set(String(keys[i]), null);
            });
          };
          return {
            ...table,
            get(req: DBCoreGetRequest) {
              const c = changesOf(req.trans);
              if (!c) return table.get(req);
              return table.get(req).then((row) => {
                remember(c, [row], [req.key]);
                return row;
              });
            },
            getMany(req: DBCoreGetManyRequest) {
              const c = changesOf(req.trans);
              if (!c) return table.getMany(req);
              return table.getMany(req).then((rows) => {
                remember(c, rows, req.keys);
                return rows;
              });
            },
            query(req: DBCoreQueryRequest) {
              const c = changesOf(req.trans);
              if (!c || !req.values) return table.query(req);
              return table.query(req).then((res) => {
                remember(c, res.result);
                return res;
              });
            },
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const c = changesOf(req.trans);
              if (!c) return table.mutate(req);
              return header ? mutateHeader(c, table, name, req) : mutateRecords(c, table, name, req);
            },
          };
        },
      };
    },
  };
}

// No native async function below: Dexie keeps its transaction zone across the promises the database
// hands back, not across an await of a promise of our own that did not wait on the database.

/** `then` on a value or a promise of the database's. */
function next<T, R>(v: T | PromiseLike<T>, f: (t: T) => R | PromiseLike<R>): R | PromiseLike<R> {
  return v !== null && typeof v === 'object' && 'then' in v ? (v as PromiseLike<T>).then(f) : f(v as T);
}

/** The records before a write, from what the action already read or wrote, reading only the others. */
function before(c: Changes, table: DBCoreTable, name: string, trans: DBCoreTransaction, keys: unknown[]) {
  const m = c.known.get(name);
  const parts: (Part | undefined)[] = keys.map((k) => m?.get(String(k)));
  const missing = keys.filter((_k, i) => parts[i] === undefined);
  if (!missing.length) return parts as Part[];
  return table.getMany({ trans, keys: missing }).then((rows) => {
    let j = 0;
    return parts.map((p) => (p === undefined ? partOf(name, rows[j++])! : p));
  });
}

/** Whether a put carries whole records (else the records are read after the write). */
const whole = (req: DBCoreMutateRequest) =>
  !(req.type === 'put' && (req.updates !== undefined || req.upsert === false || req.changeSpec !== undefined));

const keysOf = (req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): unknown[] =>
  req.type === 'delete'
    ? [...req.keys]
    : req.keys
      ? [...req.keys]
      : req.type === 'put' && req.updates
        ? [...req.updates.keys]
        : req.values.map(keyOf);

function rangeRows(table: DBCoreTable, req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>) {
  return table
    .query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
    .then((found) => found.result);
}

function mutateRecords(
  c: Changes,
  table: DBCoreTable,
  name: string,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const trans = req.trans;
  const write = (keys: unknown[], old: Part[]) =>
    table.mutate(req).then((res) => {
      const deleting = req.type === 'delete' || req.type === 'deleteRange';
      const after: readonly unknown[] | PromiseLike<readonly unknown[]> = deleting
        ? []
        : whole(req)
          ? (req as { values: readonly unknown[] }).values
          : table.getMany({ trans, keys });
      return next(after, (rows) => {
        const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
        let m = c.known.get(name);
        if (!m) c.known.set(name, (m = new Map()));
        keys.forEach((key, i) => {
          if (failed.has(i)) return;
          const now = deleting ? null : partOf(name, rows[i])!;
          addPart(c, name, old[i], -1);
          addPart(c, name, now, 1);
          m.set(String(key), now);
        });
        return res;
      });
    });
  if (req.type === 'deleteRange')
    return rangeRows(table, req).then((rows) =>
      write(
        rows.map(keyOf),
        rows.map((r) => partOf(name, r)!),
      ),
    );
  const keys = keysOf(req);
  if (req.type === 'add')
    return write(
      keys,
      keys.map(() => null),
    );
  // Either branch ends in a promise of the database's.
  return next(before(c, table, name, trans, keys), (old) => write(keys, old)) as Promise<DBCoreMutateResponse>;
}

/** A header or logged segment written: what it held before its first write in this action is kept. */
function mutateHeader(
  c: Changes,
  table: DBCoreTable,
  name: string,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const firsts = name === 'segments' ? c.segmentBefore : c.loggedBefore;
  const keep = (keys: unknown[], rows: readonly unknown[]) =>
    keys.forEach((k, i) => firsts.has(String(k)) || firsts.set(String(k), holderOf(rows[i])));
  if (req.type === 'deleteRange')
    return rangeRows(table, req).then((rows) => {
      keep(rows.map(keyOf), rows);
      return table.mutate(req);
    });
  const fresh = keysOf(req).filter((k) => !firsts.has(String(k)));
  if (!fresh.length) return table.mutate(req);
  if (req.type === 'add') {
    keep(
      fresh,
      fresh.map(() => undefined),
    );
    return table.mutate(req);
  }
  return table.getMany({ trans: req.trans, keys: fresh }).then((rows) => {
    keep(fresh, rows);
    return table.mutate(req);
  });
}

// ---- At the end of the action ----

const isSet = (h: FigureHolder | null | undefined): h is FigureHolder =>
  !!h &&
  h.noOfLines !== undefined &&
  h.noOfCriteriaActions !== undefined &&
  h.cost !== undefined &&
  h.duration !== undefined;

/**
 * At the end of an action, in its transaction: every segment and logged segment whose lines, criteria
 * actions or entries it changed gets the figures it had before plus what changed. One it has no figures
 * for (written before version 3 by another pane), or a logged segment whose Canceled switched, is counted
 * from its records.
 */
export async function finishFigures(db: FigureTables, tx: Transaction): Promise<void> {
  const idb = tx.idbtrans as unknown as { segmentsFigureChanges?: Changes };
  const c = idb.segmentsFigureChanges;
  if (!c || --c.depth > 0) return;
  // The figures written below are not changes to add up.
  idb.segmentsFigureChanges = undefined;
  for (const id of new Set([...c.segments.keys(), ...c.segmentBefore.keys()])) {
    const header = await db.segments.get(id);
    if (!header) continue;
    const was = c.segmentBefore.has(id) ? c.segmentBefore.get(id) : holderOf(header);
    if (was !== null && !isSet(was)) {
      await refreshSegmentFigures(db, id);
      continue;
    }
    const d = c.segments.get(id) ?? { lines: 0, actions: 0, cost: 0, duration: 0 };
    const f: SegmentFigures = {
      noOfLines: (was?.noOfLines ?? 0) + d.lines,
      noOfCriteriaActions: (was?.noOfCriteriaActions ?? 0) + d.actions,
      cost: roundCost((was?.cost ?? 0) + d.cost),
      duration: roundDuration((was?.duration ?? 0) + d.duration),
    };
    if (sameFigures(header, f)) continue;
    await db.segments.put({ ...header, ...f });
  }
  for (const id of new Set([...c.logged.keys(), ...c.loggedBefore.keys()])) {
    const ls = await db.loggedSegments.get(id);
    if (!ls) continue;
    const was = c.loggedBefore.has(id) ? c.loggedBefore.get(id) : holderOf(ls);
    if (was !== null && (was?.noOfInteractions === undefined || was.canceled !== ls.canceled)) {
      await refreshLoggedFigures(db, id);
      continue;
    }
    const d = c.logged.get(id) ?? { open: 0, canceled: 0 };
    const n = (was?.noOfInteractions ?? 0) + (ls.canceled ? d.canceled : d.open);
    if (ls.noOfInteractions !== n) await db.loggedSegments.put({ ...ls, noOfInteractions: n });
  }
}

const sameFigures = (h: Partial<SegmentFigures>, f: SegmentFigures) =>
  h.noOfLines === f.noOfLines &&
  h.noOfCriteriaActions === f.noOfCriteriaActions &&
  h.cost === f.cost &&
  h.duration === f.duration;

/** Counts and stores one segment's figures from its lines and criteria actions. */
export async function refreshSegmentFigures(db: FigureTables, segmentId: string): Promise<void> {
  const header = await db.segments.get(segmentId);
  if (!header) return;
  const [lines, actions] = await Promise.all([
    db.segmentLines.where('segmentId').equals(segmentId).toArray(),
    db.criteriaActions.where('segmentId').equals(segmentId).count(),
  ]);
  const f = segmentFiguresOf(lines, actions);
  if (sameFigures(header, f)) return;
  await db.segments.put({ ...header, ...f } satisfies SegmentHeaderRecord);
}

/** Counts and stores one logged segment's number of interactions from its entries. */
export async function refreshLoggedFigures(db: FigureTables, loggedSegmentId: string): Promise<void> {
  const ls = await db.loggedSegments.get(loggedSegmentId);
  if (!ls) return;
  const entries = await db.interactionLog.where('loggedSegmentId').equals(loggedSegmentId).toArray();
  const n = noOfInteractionsOf(ls, entries);
  if (ls.noOfInteractions === n) return;
  await db.loggedSegments.put({ ...ls, noOfInteractions: n });
}

/** Fills the figures of every segment and logged segment from their records (the v3 upgrade, a restore). */
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
