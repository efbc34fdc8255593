// The server's side of "the shared workspace never loses a change silently", one scenario per finding,
// written once and run against PGlite (test/server) and a real PostgreSQL (test/server-pg).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { migrate } from '../../src/server/migrations';
import { openSql } from '../../src/server/sql';
import { SyncService } from '../../src/server/syncService';
import { packChangesets } from '../../src/sync/packing';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call, changeset, contact, del, line, newId, pullAll, push, put, segment } from './fixtures';
import type { SyncTable } from '../../src/domain/syncProtocol';
import type { Storage } from './serverSuite';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let nos = 0;
const segNo = () => `N${process.pid % 1000}-${++nos}`;

export function issue11Suite(label: string, newStorage: () => Promise<Storage>): void {
  describe(`no change lost on the server (${label})`, () => {
    let tls: { cert: Buffer; key: Buffer };
    let storage: Storage;
    let server: RunningServer;
    const others: { storage: Storage; server?: RunningServer }[] = [];
    /** A server of its own, on a database of its own (for figures and caps that must not mix). */
    const ownServer = async (extra: Parameters<typeof startServer>[0] extends infer O ? Partial<O> : never = {}) => {
      const s = await newStorage();
      const entry: { storage: Storage; server?: RunningServer } = { storage: s };
      others.push(entry);
      entry.server = await startServer({ ...s.options, tls, ...extra });
      return { server: entry.server, storage: s };
    };

    beforeAll(async () => {
      const o = await httpsOptions();
      tls = { cert: o.cert, key: o.key };
      storage = await newStorage();
      server = await startServer({ ...storage.options, tls });
    });
    afterAll(async () => {
      await server?.close();
      await storage?.drop();
      for (const o of others) {
        await o.server?.close();
        await o.storage.drop();
      }
    });

    const lastRev = async (url = server.url) => (await call(url, '/status')).body.lastRev as number;
    const rowOf = async (table: string, id: string) =>
      (await pullAll(server.url)).rows.find((r) => r.table === table && r.id === id);

    describe('finding 4: a retried push never overwrites a newer change', () => {
      test('the first changeset was applied but its answer lost; B renamed meanwhile: the retry answers duplicate, then conflict, and B keeps the name', async () => {
        const s = segment(newId(), segNo(), { description: 'Christmas letter' });
        const base = (await push(server.url, [changeset([put('segments', s)])], { clientId: 'pane-a' })).body.results[0]
          .rev;
        const first = changeset([put('segments', { ...s, description: 'A: first edit' }, base)]);
        expect((await push(server.url, [first], { clientId: 'pane-a' })).body.results[0].status).toBe('applied'); // the answer is lost
        const applied = (await rowOf('segments', s.id))!.rev;
        expect(
          (
            await push(server.url, [changeset([put('segments', { ...s, description: 'B: renamed' }, applied)])], {
              clientId: 'pane-b',
            })
          ).body.results[0].status,
        ).toBe('applied');
        const second = changeset([put('segments', { ...s, description: 'A: second edit' }, base)]);
        const retry = await push(server.url, [first, second], { clientId: 'pane-a' });
        expect(retry.status).toBe(200);
        expect(retry.body.results.map((r: any) => r.status)).toEqual(['duplicate', 'conflict']);
        expect(retry.body.results[1]).toMatchObject({
          kind: 'stale',
          rows: [expect.objectContaining({ value: expect.objectContaining({ description: 'B: renamed' }) })],
        });
        expect((await rowOf('segments', s.id))!.value.description).toBe('B: renamed');
      });

      test('the same with B deleting the segment: the retry cannot bring it back with a line', async () => {
        const s = segment(newId(), segNo());
        const base = (await push(server.url, [changeset([put('segments', s)])], { clientId: 'pane-a' })).body.results[0]
          .rev;
        const first = changeset([put('segments', { ...s, description: 'A: edited' }, base)]);
        const applied = (await push(server.url, [first], { clientId: 'pane-a' })).body.results[0].rev;
        expect(
          (await push(server.url, [changeset([del('segments', s.id, applied)])], { clientId: 'pane-b' })).body
            .results[0].status,
        ).toBe('applied');
        const second = changeset([
          put('segments', { ...s, description: 'A: edited' }, base),
          put('segmentLines', line(newId(), s.id, s.no, 10000, 'C1')),
        ]);
        const retry = await push(server.url, [first, second], { clientId: 'pane-a' });
        expect(retry.body.results.map((r: any) => r.status)).toEqual(['duplicate', 'conflict']);
        expect((await rowOf('segments', s.id))!.deleted).toBe(true);
        expect((await pullAll(server.url)).rows.filter((r) => r.value?.segmentId === s.id)).toEqual([]);
      });

      test('changesets of one push still build on each other, but only while the row is at the revision the push wrote', async () => {
        const s = segment(newId(), segNo());
        const base = (await push(server.url, [changeset([put('segments', s)])])).body.results[0].rev;
        const r = await push(server.url, [
          changeset([put('segments', { ...s, description: 'one' }, base)]),
          changeset([put('segments', { ...s, description: 'two' }, base)]),
        ]);
        expect(r.body.results.map((x: any) => x.status)).toEqual(['applied', 'applied']);
        expect((await rowOf('segments', s.id))!.value.description).toBe('two');
      });
    });

    describe('finding 5: an action that chose rows by reading others is refused as stale when they changed', () => {
      /** P102 in Roma, P300 in Napoli, and a segment; all at the revision pane A last pulled. */
      async function romaAndNapoli() {
        const p102 = { ...contact(newId(), `P102-${++nos}`), city: 'Roma' };
        const p300 = { ...contact(newId(), `P300-${nos}`), city: 'Napoli' };
        const s = segment(newId(), segNo());
        await push(server.url, [changeset([put('contacts', p102), put('contacts', p300), put('segments', s)])], {
          clientId: 'pane-a',
        });
        const r = await rowOf('contacts', p102.id);
        return { p102, p300, s, pulled: r!.rev };
      }
      const addContacts = (
        s: ReturnType<typeof segment>,
        contactNo: string,
        pulled: number,
        tables: SyncTable[] = ['contacts', 'interactionLog'],
        segmentRev = pulled,
      ) => ({
        ...changeset([
          put('segments', { ...s, updatedAt: 'x' }, segmentRev),
          put('segmentLines', line(newId(), s.id, s.no, 10000, contactNo)),
        ]),
        action: {
          name: 'segments.addContacts',
          args: [s.id, { contact: { city: 'Roma' } }, {}],
          at: '2026-11-29T10:00:00.000Z',
          ids: [],
        },
        read: { rev: pulled, tables },
      });

      test("B moved P102 to Napoli and P300 to Roma after A last pulled: A's Add Contacts (City = Roma) is stale and nothing of it is written", async () => {
        const { p102, p300, s, pulled } = await romaAndNapoli();
        await push(
          server.url,
          [
            changeset([
              put('contacts', { ...p102, city: 'Napoli' }, pulled),
              put('contacts', { ...p300, city: 'Roma' }, pulled),
            ]),
          ],
          { clientId: 'pane-b' },
        );
        const before = await lastRev();
        const r = await push(server.url, [addContacts(s, p102.no, pulled)], { clientId: 'pane-a' });
        expect(r.status).toBe(200);
        expect(r.body.results[0]).toMatchObject({
          status: 'stale',
          table: 'contacts',
          rev: before,
          reason: expect.stringMatching(/segments\.addContacts read contacts as of revision \d+/),
        });
        expect(await lastRev()).toBe(before);
        // Replayed on what the server holds now, it goes through.
        const again = await push(server.url, [addContacts(s, p300.no, before, undefined, pulled)], {
          clientId: 'pane-a',
        });
        expect(again.body.results[0].status).toBe('applied');
      });

      test('the tables come from the one declared map even when the pane names none', async () => {
        const { p102, s, pulled } = await romaAndNapoli();
        await push(server.url, [changeset([put('contacts', { ...p102, city: 'Napoli' }, pulled)])], {
          clientId: 'pane-b',
        });
        const r = await push(server.url, [addContacts(s, p102.no, pulled, [])], { clientId: 'pane-a' });
        expect(r.body.results[0].status).toBe('stale');
      });

      test("the pane's own writes after the revision it pulled, and tables it did not read, do not make it stale", async () => {
        const { p102, s, pulled } = await romaAndNapoli();
        const own = await push(server.url, [changeset([put('contacts', { ...p102, name: 'Renamed by A' }, pulled)])], {
          clientId: 'pane-a',
        });
        expect(own.body.results[0].status).toBe('applied');
        await push(
          server.url,
          [
            changeset([
              put('industryGroups', { id: newId(), code: `IG${nos}`, description: '', createdAt: 'x', updatedAt: 'x' }),
            ]),
          ],
          { clientId: 'pane-b' },
        );
        const r = await push(server.url, [addContacts(s, p102.no, pulled)], { clientId: 'pane-a' });
        expect(r.body.results[0].status).toBe('applied');
      });
    });

    describe('finding 6: one text rule on every stored string; a data error is a 4xx naming table, id and field, never a 5xx', () => {
      const cases: [string, string][] = [
        ['a NUL', 'a\u0000b'],
        ['a lone surrogate', 'caf\ud800'],
        ['a control character', 'bell\u0007'],
      ];
      test.each(cases)(
        '%s in an extra field of a contact is refused with 422 and changes nothing',
        async (_what, bad) => {
          const c = { ...contact(newId(), `X${++nos}`), extra: { Note: bad } };
          const before = await lastRev();
          const r = await push(server.url, [changeset([put('contacts', c)])]);
          expect(r.status).toBe(422);
          expect(r.body.reason).toContain(`contacts ${c.id}, field extra.Note:`);
          expect(await lastRev()).toBe(before);
        },
      );

      test('the same in a recorded action argument; tabs and line breaks are text like any other', async () => {
        const before = await lastRev();
        const cs = {
          ...changeset([
            put('contacts', {
              ...contact(newId(), `X${++nos}`),
              name: 'Tab\there',
              extra: { Note: 'line 1\r\nline 2' },
            }),
          ]),
          action: { name: 'contacts.upsert', args: [[{ no: 'X', name: 'a\u0000' }]], at: 'x', ids: [] },
        };
        const r = await push(server.url, [cs]);
        expect(r.status).toBe(422);
        expect(r.body.reason).toMatch(/action \(contacts\.upsert\): field args\.0\.0\.name holds a NUL/);
        expect(await lastRev()).toBe(before);
        const fine = await push(server.url, [{ ...cs, action: { ...cs.action, args: [] } }]);
        expect(fine.body.results[0].status).toBe('applied');
      });
    });

    describe('finding 7: pages and parts by bytes', () => {
      // The full-size pull (200 entries with 3.6 MB letters) runs in the system suite: test/server-pg/bigLetters.test.ts.
      test('a changeset larger than a page is pulled in several pages that name where the next one starts, and comes whole', async () => {
        const { server: capped } = await ownServer({ bodyCap: 64 * 1024 });
        const s = segment(newId(), segNo());
        const lines = Array.from({ length: 600 }, (_, i) =>
          put('segmentLines', line(newId(), s.id, s.no, (i + 1) * 100, `C${i}`)),
        );
        for (const body of packChangesets([{ id: newId('CS'), changes: [put('segments', s), ...lines] }], 64 * 1024)) {
          const r = await push(capped.url, body);
          expect(r.status).toBe(200);
        }
        const small = segment(newId(), segNo());
        await push(capped.url, [changeset([put('segments', small)])]);
        const rows: any[] = [];
        let since = 0;
        let after = '';
        let pages = 0;
        for (;;) {
          const r = await call(capped.url, `/pull?since=${since}${after}`);
          pages++;
          rows.push(...r.body.rows);
          if (r.body.next) {
            expect(r.body.lastRev).toBe(since);
            after = `&after=${r.body.next.rev}:${r.body.next.table}:${r.body.next.id}`;
            continue;
          }
          after = '';
          since = r.body.lastRev;
          if (!r.body.more) break;
        }
        expect(pages).toBeGreaterThan(2);
        expect(rows).toHaveLength(602);
        expect(new Set(rows.map((r) => r.id)).size).toBe(602);
        expect(since).toBe(2);
      });

      test('parts of an upload that stopped expire after the time set (one hour unless told)', async () => {
        const sql = await openSql(storage.options);
        let clock = 1_000_000;
        const service = new SyncService(sql, {}, { partsTtlMs: 60_000, now: () => clock });
        try {
          await migrate(sql);
          const s = segment(newId(), segNo());
          const abandoned = { id: newId('CS'), changes: [put('segments', s)], part: { no: 1, of: 2 } };
          expect(
            (await service.push({ schemaVersion: 1, clientId: 'gone', changesets: [abandoned] })).results[0].status,
          ).toBe('partial');
          clock += 30_000;
          const other = {
            id: newId('CS'),
            changes: [put('segments', segment(newId(), segNo()))],
            part: { no: 1, of: 2 },
          };
          await service.push({ schemaVersion: 1, clientId: 'live', changesets: [other] });
          const held = async (id: string) =>
            Number(
              (await sql.query<{ n: number }>('select count(*) as n from sync_parts where changeset_id = $1', [id]))[0]
                .n,
            );
          expect(await held(abandoned.id)).toBe(1);
          clock += 31_000;
          await service.push({
            schemaVersion: 1,
            clientId: 'live',
            changesets: [{ ...other, part: { no: 1, of: 2 } }],
          });
          expect(await held(abandoned.id)).toBe(0);
          expect(await held(other.id)).toBe(1);
        } finally {
          await sql.close();
        }
      });
    });

    describe("finding 8: a push's answer is the truth", () => {
      test('a good changeset and then one naming a segment that never existed: 200, the first applied, the second refused with its reason', async () => {
        const before = await lastRev();
        const good = changeset([put('segments', segment(newId(), segNo()))]);
        const orphan = changeset([put('segmentLines', line(newId(), 'NOSUCHSEGMENT', 'X', 10000, 'C1'))]);
        const later = changeset([put('segments', segment(newId(), segNo()))]);
        const r = await push(server.url, [good, orphan, later]);
        expect(r.status).toBe(200);
        expect(r.body.results).toEqual([
          { id: good.id, status: 'applied', rev: before + 1 },
          {
            id: orphan.id,
            status: 'refused',
            reason: 'segments NOSUCHSEGMENT does not exist: rows that belong to it cannot be written',
          },
        ]);
        expect(await lastRev()).toBe(before + 1);
        expect(r.body.lastRev).toBe(before + 1);
      });

      test('a 4xx means nothing of the push was committed, not even the good changeset before the bad one', async () => {
        const before = await lastRev();
        const good = changeset([put('segments', segment(newId(), segNo()))]);
        const bad = changeset([put('contacts', { ...contact(newId(), `X${++nos}`), extra: { Note: '\u0000' } })]);
        const r = await push(server.url, [good, bad]);
        expect(r.status).toBe(422);
        expect(await lastRev()).toBe(before);
      });
    });

    test('finding 9: the server stores what the schema returns: unknown fields never reach another pane', async () => {
      const s = { ...segment(newId(), segNo()), isAdmin: true, note: 'x'.repeat(1000) };
      expect((await push(server.url, [changeset([put('segments', s)])])).body.results[0].status).toBe('applied');
      const row = await rowOf('segments', s.id);
      expect(row!.value).not.toHaveProperty('isAdmin');
      expect(row!.value).not.toHaveProperty('note');
      expect(row!.value.description).toBe(s.description);
    });
  });
}
