// Log's pre-flight names an empty user ID as a blocker (once, not per line); logging is refused until the
// profile has one, unless the team server knows the user (it stamps that user from the personal key). A
// line whose salesperson was removed from Salespeople is a blocker of its own, as BC's table relation
// refuses it.
import { beforeEach, expect, test } from 'vitest';
import type { PaneLogOptions } from '../../src/domain/logRules';
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
  expect(preview.blockers.filter((b) => b.field === 'userId')).toEqual([
    expect.objectContaining({ code: 'USER_ID_REQUIRED', field: 'userId' }),
  ]);
  expect((await ws.segments.get(no))!.lines.length).toBeGreaterThan(1);
  await expect(ws.segments.log(no)).rejects.toMatchObject({ code: 'USER_ID_REQUIRED', details: { field: 'userId' } });
  expect(await ws.loggedSegments.list()).toEqual([]);
  expect(await ws.segments.get(no)).toBeDefined();
});

test('on a team server that knows the user, an empty profile does not block: the server’s user is on what is logged', async () => {
  await ws.profile.update({ userId: '' });
  const asAnna: PaneLogOptions = { serverUser: 'anna' };
  expect((await ws.segments.previewLog(no, asAnna)).blockers).toEqual([]);
  const withFollowUp: PaneLogOptions = { ...asAnna, createFollowUp: true };
  const r = await ws.segments.log(no, withFollowUp);
  expect(r.loggedSegment.userId).toBe('anna');
  expect(r.entries.length).toBeGreaterThan(1);
  expect(r.entries.every((e) => e.userId === 'anna')).toBe(true);
  expect(r.followUpSegmentNo).toBeDefined();
  expect((await ws.loggedSegments.list()).map((l) => l.userId)).toEqual(['anna']);
});

test('with a user ID the blocker is gone and the entries carry it', async () => {
  await ws.profile.update({ userId: 'GIULIA' });
  expect((await ws.segments.previewLog(no)).blockers).toEqual([]);
  const r = await ws.segments.log(no);
  expect(r.entries.every((e) => e.userId === 'GIULIA')).toBe(true);
});

test('a line whose salesperson was removed from Salespeople blocks the log, line by line', async () => {
  await ws.profile.update({ userId: 'GIULIA' });
  const lines = (await ws.segments.get(no))!.lines;
  await ws.salespeople.remove('JR');
  const preview = await ws.segments.previewLog(no);
  expect(preview.blockers).toEqual(
    lines.map((l) =>
      expect.objectContaining({
        code: 'LINE_CODE_NOT_FOUND',
        field: 'salespersonCode',
        lineNo: l.lineNo,
        contactNo: l.contactNo,
      }),
    ),
  );
  await expect(ws.segments.log(no)).rejects.toMatchObject({
    code: 'LINE_CODE_NOT_FOUND',
    details: { field: 'salespersonCode', lineNo: lines[0].lineNo },
  });
  expect(await ws.loggedSegments.list()).toEqual([]);
});
