// A large pull is shown while it arrives and applies: the receiving pane's user sees that the other
// pane's work is on its way (and how much of it is here), not "connected" over a workspace that has
// not changed yet. A small pull shows nothing, and a pull that fails on the way leaves no such line.
import { expect, test } from 'vitest';
import { RECEIVING_SHOWN_ROWS } from '../../src/sync/syncClient';
import { seedMarket } from '../store/helpers';
import { type Pane, settle, sharedServer, waitFor } from './harness';

const shared = sharedServer();
const pane = shared.pane;

/** Every value of `receiving` the pane's status took, in order (undefined when the line is not shown). */
function watchReceiving(p: Pane): (number | undefined)[] {
  const seen: (number | undefined)[] = [];
  p.sync.subscribe((s) => {
    if (seen.at(-1) !== s.receiving || seen.length === 0) seen.push(s.receiving);
  });
  return seen;
}

/**
 * Pane A with the market seeded and everything pushed; pane B caught up, pulling at most `pageSize`
 * revisions a page, and pages of at most `bodyCap` bytes.
 */
async function caughtUp(pageSize: number, bodyCap?: number) {
  const a = await pane();
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  await settle(a);
  const b = await pane({ pageSize, bodyCap });
  await settle(b);
  return { a, b };
}

test('a segment of 1,200 lines arriving in pages: the pane says how many rows are here, then the line goes', async () => {
  // Pages of 16 KB: a changeset of 1,200 rows comes in many pages, the first far below the threshold.
  const { a, b } = await caughtUp(250, 16_000);
  await a.workspace.contacts.upsert(
    Array.from({ length: 1200 }, (_, i) => ({
      no: `RV${String(i).padStart(4, '0')}`,
      name: `Receiver ${i}`,
      city: 'Lecco',
    })),
  );
  const s = await a.workspace.segments.create({ description: 'Arriving in pages', salespersonCode: 'JR' });
  await a.workspace.segments.addContacts(s.no, { contact: { city: 'Lecco' } });
  await settle(a);
  const seen = watchReceiving(b);
  await b.sync.syncNow();
  expect((await b.workspace.segments.get(s.no))!.lines).toHaveLength(1200);
  const shown = seen.filter((n): n is number => n !== undefined);
  // At least 2,400 rows (the contacts' changeset, then the segment's): shown from the first page on, growing.
  expect(shown.length).toBeGreaterThanOrEqual(2);
  expect(shown[0]).toBeGreaterThan(0);
  expect(shown[0]).toBeLessThan(RECEIVING_SHOWN_ROWS);
  expect(shown).toEqual([...shown].sort((x, y) => x - y));
  expect(shown.at(-1)).toBeGreaterThanOrEqual(2400);
  expect(seen.at(-1)).toBeUndefined();
  expect(b.sync.getStatus()).toMatchObject({ connection: 'connected', failed: [] });
  expect(b.sync.getStatus().receiving).toBeUndefined();
});

test('a small change arrives without the line', async () => {
  const { a, b } = await caughtUp(250);
  const s = await a.workspace.segments.create({ description: 'Small', salespersonCode: 'JR' });
  await settle(a);
  const seen = watchReceiving(b);
  await b.sync.syncNow();
  expect((await b.workspace.segments.get(s.no))?.header.description).toBe('Small');
  expect(seen.filter((n) => n !== undefined)).toEqual([]);
});

test('many rows in one page are shown too, from the threshold on', async () => {
  const { a, b } = await caughtUp(50_000);
  await a.workspace.contacts.upsert(
    Array.from({ length: RECEIVING_SHOWN_ROWS }, (_, i) => ({
      no: `OP${String(i).padStart(4, '0')}`,
      name: `One page ${i}`,
    })),
  );
  await settle(a);
  const seen = watchReceiving(b);
  await b.sync.syncNow();
  expect(seen.filter((n) => n !== undefined)).toEqual([RECEIVING_SHOWN_ROWS]);
  expect(b.sync.getStatus().receiving).toBeUndefined();
});

/**
 * Pane A with the market seeded and pushed, and a fetch for pane B whose pulls past a page's first
 * (a changeset's later pages) fail while `fail` is set, as a network gone in the middle of a pull.
 */
async function seededWithFailingPulls() {
  const a = await pane();
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  await settle(a);
  const pulls: { fail: boolean; fetch: typeof fetch } = {
    fail: false,
    fetch: (input, init) =>
      pulls.fail && String(input).includes('/pull?') && String(input).includes('after=')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch(input, init),
  };
  return { a, pulls };
}

test('a pull that fails on its second page leaves the pane offline, without the line, and the next round brings it all', async () => {
  const { a, pulls } = await seededWithFailingPulls();
  // Pages of 16 KB at most: the 600 contacts, one changeset, come in several pages.
  const b = await pane({ bodyCap: 16_000, fetch: pulls.fetch, loop: true });
  await waitFor(b, (st) => st.connection === 'connected' && st.pending === 0, 'pane B caught up');
  // Failing before A pushes: the server's event wakes B at once.
  pulls.fail = true;
  await a.workspace.contacts.upsert(
    Array.from({ length: 600 }, (_, i) => ({ no: `FP${String(i).padStart(4, '0')}`, name: `Fails ${i}` })),
  );
  const seen: { receiving?: number; connection: string }[] = [];
  const off = b.sync.subscribe((st) => seen.push({ receiving: st.receiving, connection: st.connection }));
  await settle(a);
  await waitFor(b, (st) => st.connection === 'offline', 'pane B offline');
  expect(seen.some((st) => st.receiving !== undefined && st.receiving < 600)).toBe(true);
  expect(b.sync.getStatus()).toMatchObject({ connection: 'offline' });
  expect(b.sync.getStatus().receiving).toBeUndefined();
  pulls.fail = false;
  const all = () => b.workspace.ctx.db.contacts.where('no').startsWith('FP').count();
  await waitFor(b, async (st) => st.connection === 'connected' && (await all()) === 600, 'every contact in pane B');
  off();
  expect(b.sync.getStatus().receiving).toBeUndefined();
});

test('a round asked for at once (not the loop) that fails on the way leaves no line either', async () => {
  const { a, pulls } = await seededWithFailingPulls();
  const b = await pane({ bodyCap: 16_000, fetch: pulls.fetch });
  await settle(b);
  await a.workspace.contacts.upsert(
    Array.from({ length: 600 }, (_, i) => ({ no: `NL${String(i).padStart(4, '0')}`, name: `Now ${i}` })),
  );
  await settle(a);
  pulls.fail = true;
  const seen = watchReceiving(b);
  await expect(b.sync.syncNow()).rejects.toThrow();
  expect(seen.some((n) => n !== undefined)).toBe(true);
  expect(b.sync.getStatus().receiving).toBeUndefined();
  pulls.fail = false;
  await b.sync.syncNow();
  expect(await b.workspace.ctx.db.contacts.where('no').startsWith('NL').count()).toBe(600);
});
