// The sync client against a server that crashes around a commit, requires keys, or caps bodies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SimulatedCrash } from '../../src/server/api';
import { makeUsers } from '../../src/server/users';
import { pullAll } from '../server/fixtures';
import { seedMarket } from '../store/helpers';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openSyncedWorkspace } from '../../src/sync/openSyncedWorkspace';
import { resetSyncState } from '../../src/store/syncPort';
import { testClock } from '../store/helpers';
import { bodyText, openPane, startTestServer, waitFor } from './harness';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segments-client-faults-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const when of ['beforeCommit', 'afterCommit'] as const) {
  test(`the server killed ${when === 'beforeCommit' ? 'just before' : 'just after'} committing a pane's push: after the restart every changeset is applied exactly once`, async () => {
    const dataDir = join(dir, when);
    let armed = false;
    const crashing = await startTestServer({
      dataDir,
      faults: {
        [when]: () => {
          if (armed) {
            armed = false;
            throw new SimulatedCrash('killed');
          }
        },
      },
    });
    const pane = await openPane(crashing.url);
    try {
      await seedMarket(pane.workspace);
      await pane.sync.syncNow();
      const count = async (sql: typeof crashing.sql) =>
        (await sql.query<{ n: number }>('select count(*)::int as n from sync_changesets'))[0].n;
      const before = await count(crashing.sql);
      armed = true;
      const s = await pane.workspace.segments.create({ description: 'Around the crash' });
      await pane.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
      await expect(pane.sync.syncNow()).rejects.toThrow(/cannot be reached/);
      expect(armed).toBe(false);
      const port = crashing.port;
      await crashing.close();
      const restarted = await startTestServer({ dataDir, port });
      try {
        await pane.sync.syncNow();
        expect(pane.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
        const rows = (await pullAll(restarted.url)).rows;
        const segments = rows.filter((r) => r.table === 'segments' && !r.deleted);
        expect(segments.map((r) => r.value.no)).toEqual([s.no]);
        const lines = rows.filter((r) => r.table === 'segmentLines' && !r.deleted);
        expect(lines.map((r) => r.value.contactNo).sort()).toEqual(
          (await pane.workspace.segments.get(s.no))!.lines.map((l) => l.contactNo).sort(),
        );
        // Two actions (create, addContacts): two changesets, neither lost nor doubled.
        expect(await count(restarted.sql)).toBe(before + 2);
      } finally {
        await restarted.close();
      }
    } finally {
      await pane.close();
    }
  }, 90_000);
}

test('with keys required, a pane without the right key says it is refused; with its key it syncs as its user', async () => {
  const server = await startTestServer({ users: makeUsers([{ user: 'anna', key: 'anna-key-0123456789' }]) });
  const wrong = await openPane(server.url, { loop: true, key: 'wrong-key-0123456789' });
  const right = await openPane(server.url, { key: 'anna-key-0123456789' });
  try {
    await wrong.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await waitFor(
      wrong,
      (s) => s.connection === 'refused' && s.pending === 1,
      'the pane to be refused with one change waiting',
    );
    expect(wrong.sync.getStatus().lastError).toMatch(/401 the key is not one of this server's keys/);
    await right.workspace.salespeople.upsert([{ code: 'BD', name: 'Ben' }]);
    await right.sync.syncNow();
    expect(right.sync.getStatus()).toMatchObject({ connection: 'connected', pending: 0 });
    const [row] = (await pullAll(server.url, 'anna-key-0123456789')).rows;
    expect(row.value.code).toBe('BD');
  } finally {
    await wrong.close();
    await right.close();
    await server.close();
  }
}, 90_000);

test('a changeset larger than the body cap travels in numbered parts and arrives whole', async () => {
  const server = await startTestServer({ bodyCap: 16_000 });
  const a = await openPane(server.url, { bodyCap: 16_000 });
  const b = await openPane(server.url, { bodyCap: 16_000 });
  try {
    await a.workspace.contacts.upsert(
      Array.from({ length: 60 }, (_, i) => ({ no: `PT${i}`, name: `Part ${i}`, city: 'Roma' })),
    );
    const s = await a.workspace.segments.create({ description: 'In parts' });
    await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    await a.sync.syncNow();
    const parts = await server.sql.query<{ n: number }>('select count(*)::int as n from sync_parts');
    expect(parts[0].n).toBe(0);
    await b.sync.syncNow();
    expect((await b.workspace.segments.get(s.no))!.lines).toHaveLength(60);
    const changesets = await server.sql.query<{ n: number }>('select count(*)::int as n from sync_changesets');
    expect(changesets[0].n).toBe(3);
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}, 90_000);

test('the parts of a large changeset are uploaded two at a time, and a part lost on the way is sent again', async () => {
  const server = await startTestServer({ bodyCap: 16_000 });
  let inFlight = 0;
  let most = 0;
  let parts = 0;
  let lose = true;
  const counting: typeof fetch = async (input, init) => {
    const isPart = String(input).endsWith('/push') && (await bodyText(init)).includes('"part":{');
    if (!isPart) return fetch(input, init);
    parts++;
    // The third part never reaches the server the first time (the connection drops).
    if (parts === 3 && lose) {
      lose = false;
      throw new TypeError('fetch failed');
    }
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const a = await openPane(server.url, { bodyCap: 16_000, fetch: counting });
  const b = await openPane(server.url, { bodyCap: 16_000 });
  try {
    await a.workspace.contacts.upsert(
      Array.from({ length: 120 }, (_, i) => ({ no: `PP${i}`, name: `Parallel ${i}`, city: 'Roma' })),
    );
    const s = await a.workspace.segments.create({ description: 'Parts at once' });
    await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    await expect(a.sync.syncNow()).rejects.toThrow(/cannot be reached/);
    await a.sync.syncNow();
    expect(a.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
    expect(most).toBe(2);
    const left = await server.sql.query<{ n: number }>('select count(*)::int as n from sync_parts');
    expect(left[0].n).toBe(0);
    await b.sync.syncNow();
    expect((await b.workspace.segments.get(s.no))!.lines).toHaveLength(120);
    // Once each: the contacts, the segment and its lines.
    const changesets = await server.sql.query<{ n: number }>('select count(*)::int as n from sync_changesets');
    expect(changesets[0].n).toBe(3);
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}, 90_000);

test('a change the server refuses for good is set aside as a failed action, and the changes after it still go', async () => {
  const server = await startTestServer();
  const p = await openPane(server.url);
  try {
    await p.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    const db = p.workspace.ctx.db;
    // A raw write outside the workspace's rules: a code that is not text.
    await db.transaction('rw', db.mailingGroups, () =>
      db.mailingGroups.put({
        id: 'BADROW',
        code: 42 as unknown as string,
        description: '',
        createdAt: 'x',
        updatedAt: 'x',
      }),
    );
    await p.workspace.salespeople.upsert([{ code: 'BD', name: 'Ben' }]);
    await p.sync.syncNow();
    expect(p.sync.getStatus()).toMatchObject({
      pending: 0,
      failed: [
        expect.objectContaining({
          name: 'change',
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/400 .*value\.code: must be text, got the number 42/),
        }),
      ],
    });
    expect(await db.mailingGroups.get('BADROW')).toBeUndefined();
    const codes = (await pullAll(server.url)).rows.filter((r) => r.table === 'salespeople').map((r) => r.value.code);
    expect(codes.sort()).toEqual(['BD', 'JR']);
  } finally {
    await p.close();
    await server.close();
  }
}, 90_000);

const noServer: [string, 'unavailable' | 'offline', typeof fetch, RegExp][] = [
  [
    'a plain web server answering 404',
    'unavailable',
    async () => new Response('not found', { status: 404 }),
    /404 not found/,
  ],
  [
    'a web server answering every path with a page',
    'unavailable',
    async () => new Response('<!doctype html><p>a page</p>', { status: 200 }),
    /JSON/,
  ],
  [
    'no server at all',
    'offline',
    async () => Promise.reject(new TypeError('fetch failed')),
    /cannot be reached \(fetch failed\)/,
  ],
];
test.each(noServer)(
  'with %s at the pane’s origin, the pane says %s and keeps its change waiting',
  async (what, connection, fetch, error) => {
    const pane = await openSyncedWorkspace(
      { name: `no-server-${what}`, indexedDB: new IDBFactory(), IDBKeyRange },
      { serverUrl: 'https://localhost:1', fetch, locks: null, backoff: { initialMs: 50, maxMs: 400 } },
    );
    try {
      await pane.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
      await waitFor(
        Object.assign(pane, { clock: testClock(), name: what }),
        (s) => s.connection !== 'starting' && s.pending === 1,
        `the pane to say it is ${connection}`,
      );
      expect(pane.sync.getStatus()).toMatchObject({
        connection,
        pending: 1,
        failed: [],
        lastError: expect.stringMatching(error),
      });
    } finally {
      await pane.close();
    }
  },
);

test('while the server is away, further changes cost one small request each, not another push of everything waiting', async () => {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (!url.pathname.endsWith('/events'))
      requests.push(
        `${init?.method ?? 'GET'} ${url.pathname}${url.searchParams.get('limit') === '1' ? ' (probe)' : ''}`,
      );
    return new Response('not found', { status: 404 });
  };
  const pane = await openSyncedWorkspace(
    { name: 'server-away', indexedDB: new IDBFactory(), IDBKeyRange },
    {
      serverUrl: 'https://localhost:1',
      fetch,
      locks: null,
      events: false,
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    },
  );
  const watched = Object.assign(pane, { clock: testClock(), name: 'away' });
  try {
    await pane.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await waitFor(watched, (s) => s.connection === 'unavailable' && s.pending === 1, 'the first round to fail');
    for (const code of ['BD', 'AB', 'CD']) await pane.workspace.salespeople.upsert([{ code, name: code }]);
    await expect
      .poll(() => requests.filter((r) => r.endsWith('(probe)')).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    await waitFor(watched, (s) => s.pending === 4, 'every change to wait');
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/push']);
    expect(requests.filter((r) => !r.startsWith('POST')).every((r) => r === 'GET /api/v1/pull (probe)')).toBe(true);
  } finally {
    await pane.close();
  }
});

/** A fetch that notes each pull: its cursor, the revisions it left out and the ids of the rows it brought. */
function watchPulls() {
  const pulled: { since: number; skip: string | null; ids: string[] }[] = [];
  const watching: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = new URL(String(input));
    if (!url.pathname.endsWith('/pull')) return res;
    const text = await res.text();
    const body = JSON.parse(text) as { rows?: { id: string }[] };
    pulled.push({
      since: Number(url.searchParams.get('since')),
      skip: url.searchParams.get('skip'),
      ids: (body.rows ?? []).map((r) => r.id),
    });
    return new Response(text, { status: res.status, headers: res.headers });
  };
  return { pulled, watching };
}

test('a new pane that pushes before its first pull does not pull back the rows it pushed', async () => {
  const server = await startTestServer();
  const { pulled, watching } = watchPulls();
  const b = await openPane(server.url);
  const a = await openPane(server.url, { fetch: watching });
  try {
    await b.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await b.sync.syncNow();
    // A has never pulled (its cursor is 0) when it pushes its first changes.
    await a.workspace.contacts.upsert(
      Array.from({ length: 30 }, (_, i) => ({ no: `NW${i}`, name: `New ${i}`, city: 'Roma' })),
    );
    const s = await a.workspace.segments.create({ description: 'First' });
    await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    const db = a.workspace.ctx.db;
    const mine = new Set([
      ...(await db.contacts.toCollection().primaryKeys()),
      ...(await db.segments.toCollection().primaryKeys()),
      ...(await db.segmentLines.toCollection().primaryKeys()),
    ]);
    await a.sync.syncNow();
    expect(a.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
    expect(pulled[0]).toMatchObject({ since: 0 });
    expect(pulled[0].skip).not.toBeNull();
    // Everything B made came, none of what A pushed itself.
    const ids = pulled.flatMap((p) => p.ids);
    expect(ids.filter((id) => mine.has(id))).toEqual([]);
    expect((await a.workspace.salespeople.list()).map((x) => x.code)).toEqual(['JR']);
    expect((await a.workspace.segments.get(s.no))!.lines).toHaveLength(30);
    // The other pane gets all of it.
    await b.sync.syncNow();
    expect((await b.workspace.segments.get(s.no))!.lines).toHaveLength(30);
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}, 90_000);

test('a pane does not pull back the rows it pushed itself, until a restore resets its sync state', async () => {
  const server = await startTestServer();
  const { pulled, watching } = watchPulls();
  const a = await openPane(server.url, { fetch: watching });
  const b = await openPane(server.url);
  try {
    // B first, so that A's cursor is past 0 when it pushes.
    await b.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await b.sync.syncNow();
    await a.sync.syncNow();
    await a.workspace.contacts.upsert(
      Array.from({ length: 30 }, (_, i) => ({ no: `OW${i}`, name: `Own ${i}`, city: 'Roma' })),
    );
    const s = await a.workspace.segments.create({ description: 'Mine' });
    await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    pulled.length = 0;
    await a.sync.syncNow();
    expect(a.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
    // Its own revisions were left out: nothing came back.
    expect(pulled.length).toBeGreaterThan(0);
    expect(pulled.every((p) => p.ids.length === 0)).toBe(true);
    expect(pulled.some((p) => p.skip)).toBe(true);

    // The other pane gets everything; its change comes to A, A's own rows still left out.
    await b.sync.syncNow();
    expect((await b.workspace.segments.get(s.no))!.lines).toHaveLength(30);
    await b.workspace.salespeople.upsert([{ code: 'BD', name: 'Ben' }]);
    await b.sync.syncNow();
    pulled.length = 0;
    await a.sync.syncNow();
    const ids = pulled.flatMap((p) => p.ids);
    expect(ids).toHaveLength(1);
    expect((await a.workspace.salespeople.list()).map((x) => x.code).sort()).toEqual(['BD', 'JR']);

    // A restore resets the sync state: from 0 again, every row comes back, its own too.
    const db = a.workspace.ctx.db;
    await db.transaction('rw', [db.outbox, db.syncState], () => resetSyncState(db));
    pulled.length = 0;
    await a.sync.syncNow();
    expect(pulled[0]).toMatchObject({ since: 0, skip: null });
    const again = new Set(pulled.flatMap((p) => p.ids));
    expect(again.has((await db.segments.where('no').equals(s.no).first())!.id)).toBe(true);
    expect((await a.workspace.segments.get(s.no))!.lines).toHaveLength(30);
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}, 90_000);
