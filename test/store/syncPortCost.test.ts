// What the sync port asks of the database when a 10,000-line segment travels: the acknowledgement
// removes the changeset's outbox rows by key range (one request, not one per row, whose per-key
// bookkeeping held the sending pane for hundreds of milliseconds) and reads none of them back when it
// is given what was pushed; a rebase writes pulled rows in slices, handing the thread back between them,
// and looks up the base revision only of rows this pane could already hold.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ServerRow } from '../../src/domain/syncProtocol';
import { outboxMiddleware } from '../../src/store/outbox';
import { createSyncPort, SETTLE_SLICES, type SyncPort } from '../../src/store/syncPort';
import { makeWorkspace, seedMarket } from './helpers';

/** One database request below the outbox middleware: its table, kind and how many rows it carries. */
interface Request {
  table: string;
  kind: string;
  rows: number;
  values?: boolean;
}

function counting(into: Request[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'countRequests',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        return {
          ...t,
          mutate(req: DBCoreMutateRequest) {
            const rows = req.type === 'deleteRange' ? 0 : req.type === 'delete' ? req.keys.length : req.values.length;
            into.push({ table: name, kind: req.type, rows });
            return t.mutate(req);
          },
          getMany(req) {
            into.push({ table: name, kind: 'getMany', rows: req.keys.length });
            return t.getMany(req);
          },
          get(req) {
            into.push({ table: name, kind: 'get', rows: 1 });
            return t.get(req);
          },
          query(req) {
            into.push({ table: name, kind: 'query', rows: req.limit ?? Infinity, values: req.values });
            return t.query(req);
          },
          openCursor(req) {
            into.push({ table: name, kind: 'openCursor', rows: Infinity, values: req.values });
            return t.openCursor(req);
          },
        };
      },
    }),
  };
}

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let port: SyncPort;
const requests: Request[] = [];
beforeEach(async () => {
  requests.length = 0;
  // Registered first: below the outbox middleware, it sees what reaches the database.
  ws = await makeWorkspace({ dbCoreMiddlewares: [counting(requests), outboxMiddleware()] });
  port = createSyncPort(ws);
  await seedMarket(ws);
  for (const g of await port.pending(1000)) await port.acknowledge(g.id, 1, g);
});
afterEach(() => ws.close());

const LINES = 2000;

/** A segment of `LINES` lines added in one action: its changeset is the last one pending. */
async function bigSegment() {
  await ws.contacts.upsert(
    Array.from({ length: LINES }, (_, i) => ({ no: `X${String(i).padStart(6, '0')}`, name: `Contact ${i}` })),
  );
  const s = await ws.segments.create({ description: 'Ten thousand', salespersonCode: 'JR' });
  await ws.segments.addContactList(
    s.no,
    Array.from({ length: LINES }, (_, i) => `X${String(i).padStart(6, '0')}`),
  );
  return s;
}

test.each([
  ['given what was pushed', true],
  ['on its own', false],
])('acknowledging a changeset of 2,000 lines %s removes its outbox rows with one range deletion', async (_, given) => {
  const s = await bigSegment();
  const pending = await port.pending(1000);
  const big = pending.find((p) => p.changes.filter((c) => c.table === 'segmentLines').length === LINES)!;
  // The changesets before it are acknowledged first, as a push's answer does.
  for (const p of pending) if (p !== big) await port.acknowledge(p.id, 2, p);
  requests.length = 0;
  if (given) await port.acknowledge(big.id, 3, big);
  else await port.acknowledge(big.id, 3);
  const outbox = requests.filter((r) => r.table === 'outbox');
  expect(outbox.filter((r) => r.kind === 'delete')).toEqual([]);
  expect(outbox.filter((r) => r.kind === 'deleteRange')).toHaveLength(1);
  if (given)
    expect(outbox.filter((r) => r.kind === 'getMany' || r.kind === 'openCursor' || r.values === true)).toEqual([]);
  expect(await port.pendingCount()).toBe(0);
  expect(await ws.ctx.db.outbox.count()).toBe(0);
  // Its rows are now based on the revision the server gave them.
  const line = (await ws.ctx.db.segmentLines.where('segmentId').equals(s.id).first())!;
  await ws.segments.updateLine(s.no, line.lineNo, { comment: 'changed' });
  const next = await port.pending(10);
  expect(next.flatMap((p) => p.changes).find((c) => c.id === line.id)).toMatchObject({ baseRev: 3 });
});

test('an acknowledgement deletes only its own changeset even when its rows are not contiguous', async () => {
  const db = ws.ctx.db;
  // Rows of two changesets interleaved (as no action writes them, but the outbox does not promise it).
  await db.outbox.bulkAdd(
    Array.from({ length: 10 }, (_, i) => ({
      txId: i % 3 === 0 ? 'other' : 'mine',
      table: 'mailingGroups',
      key: `G${i}`,
      op: 'put' as const,
      value: { id: `G${i}`, code: `G${i}`, description: '', createdAt: 'x', updatedAt: 'x' },
    })),
  );
  await port.acknowledge('mine', 4);
  expect((await db.outbox.toArray()).map((r) => [r.txId, r.key])).toEqual([
    ['other', 'G0'],
    ['other', 'G3'],
    ['other', 'G6'],
    ['other', 'G9'],
  ]);
});

/** The server's rows for a 2,000-line segment made by another pane, at revision `rev`. */
function pulledSegment(rev: number): ServerRow[] {
  const segmentId = 'SEG-THEIRS';
  const rows: ServerRow[] = [
    {
      table: 'segments',
      id: segmentId,
      rev,
      deleted: false,
      value: { id: segmentId, no: 'SEG09999', description: 'Theirs', createdAt: 'x', updatedAt: 'x' },
    },
  ];
  for (let i = 0; i < LINES; i++)
    rows.push({
      table: 'segmentLines',
      id: `L${String(i).padStart(6, '0')}`,
      rev,
      deleted: false,
      value: {
        id: `L${String(i).padStart(6, '0')}`,
        segmentId,
        segmentNo: 'SEG09999',
        lineNo: (i + 1) * 10000,
        contactNo: 'P300',
      },
    });
  return rows;
}

test('a rebase writes pulled rows in slices and hands the thread back between them', async () => {
  const rows = pulledSegment(9);
  requests.length = 0;
  // A timer that keeps rescheduling itself: each time it runs, the thread was handed back.
  let ticking = true;
  const tick = () => {
    requests.push({ table: '', kind: 'tick', rows: 0 });
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const report = await port.rebase(rows, 9);
  ticking = false;
  expect(report.applied).toBe(LINES + 1);
  expect(await ws.ctx.db.segmentLines.where('segmentId').equals('SEG-THEIRS').count()).toBe(LINES);
  const isPut = (r: Request) => r.table === 'segmentLines' && r.kind === 'put';
  const puts = requests.filter(isPut);
  expect(puts.length).toBeGreaterThan(1);
  expect(Math.max(...puts.map((p) => p.rows))).toBeLessThanOrEqual(500);
  const first = requests.findIndex(isPut);
  const last = requests.findLastIndex(isPut);
  expect(requests.slice(first, last).map((r) => r.kind)).toContain('tick');
});

test("a pull newer than anything this pane pushed is applied without looking up each row's revision", async () => {
  requests.length = 0;
  await port.rebase(pulledSegment(9), 9);
  const looked = requests.filter((r) => r.table === 'syncState' && r.kind === 'getMany');
  expect(looked.reduce((n, r) => n + r.rows, 0)).toBeLessThan(50);
  // A pull that holds this pane's own rows, already at their revision, still skips them.
  const s = await ws.segments.create({ description: 'mine' });
  const mine = (await port.pending(10)).at(-1)!;
  await port.acknowledge(mine.id, 12, mine);
  const header = (await ws.ctx.db.segments.get(s.id))!;
  const report = await port.rebase(
    [{ table: 'segments', id: s.id, rev: 12, deleted: false, value: { ...header, description: 'as pushed' } }],
    12,
  );
  expect(report.applied).toBe(1);
  expect((await ws.ctx.db.segments.get(s.id))!.description).toBe('mine');
});

test('pending changesets read a slice at a time come whole and oldest first, however the slices cut them', async () => {
  for (let batch = 0; batch < 12; batch++)
    await ws.contacts.upsert(
      Array.from({ length: 60 }, (_, i) => ({ no: `B${batch}-${String(i).padStart(3, '0')}`, name: `Contact ${i}` })),
    );
  requests.length = 0;
  const five = await port.pending(5);
  expect(five.map((p) => p.changes.length)).toEqual([60, 60, 60, 60, 60]);
  expect(five.map((p) => p.changes[0].id)).toEqual(
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (b) => (await ws.ctx.db.contacts.where('no').equals(`B${b}-000`).first())!.id),
    ),
  );
  // One request per slice of rows, never one per row.
  expect(requests.filter((r) => r.table === 'outbox' && r.kind === 'openCursor')).toEqual([]);
  const all = await port.pending(100);
  expect(all.map((p) => p.changes.length)).toEqual(Array.from({ length: 12 }, () => 60));
  expect(all.slice(0, 5)).toEqual(five);
});

test("a large pull or acknowledgement keeps its rows' revisions in one record until settled, and a change made meanwhile is still based on them", async () => {
  const db = ws.ctx.db;
  const revRecords = () => db.syncState.where('key').startsWith('rev:').count();
  const before = await revRecords();
  // Pulled: the rows and one record of their revisions, not a record per row, in the rebase.
  requests.length = 0;
  await port.rebase(pulledSegment(9), 9);
  const written = requests.filter((r) => r.table === 'syncState' && r.kind === 'put');
  expect(written.reduce((n, r) => n + r.rows, 0)).toBeLessThan(10);
  expect(await revRecords()).toBe(before);

  // Acknowledged: the same.
  const s = await bigSegment();
  const pending = await port.pending(1000);
  const big = pending.find((p) => p.changes.filter((c) => c.table === 'segmentLines').length === LINES)!;
  for (const p of pending) if (p !== big) await port.acknowledge(p.id, 10, p);
  // Acknowledged while the pulled ones wait: they wait too.
  const afterSmall = await revRecords();
  expect(afterSmall).toBe(before);
  requests.length = 0;
  await port.acknowledge(big.id, 11, big);
  expect(
    requests.filter((r) => r.table === 'syncState' && r.kind === 'put').reduce((n, r) => n + r.rows, 0),
  ).toBeLessThan(10);
  expect(await revRecords()).toBe(afterSmall);

  // A change of one of those lines before they are settled is based on the acknowledged revision, and a
  // small acknowledgement made while they wait waits with them (settled in order, never older over newer).
  const line = (await db.segmentLines.where('segmentId').equals(s.id).first())!;
  await ws.segments.updateLine(s.no, line.lineNo, { comment: 'changed' });
  const [edit] = await port.pending(10);
  expect(edit.changes.find((c) => c.id === line.id)).toMatchObject({ baseRev: 11 });
  await port.acknowledge(edit.id, 12, edit);
  expect(await revRecords()).toBe(afterSmall);

  await port.settle();
  expect(await db.syncState.where('key').startsWith('revsLater:').count()).toBe(0);
  const acked = new Set(pending.flatMap((p) => p.changes.map((c) => `${c.table}:${c.id}`)));
  expect(await revRecords()).toBe(before + LINES + 1 + acked.size);
  expect((await db.syncState.get(`rev:segmentLines:${line.id}`))?.value).toBe(12);
  const other = (await db.segmentLines.where('segmentId').equals(s.id).last())!;
  expect((await db.syncState.get(`rev:segmentLines:${other.id}`))?.value).toBe(11);
  expect((await db.syncState.get('rev:segmentLines:L000001'))?.value).toBe(9);
  // Settled, small batches are written row by row again.
  await ws.segments.updateLine(s.no, other.lineNo, { comment: 'again' });
  const [again] = await port.pending(10);
  expect(again.changes.find((c) => c.id === other.id)).toMatchObject({ baseRev: 11 });
  await port.acknowledge(again.id, 13, again);
  expect((await db.syncState.get(`rev:segmentLines:${other.id}`))?.value).toBe(13);

  // A restore forgets waiting revisions too.
  await port.rebase(pulledSegment(14), 14);
  expect(await db.syncState.where('key').startsWith('revsLater:').count()).toBe(1);
  await port.resetAfterRestore();
  expect(await db.syncState.where('key').startsWith('revsLater:').count()).toBe(0);
  expect(await revRecords()).toBe(0);
});

test('pending changesets are counted right, a few one by one and many in one walk', async () => {
  expect(await port.pendingCount()).toBe(0);
  await bigSegment();
  // The contacts, the segment, its lines.
  expect(await port.pendingCount()).toBe(3);
  for (let i = 0; i < 25; i++) await ws.mailingGroups.upsert([{ code: `G${i}`, description: `Group ${i}` }]);
  expect(await port.pendingCount()).toBe(28);
  for (const p of (await port.pending(1000)).slice(0, 10)) await port.acknowledge(p.id, 5, p);
  expect(await port.pendingCount()).toBe(18);
});

test("settling a large acknowledgement's revisions writes them in small slices, each a short task", async () => {
  const pending = await port.pending(1000);
  for (const p of pending) await port.acknowledge(p.id, 2, p);
  await bigSegment();
  for (const p of await port.pending(1000)) await port.acknowledge(p.id, 3, p);
  requests.length = 0;
  await port.settle();
  const puts = requests.filter((r) => r.table === 'syncState' && r.kind === 'put');
  expect(puts.reduce((n, r) => n + r.rows, 0)).toBeGreaterThanOrEqual(LINES);
  expect(Math.max(...puts.map((r) => r.rows))).toBeLessThanOrEqual(SETTLE_SLICES.max);
  expect(SETTLE_SLICES.max).toBeLessThanOrEqual(200);
});
