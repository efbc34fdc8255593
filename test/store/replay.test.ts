// Replay (sync.md, "Rules that replay depends on"): every recorded action, run again from its recorded
// name, arguments, clock and ids, writes the same rows; and no recorded argument names a record by a
// number that renumbering can move.
import { expect, test } from 'vitest';
import { allActionNames, type ActionName } from '../../src/domain/actionNames';
import { replayAction, type RecordedAction } from '../../src/store/index';
import { outboxMiddleware } from '../../src/store/outbox';
import { createSyncPort } from '../../src/store/syncPort';
import { businessNumbers, businessNumbersIn, everyAction } from './everyAction';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

const counterIds = () => {
  let n = 0;
  return () => `ID${String(++n).padStart(6, '0')}`;
};

async function dump(ws: Ws) {
  const out: Record<string, unknown[]> = {};
  for (const t of ws.ctx.db.tables)
    if (!['outbox', 'syncState', 'profile'].includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

async function twoSeeded(aOpts: Parameters<typeof makeWorkspace>[0] = {}) {
  const writes: { table: string; action: RecordedAction }[] = [];
  const a = await makeWorkspace({
    newId: counterIds(),
    ...aOpts,
    dbCoreMiddlewares: [actionRecorder(writes), ...(aOpts.dbCoreMiddlewares ?? [])],
  });
  const b = await makeWorkspace({ newId: counterIds() });
  for (const w of [a, b]) {
    await seedMarket(w);
    await w.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  }
  writes.length = 0;
  return { a, b, writes };
}

test('every action is recorded by ids and values, and replaying each with its clock and ids gives the same rows', async () => {
  const { a, b, writes } = await twoSeeded();
  const { recorded, offenders } = await everyAction(a, writes);
  const names = new Set(recorded.map((r) => r.name));
  expect([...allActionNames].filter((n) => !names.has(n))).toEqual([]);
  expect(offenders).toEqual([]);

  // B runs on another clock: only the recorded one may be used.
  b.clock.set('2030-01-01T00:00:00');
  const order = [...new Set(writes.map((w) => w.action))];
  for (const r of order) await replayAction(b, r);
  expect(await dump(b)).toEqual(await dump(a));
});

test('record, revert, replay: a rebase with nothing pulled reverts every action and replays it to the same rows', async () => {
  const { a, writes } = await twoSeeded({
    dbCoreMiddlewares: [outboxMiddleware()],
  });
  const port = createSyncPort(a);
  for (const g of await port.pending(10_000)) await port.acknowledge(g.id, 1);
  await everyAction(a, writes);
  const before = await dump(a);
  const pending = await port.pendingCount();
  a.clock.set('2030-01-01T00:00:00');
  const report = await port.rebase([], 1);
  expect(report.failed).toEqual([]);
  expect(report.replayed).toBe(pending);
  expect(await dump(a)).toEqual(before);
});

test('the walk catches a business number: the check itself fails on a recorded segment number', async () => {
  const ws = await makeWorkspace();
  await seedMarket(ws);
  const no = (await ws.segments.create({ description: 'x' })).no;
  expect(businessNumbersIn([no, { lineNo: 5 }], await businessNumbers(ws))).toEqual([`args[0] = segment no. ${no}`]);
});

test('each action name is replayable on a workspace', async () => {
  const ws = await makeWorkspace();
  const { replayerOf } = await import('../../src/store/action');
  await ws.packages.export('none').catch(() => undefined);
  const missing = allActionNames.filter((n: ActionName) => !replayerOf(ws.ctx, n));
  expect(missing).toEqual([]);
});

test('an action recorded by an earlier version (by numbers, no format) still replays, through the public method, and is recorded anew by id', async () => {
  const writes: { table: string; action: RecordedAction }[] = [];
  const ws = await makeWorkspace({ dbCoreMiddlewares: [actionRecorder(writes)] });
  await seedMarket(ws);
  const no = (await ws.segments.create({ description: 'Old pending' })).no;
  await ws.segments.addLine(no, 'P101');
  writes.length = 0;
  await replayAction(ws, {
    name: 'segments.updateLine',
    args: [no, 10000, { comment: 'from before the update' }],
    at: ws.clock.now().toISOString(),
    ids: ['LEGACY-TX'],
  });
  // A name this version no longer records reaches its public method (NOT_FOUND: no logged segment 1), not "unknown action".
  await expect(
    replayAction(ws, {
      name: 'loggedSegments.toggleCanceled',
      args: [1],
      at: ws.clock.now().toISOString(),
      ids: ['LEGACY-TX2'],
    }),
  ).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
  expect((await ws.segments.get(no))!.lines[0].comment).toBe('from before the update');
  const recorded = [...new Set(writes.map((w) => w.action))];
  expect(recorded.map((r) => [r.name, r.v, r.args[0]])).toEqual([
    ['segments.updateLine', 2, (await ws.segments.get(no))!.header.id],
  ]);
  // The same arguments in this version's format name no record: refused, never applied to a number.
  await expect(
    replayAction(ws, {
      name: 'segments.updateLine',
      args: [no, 10000, { comment: 'x' }],
      at: ws.clock.now().toISOString(),
      ids: ['T3'],
      v: 2,
    }),
  ).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});
