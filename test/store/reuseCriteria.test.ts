// Reuse Criteria reports the net lines it added and removed, so "+N / −M" says what changed.
import { beforeEach, expect, test } from 'vitest';
import { contactNosOf, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
});

test('on an empty segment the counts are the lines that are there at the end, nothing removed', async () => {
  const source = (await ws.segments.create({ description: 'Source' })).no;
  await ws.segments.addContacts(source, {}); // P300, C100, P101, P102, C200, P201
  await ws.segments.reduceContacts(source, { contact: { city: 'Milano' } }); // C200, P201 go
  await ws.segments.saveCriteria(source, 'NO-MILANO');

  const target = (await ws.segments.create({ description: 'Target' })).no;
  const r = await ws.segments.reuseCriteria(target, 'NO-MILANO');
  const lines = (await ws.segments.get(target))!.lines;
  expect(contactNosOf(r.added).sort()).toEqual(contactNosOf(lines).sort());
  expect(r.added).toHaveLength(4);
  expect(r.removed).toEqual([]);
});

test('lines that were on the segment before and are removed count as removed', async () => {
  const source = (await ws.segments.create({ description: 'Source' })).no;
  await ws.segments.addContacts(source, { contact: { city: 'Torino' } });
  await ws.segments.reduceContacts(source, { contact: { city: 'Roma' } });
  await ws.segments.saveCriteria(source, 'TORINO-NOT-ROMA');

  const target = (await ws.segments.create({ description: 'Target' })).no;
  await ws.segments.addContacts(target, { contact: { city: 'Roma' } }); // C100, P101, P102
  const r = await ws.segments.reuseCriteria(target, 'TORINO-NOT-ROMA');
  expect(contactNosOf(r.added)).toEqual(['P300']);
  expect(contactNosOf(r.removed).sort()).toEqual(['C100', 'P101', 'P102']);
  expect(contactNosOf((await ws.segments.get(target))!.lines)).toEqual(['P300']);
});
