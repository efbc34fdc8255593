// Two users take the same number or code at once, on a team server: the one whose number moves is told
// each number that moved, the interaction log entries of a logged segment too; the one whose new code is
// refused because a colleague created it first is told who, and is not offered a Retry that cannot work.
import { expect, test } from 'vitest';
import { makeUsers } from '../../src/server/users';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer } from './harness';

const keys = { anna: 'anna-key-0123456789abcdef', marco: 'marco-key-0123456789abcdef' };
const team = sharedServer({
  host: '127.0.0.1',
  users: makeUsers([
    { user: 'anna', role: 'admin', key: keys.anna },
    { user: 'marco', role: 'member', key: keys.marco },
  ]),
});

async function twoUsers(): Promise<{ anna: Pane; marco: Pane }> {
  const anna = await team.pane({ key: keys.anna });
  const marco = await team.pane({ key: keys.marco });
  await settle(anna);
  if ((await anna.workspace.salespeople.list()).length === 0) await seedMarket(anna.workspace);
  for (const p of [anna, marco]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  await settle(anna, marco);
  return { anna, marco };
}

test('two segments logged at once: the later one is told its logged segment and its entries moved, in one line for the entries', async () => {
  const { anna, marco } = await twoUsers();
  const made = { interactionTemplateCode: 'ABSTRACT', salespersonCode: 'JR' };
  const hers = await anna.workspace.segments.create({ description: 'Anna logs', ...made });
  await anna.workspace.segments.addContactList(hers.no, ['P101', 'P201', 'P300']);
  const his = await marco.workspace.segments.create({ description: 'Marco logs', ...made });
  await marco.workspace.segments.addContactList(his.no, ['P101', 'P201']);
  await settle(anna, marco);
  const before = (await anna.workspace.interactionLog.list()).length;
  await anna.workspace.segments.log((await anna.workspace.segments.list()).find((s) => s.id === hers.id)!.no);
  const mine = await marco.workspace.segments.log(
    (await marco.workspace.segments.list()).find((s) => s.id === his.id)!.no,
  );
  expect(mine.entries.map((e) => e.entryNo)).toEqual([before + 1, before + 2]);
  await anna.sync.syncNow();
  await marco.sync.syncNow();
  await settle(anna, marco);

  const logged = (await marco.workspace.loggedSegments.list()).find((l) => l.id === mine.loggedSegment.id)!;
  const entries = (await marco.workspace.interactionLog.list({ loggedSegmentEntryNo: logged.entryNo })).map(
    (e) => e.entryNo,
  );
  expect(entries).toEqual([before + 4, before + 5]);
  const told = marco.sync.getStatus().renumbered;
  expect(told).toContainEqual(
    expect.objectContaining({
      table: 'loggedSegments',
      id: mine.loggedSegment.id,
      from: String(mine.loggedSegment.entryNo),
      to: String(logged.entryNo),
    }),
  );
  expect(told.filter((r) => (r.table as string) === 'interactionLog')).toEqual([
    expect.objectContaining({
      id: mine.loggedSegment.id,
      from: `${before + 1}–${before + 2}`,
      to: `${before + 4}–${before + 5}`,
      segmentNo: String(logged.entryNo),
      action: 'segments.log',
    }),
  ]);
  expect(anna.sync.getStatus().renumbered).toEqual([]);
}, 60_000);

test('the same new mailing group created by both: the refusal names who created it first', async () => {
  const { anna, marco } = await twoUsers();
  await marco.workspace.mailingGroups.insert([{ code: 'VIP', description: 'Marco VIP' }]);
  await anna.workspace.mailingGroups.insert([{ code: 'VIP', description: 'Anna VIP' }]);
  await anna.sync.syncNow();
  await marco.sync.syncNow();
  await settle(anna, marco);
  for (const p of [anna, marco]) expect((await p.workspace.mailingGroups.get('VIP'))!.description).toBe('Anna VIP');
  expect(anna.sync.getStatus().failed).toEqual([]);
  expect(marco.sync.getStatus().failed).toEqual([
    expect.objectContaining({
      name: 'mailingGroups.upsert',
      code: 'ALREADY_EXISTS',
      details: expect.objectContaining({ code: 'VIP', list: 'mailingGroups', by: 'anna' }),
    }),
  ]);
}, 60_000);
