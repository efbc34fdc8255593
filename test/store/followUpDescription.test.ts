// The follow-up segment's description is the pane's, in the user's language: the pane passes it to Log and
// to Create Follow-up Segment, the action records it with its arguments, and a replay in another pane (of
// another language) writes the same text. Without it (an action recorded before it existed) the follow-up
// is named in BC's English.
import { expect, test } from 'vitest';
import type { RecordedAction } from '../../src/store/index';
import { replayAction } from '../../src/store/index';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

const counterIds = () => {
  let n = 0;
  return () => `ID${String(++n).padStart(6, '0')}`;
};

/** Two workspaces with the same seed: A records its actions, B replays them. */
async function twoSeeded() {
  const writes: { table: string; action: RecordedAction }[] = [];
  const a = await makeWorkspace({ newId: counterIds(), dbCoreMiddlewares: [actionRecorder(writes)] });
  const b = await makeWorkspace({ newId: counterIds() });
  for (const w of [a, b]) {
    await seedMarket(w);
    await w.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
    const no = (
      await w.segments.create({
        description: 'Lettera di Natale',
        interactionTemplateCode: 'ABSTRACT',
        campaignNo: 'CP1001',
      })
    ).no;
    await w.segments.addContacts(no, { contact: { city: 'Roma' } });
  }
  writes.length = 0;
  const recorded = () => [...new Set(writes.map((w) => w.action))];
  return { a, b, recorded };
}

async function replayAll(b: Awaited<ReturnType<typeof makeWorkspace>>, actions: RecordedAction[]) {
  b.clock.set('2030-01-01T00:00:00');
  for (const r of actions) await replayAction(b, r);
}

test('Log with Create Follow-up Segment: the follow-up takes the description the pane gave, recorded and replayed', async () => {
  const { a, b, recorded } = await twoSeeded();
  const r = await a.segments.log('SEG00001', {
    createFollowUp: true,
    followUpDescription: 'Follow-up del segmento SEG00001',
  });
  expect((await a.segments.get(r.followUpSegmentNo!))!.header.description).toBe('Follow-up del segmento SEG00001');
  const [log] = recorded();
  expect(log.name).toBe('segments.log');
  expect(log.args[1]).toMatchObject({ createFollowUp: true, followUpDescription: 'Follow-up del segmento SEG00001' });

  await replayAll(b, recorded());
  expect((await b.segments.get(r.followUpSegmentNo!))!.header.description).toBe('Follow-up del segmento SEG00001');
});

test('Log recorded without a follow-up description (an older pane) names the follow-up in English, also on replay', async () => {
  const { a, b, recorded } = await twoSeeded();
  const r = await a.segments.log('SEG00001', { createFollowUp: true });
  expect((await a.segments.get(r.followUpSegmentNo!))!.header.description).toBe('Follow-up on segment SEG00001');
  await replayAll(b, recorded());
  expect((await b.segments.get(r.followUpSegmentNo!))!.header.description).toBe('Follow-up on segment SEG00001');
});

test('a follow-up description longer than 100 characters is refused, nothing logged', async () => {
  const { a } = await twoSeeded();
  await expect(
    a.segments.log('SEG00001', { createFollowUp: true, followUpDescription: 'x'.repeat(101) }),
  ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  expect(await a.loggedSegments.list()).toEqual([]);
});

test('Create Follow-up Segment from Logged Segments: the description the pane gave, recorded and replayed', async () => {
  const { a, b, recorded } = await twoSeeded();
  const entryNo = (await a.segments.log('SEG00001')).loggedSegment.entryNo;
  const h = await a.loggedSegments.createFollowUp(entryNo, { description: 'Follow-up del segmento SEG00001' });
  expect(h.description).toBe('Follow-up del segmento SEG00001');
  const follow = recorded().find((x) => x.name === 'loggedSegments.createFollowUp')!;
  expect(follow.args[1]).toEqual({ description: 'Follow-up del segmento SEG00001' });

  await replayAll(b, recorded());
  expect((await b.segments.get(h.no))!.header.description).toBe('Follow-up del segmento SEG00001');
});

test('Create Follow-up Segment recorded with the logged segment alone (an older pane) names the follow-up in English', async () => {
  const { a, b, recorded } = await twoSeeded();
  const entryNo = (await a.segments.log('SEG00001')).loggedSegment.entryNo;
  const h = await a.loggedSegments.createFollowUp(entryNo);
  expect(h.description).toBe('Follow-up on segment SEG00001');
  // As an earlier version recorded it: the logged segment's id, nothing else.
  const actions = recorded().map((x) =>
    x.name === 'loggedSegments.createFollowUp' ? { ...x, args: x.args.slice(0, 1) } : x,
  );
  await replayAll(b, actions);
  expect((await b.segments.get(h.no))!.header.description).toBe('Follow-up on segment SEG00001');
  await expect(a.loggedSegments.createFollowUp(entryNo, { description: 'x'.repeat(101) })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
  });
});
