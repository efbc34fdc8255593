// Log's pre-flight names an empty user ID as a blocker; logging is refused until the profile has one.
import { beforeEach, expect, test } from 'vitest';
import { makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  no = (await ws.segments.create({ description: 'Letters', interactionTemplateCode: 'MEMO', salespersonCode: 'JR' }))
    .no;
  await ws.segments.addContacts(no, { contact: { city: 'Milano' } });
});

test('an empty user ID is a blocker of the pre-flight and of Log, and nothing is written', async () => {
  await ws.profile.update({ userId: '   ' });
  const preview = await ws.segments.previewLog(no);
  expect(preview.blockers).toContainEqual(expect.objectContaining({ code: 'INVALID_INPUT', field: 'userId' }));
  await expect(ws.segments.log(no)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'userId' } });
  expect(await ws.loggedSegments.list()).toEqual([]);
  expect(await ws.segments.get(no)).toBeDefined();
});

test('with a user ID the blocker is gone and the entries carry it', async () => {
  await ws.profile.update({ userId: 'GIULIA' });
  expect((await ws.segments.previewLog(no)).blockers).toEqual([]);
  const r = await ws.segments.log(no);
  expect(r.entries.every((e) => e.userId === 'GIULIA')).toBe(true);
});
