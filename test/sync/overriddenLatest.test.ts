// "Replaced by a later change" is told only to the user whose value is replaced in the end, naming the
// value they chose last: a value this pane sets again offline (pending when the other pane's value
// arrives) is replayed and pushed after it, so it wins, and its user is told nothing.
import { expect, test } from 'vitest';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer } from './harness';

const shared = sharedServer();

/** Two panes caught up on one segment whose description A set ("Fiera Marco") and the server has. */
async function fairSegment(): Promise<{ a: Pane; b: Pane; no: string }> {
  const a = await shared.pane();
  const b = await shared.pane();
  await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  for (const p of [a, b]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  const seg = await a.workspace.segments.create({ description: 'Fiera' });
  await a.workspace.segments.updateHeader(seg.no, { description: 'Fiera Marco' }, { updateLines: false });
  await settle(a, b);
  return { a, b, no: seg.no };
}

const described = async (p: Pane, no: string) => (await p.workspace.segments.get(no))!.header.description;

test('both set the description offline, B pushes first: A wins and is told nothing; B is told, with both latest values', async () => {
  const { a, b, no } = await fairSegment();
  await a.workspace.segments.updateHeader(no, { description: 'Fiera Marco v2' }, { updateLines: false });
  await b.workspace.segments.updateHeader(no, { description: 'Fiera Anna v2' }, { updateLines: false });
  await b.sync.syncNow();
  await a.sync.syncNow();
  await settle(b, a);
  for (const p of [a, b]) {
    expect(await described(p, no)).toBe('Fiera Marco v2');
    expect(p.sync.getStatus().failed).toEqual([]);
  }
  expect(a.sync.getStatus().overridden ?? []).toEqual([]);
  expect(b.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'segments',
      field: 'description',
      mine: 'Fiera Anna v2',
      theirs: 'Fiera Marco v2',
    }),
  ]);
  // A server without users names no one: the notice says "another user" (overriddenByUser.test.ts names them).
  expect(b.sync.getStatus().overridden![0]).not.toHaveProperty('by');
}, 60_000);

test('both set the description offline, A pushes first: B wins; A is told, naming his latest value', async () => {
  const { a, b, no } = await fairSegment();
  await a.workspace.segments.updateHeader(no, { description: 'Fiera Marco v2' }, { updateLines: false });
  await b.workspace.segments.updateHeader(no, { description: 'Fiera Anna v2' }, { updateLines: false });
  await a.sync.syncNow();
  await b.sync.syncNow();
  await settle(a, b);
  for (const p of [a, b]) expect(await described(p, no)).toBe('Fiera Anna v2');
  expect(b.sync.getStatus().overridden ?? []).toEqual([]);
  expect(a.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'segments',
      field: 'description',
      mine: 'Fiera Marco v2',
      theirs: 'Fiera Anna v2',
    }),
  ]);
}, 60_000);

test('A sets his value again offline while B replaces it: A wins again and is told nothing; B is told', async () => {
  const { a, b, no } = await fairSegment();
  // B replaces A's value; A, not having pulled, sets his own again: replayed after B's, it wins.
  await b.workspace.segments.updateHeader(no, { description: 'Fiera Anna' }, { updateLines: false });
  await b.sync.syncNow();
  await a.workspace.segments.updateHeader(no, { description: 'Fiera Marco' }, { updateLines: false });
  await a.sync.syncNow();
  await settle(a, b);
  for (const p of [a, b]) expect(await described(p, no)).toBe('Fiera Marco');
  expect(a.sync.getStatus().overridden ?? []).toEqual([]);
  expect(b.sync.getStatus().overridden).toEqual([
    expect.objectContaining({ field: 'description', mine: 'Fiera Anna', theirs: 'Fiera Marco' }),
  ]);
}, 60_000);
