// "Replaced by a later change" names the colleague who replaced the value, on a team server where every
// pane pushes with its user's personal key: the server tells, with each pulled page, who made its
// revisions. A server without users names no one, and the notice says "another user" as before.
import { expect, test } from 'vitest';
import { makeUsers } from '../../src/server/users';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer } from './harness';

const keys = { luca: 'luca-key-0123456789abcdef', maria: 'maria-key-0123456789abcdef' };
const team = sharedServer({
  host: '127.0.0.1',
  users: makeUsers([
    { user: 'Luca', role: 'member', key: keys.luca },
    { user: 'Maria', role: 'member', key: keys.maria },
  ]),
});

/** Luca's and Maria's panes caught up on one segment whose description Luca set ("Fiera Luca"). */
async function fairSegment(): Promise<{ luca: Pane; maria: Pane; no: string }> {
  const luca = await team.pane({ key: keys.luca });
  const maria = await team.pane({ key: keys.maria });
  await settle(luca);
  if ((await luca.workspace.salespeople.list()).length === 0) await seedMarket(luca.workspace);
  for (const p of [luca, maria]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  const seg = await luca.workspace.segments.create({ description: 'Fiera' });
  await luca.workspace.segments.updateHeader(seg.no, { description: 'Fiera Luca' }, { updateLines: false });
  await settle(luca, maria);
  return { luca, maria, no: seg.no };
}

const described = async (p: Pane, no: string) => (await p.workspace.segments.get(no))!.header.description;

test("Maria replaces Luca's description: Luca's pane is told that Maria changed it, with both values", async () => {
  const { luca, maria, no } = await fairSegment();
  await luca.workspace.segments.updateHeader(no, { description: 'Fiera Luca v2' }, { updateLines: false });
  await maria.workspace.segments.updateHeader(no, { description: 'Fiera Maria v2' }, { updateLines: false });
  await luca.sync.syncNow();
  await maria.sync.syncNow();
  await settle(luca, maria);
  for (const p of [luca, maria]) {
    expect(await described(p, no)).toBe('Fiera Maria v2');
    expect(p.sync.getStatus().failed).toEqual([]);
  }
  expect(maria.sync.getStatus().overridden ?? []).toEqual([]);
  expect(luca.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'segments',
      field: 'description',
      mine: 'Fiera Luca v2',
      theirs: 'Fiera Maria v2',
      by: 'Maria',
    }),
  ]);
}, 60_000);

test('Luca sets the value again after Maria while she has not pulled: Maria is told that Luca changed it', async () => {
  const { luca, maria, no } = await fairSegment();
  await maria.workspace.segments.updateHeader(no, { description: 'Fiera Maria' }, { updateLines: false });
  await maria.sync.syncNow();
  await luca.workspace.segments.updateHeader(no, { description: 'Fiera Luca' }, { updateLines: false });
  await luca.sync.syncNow();
  await settle(luca, maria);
  for (const p of [luca, maria]) expect(await described(p, no)).toBe('Fiera Luca');
  expect(luca.sync.getStatus().overridden ?? []).toEqual([]);
  expect(maria.sync.getStatus().overridden).toEqual([
    expect.objectContaining({ field: 'description', mine: 'Fiera Maria', theirs: 'Fiera Luca', by: 'Luca' }),
  ]);
}, 60_000);
