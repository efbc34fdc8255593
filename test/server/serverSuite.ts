// The server's behaviour, written once and run against PGlite (test/server) and a real PostgreSQL
// (test/server-pg): push, pull, events, keys, bad input, parts and crashes around the commit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SimulatedCrash } from '../../src/server/api';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import { makeUsers } from '../../src/server/users';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call, changeset, contact, del, line, loggedSegment, newId, pullAll, push, put, segment } from './fixtures';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export interface Storage {
  /** What startServer needs to reach this database (dataDir or databaseUrl). */
  options: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>;
  drop(): Promise<void>;
}

let nos = 0;
const segNo = () => `S${process.pid % 1000}-${++nos}`;

export function serverSuite(label: string, newStorage: () => Promise<Storage>): void {
  describe(`the sync server on ${label}`, () => {
    let tls: { cert: Buffer; key: Buffer };
    let storage: Storage;
    let server: RunningServer;
    const start = async (storageOf: Storage, extra: Partial<ServerOptions> = {}) =>
      startServer({ ...storageOf.options, tls, ...extra });
    const extraStorages: Storage[] = [];
    const freshStorage = async () => {
      const s = await newStorage();
      extraStorages.push(s);
      return s;
    };

    beforeAll(async () => {
      const o = await httpsOptions();
      tls = { cert: o.cert, key: o.key };
      storage = await newStorage();
      server = await start(storage);
    });
    afterAll(async () => {
      await server?.close();
      await storage?.drop();
      for (const s of extraStorages) await s.drop();
    });

    const lastRev = async () => (await call(server.url, '/status')).body.lastRev as number;

    test('a pushed segment with its lines is applied in one revision and pulled back in order', async () => {
      const s = segment(newId(), segNo());
      const lines = [1, 2, 3].map((i) => line(newId(), s.id, s.no, i * 10000, `C${i}`));
      const before = await lastRev();
      const r = await push(server.url, [changeset([put('segments', s), ...lines.map((l) => put('segmentLines', l))])]);
      expect(r.status).toBe(200);
      expect(r.body.results).toEqual([{ id: expect.any(String), status: 'applied', rev: before + 1 }]);
      const pulled = await call(server.url, `/pull?since=${before}`);
      expect(pulled.body.rows.map((x: any) => [x.table, x.id, x.rev])).toEqual(
        [
          ['segmentLines', lines[0].id],
          ['segmentLines', lines[1].id],
          ['segmentLines', lines[2].id],
          ['segments', s.id],
        ]
          .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]))
          .map(([t, id]) => [t, id, before + 1]),
      );
      expect(pulled.body.rows.find((x: any) => x.table === 'segments').value).toEqual(s);
      expect(pulled.body).toMatchObject({ lastRev: before + 1, more: false, schemaVersion: 1 });
    });

    test('a retried push gets the same answer again and applies nothing twice; a reused id with other changes is refused', async () => {
      const s = segment(newId(), segNo());
      const cs = changeset([put('segments', s)]);
      const first = await push(server.url, [cs]);
      const again = await push(server.url, [cs]);
      expect(again.body.results[0]).toEqual({ ...first.body.results[0], status: 'duplicate' });
      expect(await lastRev()).toBe(first.body.results[0].rev);
      const forged = await push(server.url, [{ ...cs, changes: [put('segments', { ...s, description: 'changed' })] }]);
      expect(forged.status).toBe(409);
      expect(forged.body.reason).toMatch(/already applied with different changes/);
      expect(await lastRev()).toBe(first.body.results[0].rev);
    });

    test('a change based on an old revision is a conflict that carries the server rows and changes nothing', async () => {
      const s = segment(newId(), segNo());
      const r1 = await push(server.url, [changeset([put('segments', s)])]);
      const rev1 = r1.body.results[0].rev;
      const r2 = await push(server.url, [changeset([put('segments', { ...s, description: 'first edit' }, rev1)])]);
      expect(r2.body.results[0].status).toBe('applied');
      const stale = await push(server.url, [changeset([put('segments', { ...s, description: 'second edit' }, rev1)])]);
      expect(stale.body.results[0]).toMatchObject({ status: 'conflict', kind: 'stale' });
      expect(stale.body.results[0].reason).toMatch(/based on revision \d+, the row is at revision \d+/);
      expect(stale.body.results[0].rows).toEqual([
        {
          table: 'segments',
          id: s.id,
          rev: r2.body.results[0].rev,
          deleted: false,
          value: { ...s, description: 'first edit' },
        },
      ]);
      expect(await lastRev()).toBe(r2.body.results[0].rev);
    });

    test('changesets of one push build on each other from the same base revision; separate pushes do not', async () => {
      const s = segment(newId(), segNo());
      const rev1 = (await push(server.url, [changeset([put('segments', s)])])).body.results[0].rev;
      const both = await push(server.url, [
        changeset([put('segments', { ...s, description: 'one' }, rev1)]),
        changeset([put('segments', { ...s, description: 'two' }, rev1)]),
      ]);
      expect(both.body.results.map((r: any) => r.status)).toEqual(['applied', 'applied']);
      const later = await push(server.url, [changeset([put('segments', { ...s, description: 'three' }, rev1)])]);
      expect(later.body.results[0]).toMatchObject({ status: 'conflict', kind: 'stale' });
      expect(later.body.results[0].rows[0].value.description).toBe('two');
    });

    test('pushes arriving together are applied one at a time: consecutive revisions, and one winner per row', async () => {
      const before = await lastRev();
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          push(server.url, [changeset([put('segments', segment(newId(), segNo()))])], { clientId: `racer-${i}` }),
        ),
      );
      expect(replies.map((r) => r.body.results[0].rev).sort((a: number, b: number) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => before + i + 1),
      );
      const s = segment(newId(), segNo());
      const base = (await push(server.url, [changeset([put('segments', s)])])).body.results[0].rev;
      const race = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          push(server.url, [changeset([put('segments', { ...s, description: `racer ${i}` }, base)])], {
            clientId: `racer-${i}`,
          }),
        ),
      );
      expect(race.map((r) => r.body.results[0].status).sort()).toEqual([
        'applied',
        'conflict',
        'conflict',
        'conflict',
        'conflict',
        'conflict',
      ]);
    });

    test('processing stops at the first conflict: later changesets of the push are not applied', async () => {
      const a = segment(newId(), segNo());
      const b = segment(newId(), segNo());
      await push(server.url, [changeset([put('segments', a)])]);
      const before = await lastRev();
      const r = await push(server.url, [
        changeset([put('segments', b)]),
        changeset([put('segments', a, 0)]),
        changeset([put('segments', segment(newId(), segNo()))]),
      ]);
      expect(r.body.results.map((x: any) => x.status)).toEqual(['applied', 'conflict']);
      expect(await lastRev()).toBe(before + 1);
    });

    test('a segment number is unique across open and logged segments, and logging moves it in one changeset', async () => {
      const no = segNo();
      const s = segment(newId(), no);
      const l = line(newId(), s.id, no, 10000, 'C1');
      const r = await push(server.url, [changeset([put('segments', s), put('segmentLines', l)])]);
      const rev = r.body.results[0].rev;
      const twin = await push(server.url, [changeset([put('segments', segment(newId(), no))])]);
      expect(twin.body.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
      expect(twin.body.results[0].reason).toContain(`segmentNo ${no} is already used by segments ${s.id}`);
      const loggedTwin = await push(server.url, [
        changeset([put('loggedSegments', loggedSegment(newId(), 900_000 + nos, no))]),
      ]);
      expect(loggedTwin.body.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
      // The log: the segment and its line go, the logged segment takes the number.
      const logged = loggedSegment(newId(), 800_000 + nos, no);
      const log = await push(server.url, [
        changeset([put('loggedSegments', logged), del('segments', s.id, rev), del('segmentLines', l.id, rev)]),
      ]);
      expect(log.body.results[0].status).toBe('applied');
      const reopen = await push(server.url, [changeset([put('segments', segment(newId(), no))])]);
      expect(reopen.body.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
      const sameEntry = await push(server.url, [
        changeset([put('loggedSegments', loggedSegment(newId(), logged.entryNo, segNo()))]),
      ]);
      expect(sameEntry.body.results[0].reason).toContain(`loggedSegmentEntryNo ${logged.entryNo}`);
    });

    test('line numbers are unique within a segment, a line needs its segment (never created: refused; deleted meanwhile: a conflict), and a segment with lines cannot go alone', async () => {
      const s = segment(newId(), segNo());
      const r = await push(server.url, [
        changeset([put('segments', s), put('segmentLines', line(newId(), s.id, s.no, 10000, 'C1'))]),
      ]);
      const sameLineNo = await push(server.url, [
        changeset([put('segmentLines', line(newId(), s.id, s.no, 10000, 'C2'))]),
      ]);
      expect(sameLineNo.body.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
      const before = await lastRev();
      const forged = await push(server.url, [
        changeset([put('segmentLines', line(newId(), 'NOSUCHSEGMENT', 'X', 10000, 'C1'))]),
      ]);
      expect(forged).toMatchObject({
        status: 200,
        body: {
          results: [
            {
              status: 'refused',
              reason: 'segments NOSUCHSEGMENT does not exist: rows that belong to it cannot be written',
            },
          ],
        },
      });
      expect(await lastRev()).toBe(before);
      const gone = segment(newId(), segNo());
      const made = await push(server.url, [changeset([put('segments', gone)])]);
      await push(server.url, [changeset([del('segments', gone.id, made.body.results[0].rev)])]);
      const late = await push(server.url, [
        changeset([put('segmentLines', line(newId(), gone.id, gone.no, 10000, 'C1'))]),
      ]);
      expect(late.body.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'missingParent',
        reason: expect.stringMatching(/deleted meanwhile/),
      });
      const alone = await push(server.url, [changeset([del('segments', s.id, r.body.results[0].rev)])]);
      expect(alone.body.results[0]).toMatchObject({ status: 'conflict', kind: 'parentInUse' });
      const rows = (await pullAll(server.url)).rows.filter((x) => x.value?.segmentId === s.id || x.id === s.id);
      expect(rows.map((x) => x.deleted)).toEqual([false, false]);
    });

    test('contact numbers and codes are unique business keys', async () => {
      const no = `K${++nos}`;
      expect(
        (await push(server.url, [changeset([put('contacts', contact(newId(), no))])])).body.results[0].status,
      ).toBe('applied');
      const twin = await push(server.url, [changeset([put('contacts', contact(newId(), no))])]);
      expect(twin.body.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
      const both = await push(server.url, [
        changeset([
          put('mailingGroups', { id: newId(), code: 'MG', description: '', createdAt: 'x', updatedAt: 'x' }),
          put('mailingGroups', { id: newId(), code: 'MG', description: '', createdAt: 'x', updatedAt: 'x' }),
        ]),
      ]);
      expect(both.body.results[0].reason).toMatch(/used twice in one change/);
    });

    describe('bad input gets a 4xx with a reason and changes nothing', () => {
      const s = () => segment(newId(), segNo());
      const body = (changesets: unknown[], extra: Record<string, unknown> = {}) => ({
        schemaVersion: 1,
        clientId: 'c',
        changesets,
        ...extra,
      });
      const cases: [string, () => Parameters<typeof call>[2], number, RegExp][] = [
        [
          'a wrong type in a value',
          () => ({ body: body([changeset([put('segments', { ...s(), no: 42 })])]) }),
          400,
          /changes\.0 \(segments .*\): value\.no: must be text, got the number 42/,
        ],
        [
          'an unknown table',
          () => ({
            body: body([
              { id: newId(), changes: [{ table: 'users', id: 'x', op: 'put', value: { id: 'x' }, baseRev: 0 }] },
            ]),
          }),
          400,
          /table: is not a workspace table \("users"\)/,
        ],
        [
          'a revision the server never issued',
          () => ({ body: body([changeset([put('segments', s(), 10_000_000)])]) }),
          400,
          /baseRev: 10000000 is a revision the server never issued/,
        ],
        [
          "a value whose id is not the change's id",
          () => ({
            body: body([
              { id: newId(), changes: [{ table: 'segments', id: 'OTHER', op: 'put', value: s(), baseRev: 0 }] },
            ]),
          }),
          400,
          /value\.id: must equal the change's id OTHER/,
        ],
        [
          'an id with forbidden characters',
          () => ({ body: body([{ id: '../etc', changes: [] }]) }),
          400,
          /changesets\.0\.id: may hold only letters/,
        ],
        [
          'another schema version',
          () => ({ body: body([changeset([put('segments', s())])], { schemaVersion: 2 }) }),
          400,
          /schemaVersion: must be 1/,
        ],
        [
          'an unknown field',
          () => ({ body: body([changeset([put('segments', s())])], { admin: true }) }),
          400,
          /admin/,
        ],
        ['a body that is not JSON', () => ({ rawBody: '{"schemaVersion":1,' }), 400, /not JSON/],
        [
          'a body that is not declared JSON',
          () => ({ rawBody: '{}', headers: { 'content-type': 'text/plain' } }),
          415,
          /must be application\/json/,
        ],
        [
          'a cross-site caller',
          () => ({ body: body([changeset([put('segments', s())])]), headers: { origin: 'https://evil.example' } }),
          403,
          /origin https:\/\/evil\.example may not call this API/,
        ],
        ['a GET on push', () => ({ method: 'GET' }), 405, /use POST/],
      ];
      test.each(cases)('%s', async (_what, init, status, reason) => {
        const before = await lastRev();
        const r = await call(server.url, '/push', init());
        expect(r.status).toBe(status);
        expect(r.body.reason).toMatch(reason);
        expect(await lastRev()).toBe(before);
      });

      test('a body over the cap is refused with 413 (and large changesets travel in parts instead)', async () => {
        const capped = await start(await freshStorage(), { bodyCap: 10_000 });
        try {
          const lines = Array.from({ length: 40 }, (_, i) => put('segmentLines', line(newId(), 'X', 'X', i + 1, 'C')));
          const r = await call(capped.url, '/push', { body: body([changeset(lines)]) });
          expect(r.status).toBe(413);
          expect(r.body.reason).toMatch(/over the cap of 10000/);
          expect((await call(capped.url, '/status')).body.lastRev).toBe(0);
        } finally {
          await capped.close();
        }
      });

      test('bad pull parameters and unknown paths', async () => {
        expect(await call(server.url, '/pull?since=abc')).toMatchObject({
          status: 400,
          body: { reason: expect.stringMatching(/since must be a whole number/) },
        });
        expect(await call(server.url, '/pull?since=99999999')).toMatchObject({
          status: 410,
          body: { reason: expect.stringMatching(/beyond the server's last revision/) },
        });
        expect(await call(server.url, '/tables')).toMatchObject({
          status: 404,
          body: { reason: 'no such API: GET /api/v1/tables' },
        });
      });
    });

    test('a changeset in numbered parts is applied, once, when the last part arrives', async () => {
      const s = segment(newId(), segNo());
      const lines = Array.from({ length: 9 }, (_, i) =>
        put('segmentLines', line(newId(), s.id, s.no, (i + 1) * 10000, `C${i}`)),
      );
      const id = newId('CS');
      const parts = [[put('segments', s), ...lines.slice(0, 3)], lines.slice(3, 6), lines.slice(6)].map(
        (changes, i) => ({ id, changes, part: { no: i + 1, of: 3 } }),
      );
      const before = await lastRev();
      expect((await push(server.url, [parts[0]])).body.results[0]).toEqual({
        id,
        status: 'partial',
        received: 1,
        of: 3,
      });
      expect((await push(server.url, [parts[1]])).body.results[0]).toEqual({
        id,
        status: 'partial',
        received: 2,
        of: 3,
      });
      expect(await lastRev()).toBe(before);
      expect((await push(server.url, [parts[2]])).body.results[0]).toEqual({ id, status: 'applied', rev: before + 1 });
      expect((await push(server.url, [parts[2]])).body.results[0]).toEqual({
        id,
        status: 'duplicate',
        rev: before + 1,
      });
      const pulled = await call(server.url, `/pull?since=${before}`);
      expect(pulled.body.rows).toHaveLength(10);
    });

    test('pull pages keep changesets whole and come in revision order', async () => {
      const before = await lastRev();
      for (let i = 0; i < 5; i++) {
        const s = segment(newId(), segNo());
        await push(server.url, [
          changeset([
            put('segments', s),
            put('segmentLines', line(newId(), s.id, s.no, 10000, 'C')),
            put('segmentLines', line(newId(), s.id, s.no, 20000, 'C')),
          ]),
        ]);
      }
      const pages: any[] = [];
      let since = before;
      for (;;) {
        const r = await call(server.url, `/pull?since=${since}&limit=4`);
        pages.push(r.body);
        since = r.body.lastRev;
        if (!r.body.more) break;
      }
      const rows = pages.flatMap((p) => p.rows);
      expect(rows).toHaveLength(15);
      expect(rows.map((r) => r.rev)).toEqual([...rows.map((r) => r.rev)].sort((a, b) => a - b));
      for (const p of pages) expect(p.rows.filter((r: any) => r.rev === p.lastRev)).toHaveLength(3);
      expect(pages.length).toBe(3);
    });

    test('a pane may leave out the rows of revisions it pushed itself, except rows the server stamps with the user', async () => {
      const before = await lastRev();
      const own1 = segment(newId(), segNo());
      const a1 = await push(server.url, [
        changeset([
          put('segments', own1),
          put('segmentLines', line(newId(), own1.id, own1.no, 10000, 'C1')),
          put('segmentLines', line(newId(), own1.id, own1.no, 20000, 'C2')),
        ]),
      ]);
      const other = segment(newId(), segNo());
      await push(server.url, [changeset([put('segments', other)])]);
      const logged = loggedSegment(newId(), 900_000 + Math.floor(Math.random() * 90_000), segNo());
      const a2 = await push(server.url, [
        changeset([put('loggedSegments', logged), put('contacts', contact(newId(), `SK${newId()}`))]),
      ]);
      const revs = [a1.body.results[0].rev, a2.body.results[0].rev];
      expect(revs.every((r: number) => r > before)).toBe(true);

      const all = await call(server.url, `/pull?since=${before}`);
      expect(all.body.rows).toHaveLength(6);
      const left = await call(server.url, `/pull?since=${before}&skip=${revs.join(',')}`);
      expect(left.status).toBe(200);
      // The other pane's segment, and the logged segment (stamped with the user); the revisions still count as pulled.
      expect(left.body.rows.map((r: any) => [r.table, r.id]).sort()).toEqual(
        [
          ['loggedSegments', logged.id],
          ['segments', other.id],
        ].sort(),
      );
      expect(left.body).toMatchObject({ lastRev: all.body.lastRev, more: false });

      // In pages of one row: the same rows, and the last page reaches the last revision.
      const paged: any[] = [];
      let since = before;
      for (;;) {
        const skip = revs.filter((r: number) => r > since);
        const r = await call(server.url, `/pull?since=${since}&limit=1${skip.length ? `&skip=${skip.join(',')}` : ''}`);
        paged.push(...r.body.rows);
        since = r.body.lastRev;
        if (!r.body.more) break;
      }
      expect(paged.map((r) => r.id).sort()).toEqual(left.body.rows.map((r: any) => r.id).sort());
      expect(since).toBe(all.body.lastRev);

      expect(await call(server.url, `/pull?since=${before}&skip=1;2`)).toMatchObject({
        status: 400,
        body: { reason: expect.stringMatching(/skip must list at most 1,000 revisions separated by commas/) },
      });
      expect(await call(server.url, `/pull?since=${before}&skip=${before}`)).toMatchObject({
        status: 400,
        body: {
          reason: expect.stringMatching(new RegExp(`skip=${before} must name a revision after since=${before}`)),
        },
      });
    });

    test('the event stream says at once when something changed', async () => {
      const controller = new AbortController();
      const r = await fetch(`${server.url}/api/v1/events`, { signal: controller.signal });
      expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
      const events: number[] = [];
      let buffer = '';
      const next = async () => {
        for (;;) {
          const m = /data: (.*)\n\n/.exec(buffer);
          if (m) {
            buffer = buffer.slice(m.index + m[0].length);
            return JSON.parse(m[1]).rev as number;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += value;
        }
      };
      events.push(await next());
      expect(events[0]).toBe(await lastRev());
      const p = await push(server.url, [changeset([put('segments', segment(newId(), segNo()))])]);
      events.push(await next());
      expect(events[1]).toBe(p.body.results[0].rev);
      controller.abort();
    });

    test('with keys configured every call needs a key, and the user is stamped from the key', async () => {
      const keyed = await start(await freshStorage(), {
        users: makeUsers([
          { user: 'anna', key: 'anna-key-0123456789' },
          { user: 'marco', role: 'admin', key: 'marco-key-0123456789' },
        ]),
      });
      try {
        const logged = loggedSegment(newId(), 1, segNo(), 'marco');
        const cs = changeset([put('loggedSegments', logged)]);
        expect(await push(keyed.url, [cs])).toMatchObject({
          status: 401,
          body: { reason: expect.stringMatching(/personal key is required/) },
        });
        expect(await push(keyed.url, [cs], { key: 'guess-0123456789' })).toMatchObject({
          status: 401,
          body: { reason: expect.stringMatching(/not one of this server's keys/) },
        });
        expect((await call(keyed.url, '/pull?since=0')).status).toBe(401);
        expect((await call(keyed.url, '/events')).status).toBe(401);
        expect((await call(keyed.url, '/status', { key: 'anna-key-0123456789' })).body).toMatchObject({
          lastRev: 0,
          user: 'anna',
        });
        expect((await push(keyed.url, [cs], { key: 'anna-key-0123456789' })).body.results[0].status).toBe('applied');
        const rows = (await pullAll(keyed.url, 'anna-key-0123456789')).rows;
        expect(rows[0].value.userId).toBe('anna');
        // An edit by someone else (an admin: a member changes only their own, roles.test.ts) keeps the user who logged it.
        const edit = await push(
          keyed.url,
          [changeset([put('loggedSegments', { ...logged, canceled: true, userId: 'marco' }, rows[0].rev)])],
          { key: 'marco-key-0123456789' },
        );
        expect(edit.body.results[0].status).toBe('applied');
        const after = (await pullAll(keyed.url, 'marco-key-0123456789')).rows;
        expect(after[0].value).toMatchObject({ canceled: true, userId: 'anna' });
      } finally {
        await keyed.close();
      }
    });

    test('a pull page names the user who made each of its revisions, and only those; without users it names none', async () => {
      const keys = { luca: 'luca-key-0123456789', maria: 'maria-key-0123456789' };
      const keyed = await start(await freshStorage(), {
        users: makeUsers([
          { user: 'Luca', key: keys.luca },
          { user: 'Maria', key: keys.maria },
        ]),
      });
      try {
        const s = segment(newId(), segNo());
        const lines = [1, 2, 3].map((i) => line(newId(), s.id, s.no, i * 10000, `C${i}`));
        const byLuca = await push(
          keyed.url,
          [changeset([put('segments', s), ...lines.map((l) => put('segmentLines', l))])],
          {
            key: keys.luca,
          },
        );
        const r1 = byLuca.body.results[0].rev as number;
        const byMaria = await push(
          keyed.url,
          [changeset([put('segments', { ...s, description: 'Fiera Maria' }, r1)])],
          { key: keys.maria, clientId: 'client-b' },
        );
        const r2 = byMaria.body.results[0].rev as number;
        expect([r1, r2]).toEqual([1, 2]);

        const whole = await call(keyed.url, '/pull?since=0', { key: keys.luca });
        expect(whole.body.authors).toEqual({ 1: 'Luca', 2: 'Maria' });
        // A page of one revision names that one; a revision cut over several pages is named on each of them.
        expect((await call(keyed.url, '/pull?since=1', { key: keys.luca })).body.authors).toEqual({ 2: 'Maria' });
        const cut = await call(keyed.url, '/pull?since=0&maxBytes=1024', { key: keys.luca });
        expect(cut.body).toMatchObject({ next: { rev: 1 }, authors: { 1: 'Luca' } });
        const { rev, table, id } = cut.body.next;
        const rest = await call(keyed.url, `/pull?since=0&maxBytes=1024&after=${rev}:${table}:${id}`, {
          key: keys.luca,
        });
        expect(rest.body.rows.map((r: any) => r.rev)).toEqual([1]);
        expect(rest.body.authors).toEqual({ 1: 'Luca' });
        // Rows the pane left out (its own revision) bring no name.
        expect((await call(keyed.url, '/pull?since=0&skip=1', { key: keys.luca })).body.authors).toEqual({
          2: 'Maria',
        });
      } finally {
        await keyed.close();
      }
      // The suite's server has no users: its pages name no one.
      const before = await lastRev();
      await push(server.url, [changeset([put('segments', segment(newId(), segNo()))])]);
      const plain = await call(server.url, `/pull?since=${before}`);
      expect(plain.body.rows).toHaveLength(1);
      expect(plain.body).not.toHaveProperty('authors');
    });

    test("the users' names count in a pull page's size: pages stay within maxBytes, however long the names", async () => {
      // A name of 50 characters of 3 bytes each in UTF-8, on many small revisions.
      const name = 'マリア・グラツィア'.repeat(6).slice(0, 50);
      const key = 'long-name-key-0123456789';
      const keyed = await start(await freshStorage(), { users: makeUsers([{ user: name, key }]) });
      try {
        const sets = Array.from({ length: 150 }, () => changeset([put('segments', segment(newId(), segNo()))]));
        const pushed = await push(keyed.url, sets, { key });
        expect(pushed.body.results.every((r: any) => r.status === 'applied')).toBe(true);
        const maxBytes = 16 * 1024;
        let since = 0;
        const pages: { bytes: number; revs: number[]; authors: Record<string, string> }[] = [];
        for (;;) {
          const res = await fetch(`${keyed.url}/api/v1/pull?since=${since}&maxBytes=${maxBytes}`, {
            headers: { authorization: `Bearer ${key}` },
          });
          const text = await res.text();
          const body = JSON.parse(text);
          pages.push({ bytes: Buffer.byteLength(text), revs: body.rows.map((r: any) => r.rev), authors: body.authors });
          since = body.lastRev;
          if (!body.more) break;
        }
        expect(pages.length).toBeGreaterThan(2);
        expect(pages.flatMap((p) => p.revs)).toHaveLength(150);
        for (const p of pages) {
          expect(p.bytes).toBeLessThanOrEqual(maxBytes);
          expect(p.authors).toEqual(Object.fromEntries(p.revs.map((r) => [r, name])));
        }
      } finally {
        await keyed.close();
      }
    });

    test('without keys the server listens on loopback only', async () => {
      await expect(start(storage, { host: '0.0.0.0' })).rejects.toThrow(
        /refusing to listen on 0\.0\.0\.0 without keys/,
      );
    });

    describe('killed just before and just after committing a push, then restarted', () => {
      for (const when of ['beforeCommit', 'afterCommit'] as const) {
        test(`${when}: every changeset is applied exactly once`, async () => {
          const own = await newStorage();
          let armed = true;
          const crashing = await start(own, {
            faults: {
              [when]: () => {
                if (armed) {
                  armed = false;
                  throw new SimulatedCrash(`killed ${when}`);
                }
              },
            },
          });
          const s = segment(newId(), segNo());
          const lines = [1, 2].map((i) => put('segmentLines', line(newId(), s.id, s.no, i * 10000, 'C')));
          const batch = [changeset([put('segments', s)]), changeset(lines)];
          await expect(push(crashing.url, batch)).rejects.toThrow();
          await crashing.close();
          const restarted = await start(own);
          try {
            const afterCrash = (await call(restarted.url, '/status')).body.lastRev;
            expect(afterCrash).toBe(when === 'beforeCommit' ? 0 : 1);
            const retry = await push(restarted.url, batch);
            expect(retry.body.results.map((r: any) => r.status)).toEqual(
              when === 'beforeCommit' ? ['applied', 'applied'] : ['duplicate', 'applied'],
            );
            expect((await push(restarted.url, batch)).body.results.map((r: any) => r.status)).toEqual([
              'duplicate',
              'duplicate',
            ]);
            const { rows, lastRev: last } = await pullAll(restarted.url);
            expect(last).toBe(2);
            expect(rows.map((r) => r.id).sort()).toEqual([s.id, ...lines.map((l) => l.id)].sort());
          } finally {
            await restarted.close();
            await own.drop();
          }
        });
      }
    });
  });
}
