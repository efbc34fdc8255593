// The pane's side of "the shared workspace never loses a change silently" (issue 11): stale reads are
// replayed, content the server refuses becomes a failed action without jamming the queue, and a new pane
// catches up on big letters in pages under the cap.
import { describe, expect, test } from 'vitest';
import { refusesContent } from '../../src/sync/syncClient';
import { seedMarket } from '../store/helpers';
import { changeset, contact, newId, pullAll, put } from '../server/fixtures';
import { bodyText, type Pane, settle, sharedServer } from './harness';

const shared = sharedServer();
const pane = shared.pane;

const linesOf = async (p: Pane, no: string) =>
  ((await p.workspace.segments.get(no))?.lines ?? []).map((l) => l.contactNo).sort();

test("finding 5: A's offline Add Contacts (City = Roma) pushed before A pulls is replayed on what B changed meanwhile", async () => {
  const a = await pane();
  const b = await pane();
  await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  const s = await a.workspace.segments.create({ description: 'Roma only', salespersonCode: 'JR' });
  await settle(a, b);
  // B moves P102 to Napoli and P300 to Roma, and the server has it.
  await b.workspace.contacts.upsert([
    { no: 'P102', city: 'Napoli' },
    { no: 'P300', city: 'Roma' },
  ]);
  await b.sync.syncNow();
  // A has not pulled: it chooses from what it saw.
  await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
  expect(await linesOf(a, s.no)).toContain('P102');
  await a.sync.syncNow();
  await b.sync.syncNow();
  for (const p of [a, b]) {
    const lines = await linesOf(p, s.no);
    expect(lines).toContain('P300');
    expect(lines).not.toContain('P102');
    expect(p.sync.getStatus().failed).toEqual([]);
  }
  const segmentId = (await a.workspace.segments.get(s.no))!.header.id;
  const onServer = (await pullAll(shared.server.url)).rows.filter(
    (r) => r.table === 'segmentLines' && !r.deleted && r.value.segmentId === segmentId,
  );
  expect(onServer.map((r) => r.value.contactNo)).toContain('P300');
  expect(onServer.map((r) => r.value.contactNo)).not.toContain('P102');
  // Put the contacts back for the other tests.
  await b.workspace.contacts.upsert([
    { no: 'P102', city: 'Roma' },
    { no: 'P300', city: 'Torino' },
  ]);
  await settle(b);
}, 90_000);

test('finding 5: an action that keeps meeting newer data is shown as failed after a bounded number of tries, and the changes after it go', async () => {
  let colleague = 0;
  // A busy colleague: before each of A's pushes of the Add Contacts, another client adds a contact.
  const busy: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/push') && (await bodyText(init)).includes('segments.addContacts')) {
      const c = { ...contact(newId(), `BUSY${process.pid % 1000}-${++colleague}`), city: 'Roma' };
      await shared.server.service.push({
        schemaVersion: 1,
        clientId: 'colleague',
        changesets: [changeset([put('contacts', c)])],
      });
    }
    return fetch(input, init);
  };
  const a = await pane({ fetch: busy });
  await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  const s = await a.workspace.segments.create({ description: 'Busy day' });
  await a.sync.syncNow();
  await a.workspace.segments.addContacts(s.no, { contact: { city: 'Milano' } });
  const after = await a.workspace.segments.create({ description: 'After the busy one' });
  await a.sync.syncNow();
  expect(colleague).toBe(5);
  expect(a.sync.getStatus()).toMatchObject({
    pending: 0,
    failed: [
      expect.objectContaining({
        name: 'segments.addContacts',
        code: 'CONFLICT',
        message: expect.stringMatching(/segments\.addContacts read contacts .*\(tried 5 times\)/),
      }),
    ],
  });
  expect(await linesOf(a, s.no)).toEqual([]);
  expect((await pullAll(shared.server.url)).rows.some((r) => r.table === 'segments' && r.value?.no === after.no)).toBe(
    true,
  );
}, 90_000);

describe('finding 6: no value jams a pane', () => {
  test('a text the server refuses (a NUL in an extra field) becomes a failed action with the reason, reverted, and the changes after it go', async () => {
    const p = await pane();
    await settle(p);
    if (!(await p.workspace.contacts.get('P101'))) await seedMarket(p.workspace);
    const db = p.workspace.ctx.db;
    // Written as an older pane or an import without the rule would have: a NUL pasted into a CSV cell.
    const contact = { ...(await p.workspace.contacts.get('P101'))!, extra: { Note: 'pasted\u0000cell' } };
    await db.transaction('rw', db.contacts, () => db.contacts.put(contact));
    const later = await p.workspace.segments.create({ description: 'After the bad cell' });
    await p.sync.syncNow();
    expect(p.sync.getStatus()).toMatchObject({
      pending: 0,
      failed: [
        expect.objectContaining({
          code: 'INVALID_INPUT',
          message: expect.stringMatching(
            new RegExp(`422 contacts ${contact.id}, field extra\\.Note: holds a NUL character`),
          ),
        }),
      ],
    });
    expect((await p.workspace.contacts.get('P101'))!.extra).not.toHaveProperty('Note');
    const rows = (await pullAll(shared.server.url)).rows;
    expect(rows.some((r) => r.table === 'segments' && r.value?.no === later.no)).toBe(true);
    expect(rows.find((r) => r.table === 'contacts' && r.id === contact.id)!.value.extra).not.toHaveProperty('Note');
  }, 60_000);

  test.each([
    [422, true],
    [400, true],
    [409, true],
    [413, true],
    [415, true],
    [429, false],
    [401, false],
    [403, false],
    [404, false],
    [408, false],
    [500, false],
    [503, false],
  ])('an answer %i refuses the content for good: %s', (status, forGood) => {
    expect(refusesContent(status)).toBe(forGood);
  });
});

// Finding 7 at full size (a new pane pulling 200 entries with 3.6 MB letters) runs in the system suite:
// test/server-pg/bigLetters.test.ts.
