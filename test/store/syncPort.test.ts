// The store's sync port: pending changesets, acknowledgement, and the rebase (revert, apply, replay).
import { afterEach, beforeEach, expect, test } from 'vitest';
import { outboxMiddleware } from '../../src/store/outbox';
import { createSyncPort, type SyncPort } from '../../src/store/syncPort';
import { makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let port: SyncPort;
beforeEach(async () => {
  ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware()] });
  port = createSyncPort(ws);
});
afterEach(() => ws.close());

test('pending changesets come oldest first, one per action, each row once with its base revision', async () => {
  await seedMarket(ws);
  const groups = await port.pending(1000);
  for (const g of groups) await port.acknowledge(g.id, 7);
  expect(await port.pendingCount()).toBe(0);
  const s = await ws.segments.create({ description: 'one' });
  await ws.segments.updateHeader(s.no, { description: 'two' });
  await ws.segments.addLine(s.no, 'P300');
  const pending = await port.pending(10);
  expect(pending.map((p) => p.action?.name)).toEqual(['segments.create', 'segments.updateHeader', 'segments.addLine']);
  expect(pending[0].changes.find((c) => c.table === 'series')).toMatchObject({ op: 'put', baseRev: 0 });
  const contactTouched = pending.flatMap((p) => p.changes).filter((c) => c.table === 'contacts');
  expect(contactTouched).toEqual([]);
  expect(await port.pendingCount()).toBe(3);
  expect((await port.pending(2)).length).toBe(2);
  await port.acknowledge(pending[0].id, 8);
  const next = await port.pending(10);
  expect(next[0].changes.find((c) => c.table === 'segments')).toMatchObject({ id: s.id, baseRev: 8 });
});

test('a rebase reverts pending changes, applies pulled rows and replays each action with its clock and ids', async () => {
  await seedMarket(ws);
  for (const g of await port.pending(1000)) await port.acknowledge(g.id, 1);
  const s = await ws.segments.create({ description: 'mine' });
  const idsBefore = (await port.pending(10))[0].action!.ids;
  // Someone else took this number meanwhile: the server's row arrives before the replay.
  const theirs = { ...(await ws.ctx.db.segments.get(s.id))!, id: 'THEIRS', description: 'theirs' };
  const seriesRow = { id: 'segment', lastNo: s.no, updatedAt: 'x' };
  ws.clock.advance(60_000);
  const report = await port.rebase(
    [
      { table: 'series', id: 'segment', rev: 2, deleted: false, value: seriesRow },
      { table: 'segments', id: 'THEIRS', rev: 2, deleted: false, value: theirs },
    ],
    2,
  );
  expect(report).toMatchObject({ applied: 2, replayed: 1, failed: [] });
  expect(report.renumbered).toEqual([
    { table: 'segments', id: s.id, from: s.no, to: expect.not.stringMatching(s.no), action: 'segments.create' },
  ]);
  const mine = (await ws.ctx.db.segments.get(s.id))!;
  expect(mine).toMatchObject({ description: 'mine', no: report.renumbered[0].to, createdAt: s.createdAt });
  expect((await ws.segments.get(s.no))?.header.description).toBe('theirs');
  const after = await port.pending(10);
  expect(after).toHaveLength(1);
  expect(after[0].action!.ids).toEqual(idsBefore);
  expect(after[0].changes.find((c) => c.table === 'series')).toMatchObject({ baseRev: 2 });
  expect(await port.cursor()).toBe(2);
});

test('after a restore the pane forgets pending changes and base revisions and pulls again from the start', async () => {
  await seedMarket(ws);
  // Acknowledgements say under which reset they were written: none yet.
  for (const g of (await port.pending(1000)).slice(0, 3)) expect(await port.acknowledge(g.id, 5)).toBe(0);
  await port.rebase([], 5);
  expect(await port.cursor()).toBe(5);
  await port.resetAfterRestore();
  expect(await port.cursor()).toBe(0);
  // Counted: what was acknowledged before the restore is told apart from what is acknowledged after.
  expect(await port.resets()).toBe(1);
  await ws.segments.create({ description: 'After' });
  const [later] = await port.pending(1000);
  expect(await port.acknowledge(later.id, 6, later)).toBe(1);
  await port.resetAfterRestore();
  expect(await port.resets()).toBe(2);
  expect(await port.pendingCount()).toBe(0);
  expect(await ws.ctx.db.syncState.where('key').startsWith('rev:').count()).toBe(0);
  expect(await ws.ctx.db.contacts.count()).toBeGreaterThan(0);
});
