import { expect, test } from 'vitest';
import { replayAction, type RecordedAction } from '../../src/store/index';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

const counterIds = () => {
  let n = 0;
  return () => `ID${String(++n).padStart(6, '0')}`;
};

async function dump(ws: Awaited<ReturnType<typeof makeWorkspace>>) {
  const out: Record<string, unknown[]> = {};
  for (const t of ws.ctx.db.tables) if (!['outbox', 'syncState', 'profile'].includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

test('replaying recorded actions with their clock and ids gives the same rows', async () => {
  const writes: { table: string; action: RecordedAction }[] = [];
  const a = await makeWorkspace({ newId: counterIds(), dbCoreMiddlewares: [actionRecorder(writes)] });
  const b = await makeWorkspace({ newId: counterIds() });
  for (const w of [a, b]) {
    await seedMarket(w);
    await w.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  }
  writes.length = 0;
  a.clock.advance(3_600_000);
  const no = (await a.segments.create({ description: 'Replay', interactionTemplateCode: 'ABSTRACT' })).no;
  await a.segments.addContacts(no, { contact: { city: 'Roma|Milano' } }, { allowRelatedCompanies: true });
  await a.segments.updateLine(no, 20000, { comment: 'ciao' });
  await a.segments.reduceContacts(no, { mailingGroup: 'NEWS' });
  a.clock.advance(60_000);
  await a.segments.log(no, { createFollowUp: true });
  const recorded = [...new Set(writes.map((w) => w.action))];
  expect(recorded.map((r) => r.name)).toEqual(['segments.create', 'segments.addContacts', 'segments.updateLine', 'segments.reduceContacts', 'segments.log']);

  // B runs on another clock: only the recorded one may be used.
  b.clock.set('2030-01-01T00:00:00');
  for (const r of recorded) await replayAction(b, r);
  expect(await dump(b)).toEqual(await dump(a));
});
