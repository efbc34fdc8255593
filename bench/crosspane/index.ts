// The cross-pane bench's page (production build, served by the add-in's server): the real sync client
// over the real store in real IndexedDB, the loop and the event stream on, as in the pane. Long tasks
// (over 50 ms) are recorded from the start with the time they began, so the bench can ask which fell
// in a window.
import Dexie from 'dexie';
import { schemaV1, SegmentsDb } from '../../src/store/db';
import type { ServerRow } from '../../src/domain/syncProtocol';
import { inSlices } from '../../src/store/slices';
import {
  createSyncPort,
  openRecordedWorkspace,
  WRITE_SLICES,
  type SyncPort,
  type WorkspaceHandle,
} from '../../src/store/syncPort';
import { SyncClient } from '../../src/sync/syncClient';

export interface LongTask {
  start: number;
  duration: number;
}

/** A wall-clock time comparable between the two pages (same machine). */
const now = () => performance.timeOrigin + performance.now();
const tasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

let pane: { workspace: WorkspaceHandle; sync: SyncClient; port: SyncPort } | undefined;

/** One call of the store's sync port (reading the outbox, acknowledging, rebasing): when it ran. */
export interface TimedStep {
  what: string;
  start: number;
  end: number;
}
const steps: TimedStep[] = [];
let deferSettle = 0;
let receivingAt: number | undefined;
/** The segment lines of the largest rebase this pane ran: the floor writes the same values. */
let received: Record<string, unknown>[] = [];
/** Every row of that rebase, with its last revision: the store's rebase alone runs them again. */
let receivedRows: { rows: ServerRow[]; lastRev: number } = { rows: [], lastRev: 0 };

/** The port, each call of its big steps timed (the steps a round spends its time in on either pane). */
function timedPort(port: SyncPort): SyncPort {
  const time = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const start = now();
    try {
      return await run();
    } finally {
      steps.push({ what, start, end: now() });
    }
  };
  return {
    ...port,
    pendingCount: () => time('count pending', () => port.pendingCount()),
    pending: (max) => time('read the outbox', () => port.pending(max)),
    acknowledge: (id, rev, sent) =>
      time(`acknowledge ${sent?.changes.length ?? '?'} rows`, () => port.acknowledge(id, rev, sent)),
    settle: async () => {
      // An experiment (BENCH_CROSSPANE_DEFER_SETTLE): the revisions written that much later.
      if (deferSettle) await new Promise((r) => setTimeout(r, deferSettle));
      return time('settle revisions', () => port.settle());
    },
    rebase: (rows, lastRev, drop) => {
      const lines = rows.filter((r) => r.table === 'segmentLines' && !r.deleted && r.value).map((r) => r.value!);
      if (lines.length > received.length) {
        received = lines;
        receivedRows = { rows, lastRev };
      }
      return time(`rebase of ${rows.length} rows`, () => port.rebase(rows, lastRev, drop));
    },
  };
}

/** One request of the sync client: when it was sent, when its answer began, when its body ended. */
export interface TimedRequest {
  what: string;
  start: number;
  answered: number;
  end: number;
  bytes: number;
}
const requests: TimedRequest[] = [];
/** When the event stream said "changed" (each message). */
const events: number[] = [];

/** The page's fetch, timed: the phases of a round are read off these. */
const timedFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const what = `${init?.method ?? 'GET'} ${url.pathname.replace(/^.*\/api\/v1/, '')}`;
  const start = now();
  const res = await fetch(input, init);
  const answered = now();
  if (what.endsWith('/events') && res.body) {
    const logged = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          events.push(now());
          c.enqueue(chunk);
        },
      }),
    );
    return new Response(logged, { status: res.status, headers: res.headers });
  }
  const text = await res.text();
  requests.push({ what, start, answered, end: now(), bytes: text.length });
  return new Response(text, { status: res.status, headers: res.headers });
};

/** Resolves with the time `check` first held, checking after every change of the sync status (and every 500 ms). */
function whenTrue(check: () => Promise<boolean>): Promise<number> {
  return new Promise((resolve, reject) => {
    let busy = false;
    let again = false;
    const run = async () => {
      if (busy) return void (again = true);
      busy = true;
      try {
        do {
          again = false;
          if (await check()) {
            off();
            clearInterval(timer);
            resolve(now());
            return;
          }
        } while (again);
      } catch (e) {
        reject(e);
      } finally {
        busy = false;
      }
    };
    const off = pane!.sync.subscribe(() => void run());
    const timer = setInterval(() => void run(), 500);
    void run();
  });
}
const ws = () => pane!.workspace;

const api = {
  now,
  /** A user-timing mark (it shows in the browser's trace) and its wall-clock time: ties the trace's clock to now(). */
  mark(name: string): number {
    return performance.timeOrigin + performance.mark(name).startTime;
  },
  deferSettle(ms: number): void {
    deferSettle = ms;
  },
  async open(): Promise<void> {
    // As openSyncedWorkspace does, with the port's steps timed.
    const ref: { client?: SyncClient } = {};
    const { workspace, port } = await openRecordedWorkspace({ name: 'segments' }, () =>
      ref.client?.notifyLocalChange(),
    );
    ref.client = new SyncClient({
      lockName: 'segments-sync:segments',
      serverUrl: location.origin,
      fetch: timedFetch,
      port: timedPort(port),
    });
    ref.client.start();
    pane = { workspace, sync: ref.client, port };
  },
  async seed(contacts: number): Promise<void> {
    await ws().salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
    await ws().contacts.upsert(
      Array.from({ length: contacts }, (_, i) => ({
        no: `X${String(i).padStart(6, '0')}`,
        name: `Contact ${i}`,
        city: i % 2 ? 'Roma' : 'Milano',
      })),
    );
  },
  /** Waits (checking every 20 ms) until this pane has at least `n` contacts. */
  async waitForContacts(n: number): Promise<number> {
    while ((await ws().ctx.db.contacts.count()) < n) await new Promise((r) => setTimeout(r, 20));
    return now();
  },
  /** Creates the segment and adds every contact: returns its number and when the action was committed. */
  async buildSegment(description: string): Promise<{ no: string; committedAt: number }> {
    const s = await ws().segments.create({ description, salespersonCode: 'JR' });
    const all = await ws().ctx.db.contacts.orderBy('no').toArray();
    await ws().segments.addContactList(
      s.no,
      all.map((c) => c.no),
      { source: 'bench' },
    );
    return { no: s.no, committedAt: now() };
  },
  /** From now on, notes when this pane's status line first says that changes are arriving. */
  watchReceiving(): void {
    receivingAt = undefined;
    const off = pane!.sync.subscribe((st) => {
      if (st.receiving === undefined) return;
      receivingAt = now();
      off();
    });
  },
  /** When the status line first said so since watchReceiving (undefined: it did not). */
  receivingAt: (): number | undefined => receivingAt,
  /** Waits until the segment so described has `lines` lines here (checked after each sync round); returns when it saw them. */
  async waitForLines(description: string, lines: number): Promise<number> {
    const db = ws().ctx.db;
    return whenTrue(async () => {
      const s = await db.segments.filter((x) => x.description === description).first();
      return s !== undefined && (await db.segmentLines.where('segmentId').equals(s.id).count()) >= lines;
    });
  },
  /** Waits until nothing is left to push (the sync status, then the outbox itself); returns when. */
  async waitPushed(): Promise<number> {
    return whenTrue(async () => pane!.sync.getStatus().pending === 0 && (await ws().ctx.db.outbox.count()) === 0);
  },
  /** One full round now, after any already running: the pane has pushed and pulled everything there is. */
  async settle(): Promise<void> {
    await pane!.sync.syncNow();
  },
  status() {
    return pane!.sync.getStatus();
  },
  /** The requests and events that fell in a window. */
  timeline(from: number, to: number): { requests: TimedRequest[]; events: number[]; steps: TimedStep[] } {
    return {
      requests: requests.filter((r) => r.end > from && r.start < to),
      events: events.filter((e) => e > from && e < to),
      steps: steps.filter((r) => r.end > from && r.start < to),
    };
  },
  /**
   * The floor: plain Dexie writing the segment lines this pane last received (the same values), in one
   * transaction, into a scratch database with the segmentLines indexes the store has, then without the
   * segmentId index (the compound [segmentId+lineNo] answers where('segmentId') too), then in the slices
   * the store's rebase writes them in (each request a short task). Each is timed
   * `times` times, each time into a new database; milliseconds of each.
   */
  async floor(
    times: number,
  ): Promise<{ lines: number; schema: number[]; withoutSegmentId: number[]; sliced: number[] }> {
    const rows = received;
    const once = async (schema: string, sliced = false) => {
      const name = `floor-${Math.random().toString(36).slice(2)}`;
      const db = new Dexie(name);
      db.version(1).stores({ segmentLines: schema });
      await db.open();
      try {
        const start = performance.now();
        const t = db.table('segmentLines');
        await db.transaction('rw', t, async () => {
          if (sliced) await inSlices(rows, WRITE_SLICES, (slice) => t.bulkPut(slice));
          else await t.bulkPut(rows);
        });
        return performance.now() - start;
      } finally {
        db.close();
        await Dexie.delete(name);
      }
    };
    const out = {
      lines: rows.length,
      schema: [] as number[],
      withoutSegmentId: [] as number[],
      sliced: [] as number[],
    };
    for (let i = 0; i < times; i++) {
      out.schema.push(await once(schemaV1.segmentLines));
      out.withoutSegmentId.push(await once('id, &[segmentId+lineNo], contactNo'));
      out.sliced.push(await once(schemaV1.segmentLines, true));
    }
    return out;
  },
  /**
   * The store's rebase alone, against the floor, taking turns `times` times, each into a new database (so
   * that neither meets the other's rows or the other pane's work): the rows this pane last received,
   * (a) written by plain Dexie in one transaction into segmentLines alone (the floor), (b) by plain Dexie
   * into the store's own database (every table's indexes, the figures middleware) in one transaction
   * over the rebase's tables, (c) by the store's rebase into a new recorded workspace. Milliseconds each,
   * with the page's own thread time of (c) where the browser gives it.
   */
  async alone(times: number): Promise<{
    rows: number;
    floor: number[];
    plainStore: number[];
    rebase: number[];
    populated: number[];
    inPane: number[];
  }> {
    const { rows, lastRev } = receivedRows;
    const lines = received;
    const scratch = () => `alone-${Math.random().toString(36).slice(2)}`;
    const out = {
      rows: rows.length,
      floor: [] as number[],
      plainStore: [] as number[],
      rebase: [] as number[],
      populated: [] as number[],
      inPane: [] as number[],
    };
    for (let i = 0; i < times; i++) {
      {
        // (d) The floor into this pane's own database, which holds the contacts and the earlier runs'
        // lines: the same lines under new ids, by plain Dexie on a connection of its own (nothing
        // recorded), then removed.
        const db = new SegmentsDb(ws().ctx.db.name);
        await db.open();
        const segmentId = `alone-${Math.random().toString(36).slice(2)}`;
        const copies = lines.map((l, n) => ({ ...l, id: `${segmentId}-${n}`, segmentId }));
        const start = performance.now();
        await db.transaction('rw', db.segmentLines, () => db.segmentLines.bulkPut(copies as never[]));
        out.populated.push(performance.now() - start);
        await db.segmentLines.where('segmentId').equals(segmentId).delete();
        db.close();
      }
      {
        // (e) The store's rebase into this pane's own database: the same rows under new ids (and a new
        // segment number), through this pane's port, then removed with the revisions it kept for them.
        const tag = `alone${i}${Math.random().toString(36).slice(2, 8)}-`;
        const ids = new Set(rows.map((r) => r.id));
        const moved = (v: unknown) => (typeof v === 'string' && ids.has(v) ? tag + v : v);
        const copies = rows.map((r) => ({
          ...r,
          id: tag + r.id,
          value: r.value
            ? Object.fromEntries(
                Object.entries(r.value).map(([k, v]) => [k, k === 'no' && r.table === 'segments' ? tag : moved(v)]),
              )
            : r.value,
        }));
        const live = ws().ctx.db;
        const laterBefore = new Set(await live.syncState.where('key').startsWith('revsLater:').primaryKeys());
        const start = performance.now();
        await pane!.port.rebase(copies, lastRev);
        out.inPane.push(performance.now() - start);
        const db = new SegmentsDb(live.name);
        await db.open();
        await db.transaction('rw', db.tables, async () => {
          for (const t of new Set(copies.map((r) => r.table)))
            await db.table(t).bulkDelete(copies.filter((r) => r.table === t).map((r) => r.id));
          const laterNow = await db.syncState.where('key').startsWith('revsLater:').primaryKeys();
          await db.syncState.bulkDelete(laterNow.filter((k) => !laterBefore.has(k)));
        });
        db.close();
      }
      {
        const name = scratch();
        const db = new Dexie(name);
        db.version(1).stores({ segmentLines: schemaV1.segmentLines });
        await db.open();
        const start = performance.now();
        await db.transaction('rw', db.table('segmentLines'), () => db.table('segmentLines').bulkPut(lines));
        out.floor.push(performance.now() - start);
        db.close();
        await Dexie.delete(name);
      }
      {
        const name = scratch();
        const db = new SegmentsDb(name);
        await db.open();
        const byTable = new Map<string, unknown[]>();
        for (const r of rows)
          if (!r.deleted) (byTable.get(r.table) ?? byTable.set(r.table, []).get(r.table)!).push(r.value);
        const start = performance.now();
        await db.transaction('rw', db.tables, async () => {
          for (const [t, values] of byTable) await db.table(t).bulkPut(values);
        });
        out.plainStore.push(performance.now() - start);
        db.close();
        await Dexie.delete(name);
      }
      {
        const name = scratch();
        const { workspace, port } = await openRecordedWorkspace({ name }, () => undefined);
        const start = performance.now();
        await port.rebase(rows, lastRev);
        out.rebase.push(performance.now() - start);
        workspace.ctx.db.close();
        await Dexie.delete(name);
      }
    }
    return out;
  },
  /**
   * What the push's read of the outbox costs right after a 10,000-line commit, with no sync client: in a
   * scratch recorded workspace, each turn commits the segment's lines, then times a one-record read, the
   * outbox's keys alone, the push's read through the pane's port (the rows it wrote taken from the copies
   * it kept) and through a port without the copies (every value read back from the database); the two
   * ports take turns going first. Milliseconds of each read, by which port went first.
   */
  async afterCommit(turns: number): Promise<{ small: number[]; keys: number[]; kept: number[]; database: number[] }[]> {
    const name = `after-commit-${Math.random().toString(36).slice(2)}`;
    const { workspace, port } = await openRecordedWorkspace({ name }, () => undefined);
    const plainPort = createSyncPort(workspace);
    const db = workspace.ctx.db;
    const empty = () => ({
      small: [] as number[],
      keys: [] as number[],
      kept: [] as number[],
      database: [] as number[],
    });
    const out = [empty(), empty()];
    try {
      await workspace.salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
      const contacts = (await ws().ctx.db.contacts.orderBy('no').toArray()).map(({ no, name, city }) => ({
        no,
        name,
        city,
      }));
      await workspace.contacts.upsert(contacts);
      const nos = contacts.map((c) => c.no);
      for (let t = 0; t < turns; t++) {
        await db.transaction('rw', db.outbox, () => db.outbox.clear());
        const s = await workspace.segments.create({ description: `After commit ${t}`, salespersonCode: 'JR' });
        await workspace.segments.addContactList(s.no, nos, { source: 'bench' });
        const timed = async (run: () => Promise<unknown>) => {
          const start = performance.now();
          await run();
          return performance.now() - start;
        };
        const o = out[t % 2];
        o.small.push(await timed(() => db.syncState.get('clientId')));
        o.keys.push(await timed(() => db.outbox.orderBy('seq').primaryKeys()));
        if (t % 2 === 0) {
          o.kept.push(await timed(() => port.pending(100)));
          o.database.push(await timed(() => plainPort.pending(100)));
        } else {
          o.database.push(await timed(() => plainPort.pending(100)));
          o.kept.push(await timed(() => port.pending(100)));
        }
      }
    } finally {
      db.close();
      await Dexie.delete(name);
    }
    return out;
  },
  longTasks(from: number, to: number): LongTask[] {
    return tasks.filter((t) => t.start + t.duration > from && t.start < to);
  },
};

declare global {
  interface Window {
    crosspane: typeof api;
  }
}
window.crosspane = api;
document.body.dataset.ready = 'yes';
