// "Replaced by a later change" for every record two users edit field by field, not only a segment's header:
// a segment line, Setup, a code list's record and an interaction template. Marco changes a value while
// offline, Anna changes the same value and pushes first; Marco's push comes later and wins: Anna is told,
// with Marco's name, the field and both values. Marco, whose value stands, is told nothing.
import { expect, test } from 'vitest';
import { makeUsers } from '../../src/server/users';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer } from './harness';

const keys = { anna: 'anna-key-0123456789abcdef', marco: 'marco-key-0123456789abcdef' };
const team = sharedServer({
  host: '127.0.0.1',
  users: makeUsers([
    { user: 'anna', role: 'admin', key: keys.anna },
    { user: 'marco', role: 'admin', key: keys.marco },
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

/** Marco's change is made first (offline), Anna's reaches the server first, Marco's comes later and wins. */
async function marcoLater(anna: Pane, marco: Pane, annas: () => Promise<unknown>, marcos: () => Promise<unknown>) {
  await marcos();
  await annas();
  await anna.sync.syncNow();
  await marco.sync.syncNow();
  await settle(anna, marco);
}

test("the same segment line's Comment: Marco's later value stands and Anna is told that Marco changed it", async () => {
  const { anna, marco } = await twoUsers();
  const seg = await anna.workspace.segments.create({ description: 'Lines' });
  await anna.workspace.segments.addContactList(seg.no, ['P101', 'P201', 'P300']);
  await settle(anna, marco);
  const line = (await anna.workspace.segments.get(seg.no))!.lines[0];
  await marcoLater(
    anna,
    marco,
    () => anna.workspace.segments.updateLine(seg.no, line.lineNo, { comment: 'Anna comment' }),
    () => marco.workspace.segments.updateLine(seg.no, line.lineNo, { comment: 'Commento di Marco' }),
  );
  for (const p of [anna, marco]) {
    expect((await p.workspace.segments.get(seg.no))!.lines[0].comment).toBe('Commento di Marco');
    expect(p.sync.getStatus().failed).toEqual([]);
  }
  expect(marco.sync.getStatus().overridden ?? []).toEqual([]);
  expect(anna.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'segmentLines',
      id: line.id,
      field: 'comment',
      mine: 'Anna comment',
      theirs: 'Commento di Marco',
      action: 'segments.updateLine',
      about: seg.no,
      by: 'marco',
    }),
  ]);
}, 60_000);

test('Setup: the later Default Language Code stands and the user whose value it replaced is told', async () => {
  const { anna, marco } = await twoUsers();
  await marcoLater(
    anna,
    marco,
    () => anna.workspace.setup.update({ defaultLanguageCode: 'ITA' }),
    () => marco.workspace.setup.update({ defaultLanguageCode: 'ENU' }),
  );
  for (const p of [anna, marco]) expect((await p.workspace.setup.get()).defaultLanguageCode).toBe('ENU');
  expect(marco.sync.getStatus().overridden ?? []).toEqual([]);
  expect(anna.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'setup',
      field: 'defaultLanguageCode',
      mine: 'ITA',
      theirs: 'ENU',
      action: 'setup.update',
      by: 'marco',
    }),
  ]);
}, 60_000);

test("code lists and interaction templates: Anna is told of each value Marco's later card replaced, and only of those", async () => {
  const { anna, marco } = await twoUsers();
  const template = (await anna.workspace.interactionTemplates.get('ABSTRACT'))!;
  /** What a record's card saves: the whole record, with the fields the user changed. */
  const card = async (p: Pane, code: string, change: Record<string, unknown>) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = (await p.workspace.salespeople.get(code))!;
    return { ...fields, ...change };
  };
  const annaJr = await card(anna, 'JR', { email: 'jr@anna.example' });
  const marcoJr = await card(marco, 'JR', { phoneNo: '+39 06 1234' });
  await marcoLater(
    anna,
    marco,
    async () => {
      await anna.workspace.mailingGroups.upsert([{ code: 'NEWS', description: 'Anna news' }]);
      await anna.workspace.interactionTemplates.upsert([{ code: 'ABSTRACT', description: 'Anna abstract' }]);
      await anna.workspace.salespeople.upsert([annaJr]);
    },
    async () => {
      await marco.workspace.mailingGroups.upsert([{ code: 'NEWS', description: 'Marco news' }]);
      await marco.workspace.interactionTemplates.upsert([{ code: 'ABSTRACT', description: 'Marco abstract' }]);
      await marco.workspace.salespeople.upsert([marcoJr]);
    },
  );
  for (const p of [anna, marco]) {
    expect(p.sync.getStatus().failed).toEqual([]);
    expect((await p.workspace.mailingGroups.get('NEWS'))!.description).toBe('Marco news');
    expect((await p.workspace.interactionTemplates.get('ABSTRACT'))!.description).toBe('Marco abstract');
    // Marco's card held the E-mail as it was: saved later, it put that back.
    expect(await p.workspace.salespeople.get('JR')).toMatchObject({ phoneNo: '+39 06 1234', email: marcoJr.email });
  }
  expect(marco.sync.getStatus().overridden ?? []).toEqual([]);
  const told = anna.sync.getStatus().overridden ?? [];
  expect(told).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        table: 'mailingGroups',
        field: 'description',
        mine: 'Anna news',
        theirs: 'Marco news',
        action: 'mailingGroups.upsert',
        about: 'NEWS',
        by: 'marco',
      }),
      expect.objectContaining({
        table: 'interactionTemplates',
        id: template.id,
        field: 'description',
        mine: 'Anna abstract',
        theirs: 'Marco abstract',
        action: 'interactionTemplates.upsert',
        about: 'ABSTRACT',
        by: 'marco',
      }),
      expect.objectContaining({
        table: 'salespeople',
        field: 'email',
        mine: 'jr@anna.example',
        theirs: marcoJr.email,
        action: 'salespeople.upsert',
        about: 'JR',
        by: 'marco',
      }),
    ]),
  );
  // Only what Anna's card changed: not the fields it held as they were.
  expect(told).toHaveLength(3);
}, 60_000);

test('a contact card: the later change of the same field stands and Anna is told; an import of many rows chooses nothing', async () => {
  const { anna, marco } = await twoUsers();
  await marcoLater(
    anna,
    marco,
    () => anna.workspace.contacts.upsert([{ no: 'P101', mailingGroups: ['NEWS'] }]),
    () => marco.workspace.contacts.upsert([{ no: 'P101', mailingGroups: [] }]),
  );
  for (const p of [anna, marco]) expect((await p.workspace.contacts.get('P101'))!.mailingGroups).toEqual([]);
  expect(marco.sync.getStatus().overridden ?? []).toEqual([]);
  expect(anna.sync.getStatus().overridden).toEqual([
    expect.objectContaining({
      table: 'contacts',
      field: 'mailingGroups',
      mine: ['NEWS'],
      theirs: [],
      action: 'contacts.upsert',
      about: 'P101',
      by: 'marco',
    }),
  ]);
  // An import (many rows at once) is not a card: its values are not watched, so a large import costs the
  // pull no look-ups.
  await marcoLater(
    anna,
    marco,
    () =>
      anna.workspace.contacts.upsert([
        { no: 'P102', city: 'Anna city' },
        { no: 'P201', city: 'Anna city' },
      ]),
    () => marco.workspace.contacts.upsert([{ no: 'P102', city: 'Marco city' }]),
  );
  expect((anna.sync.getStatus().overridden ?? []).filter((o) => o.field === 'city')).toEqual([]);
}, 60_000);
