// Roles on the server (issue: any key holder could cancel and delete any logged segment and move the
// number series; who did it was kept only where nothing showed it). Each action × member / admin / no
// users, answered per changeset as `refused` with the rule; GET /history says who changed a row and when.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { forbiddenChange } from '../../src/server/roles';
import { fetchRowHistory } from '../../src/sync/rowHistory';
import { makeUsers } from '../../src/server/users';
import { defaultSetup } from '../../src/domain/setup';
import type { Change } from '../../src/domain/syncProtocol';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call, changeset, del, loggedSegment, newId, push, put, segment } from './fixtures';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const keys = {
  anna: 'anna-key-0123456789abcdef',
  marco: 'marco-key-0123456789abcdef',
  luca: 'luca-key-0123456789abcdef',
};
const at = '2026-11-29T10:00:00.000Z';
const code = (id: string, c: string) => ({ id, code: c, description: `Group ${c}`, createdAt: at, updatedAt: at });

let team: RunningServer;
let alone: RunningServer;
beforeAll(async () => {
  const o = await httpsOptions();
  const tls = { cert: o.cert, key: o.key };
  team = await startServer({
    tls,
    host: '127.0.0.1',
    users: makeUsers([
      { user: 'anna', role: 'admin', key: keys.anna },
      { user: 'marco', role: 'member', key: keys.marco },
      { user: 'luca', key: keys.luca },
    ]),
  });
  alone = await startServer({ tls });
});
afterAll(async () => {
  await team?.close();
  await alone?.close();
});

type Who = 'anna' | 'marco' | 'luca' | 'nobody';
async function pushAs(who: Who, changes: Change[]) {
  const server = who === 'nobody' ? alone : team;
  const r = await push(server.url, [changeset(changes)], { key: who === 'nobody' ? undefined : keys[who] });
  expect(r.status).toBe(200);
  return r.body.results[0] as { status: string; rev?: number; reason?: string };
}
const revOf = async (who: Who, changes: Change[]) => {
  const r = await pushAs(who, changes);
  expect(r, JSON.stringify(r)).toMatchObject({ status: 'applied' });
  return r.rev!;
};

/** Each action, set up by another member (`luca`, or `marco` for luca) where it needs an existing row, then tried by `who`. */
const actions: {
  name: string;
  memberMay: boolean;
  rule?: RegExp;
  run(who: Who): Promise<{ status: string; reason?: string }>;
}[] = [
  {
    name: 'create and edit a segment',
    memberMay: true,
    run: async (who) => {
      const s = segment(newId(), `R-${newId()}`);
      const rev = await revOf(who, [put('segments', s)]);
      return pushAs(who, [put('segments', { ...s, description: 'edited' }, rev)]);
    },
  },
  {
    name: 'log a segment (a logged segment of their own)',
    memberMay: true,
    run: (who) =>
      pushAs(who, [put('loggedSegments', loggedSegment(newId(), Math.floor(Math.random() * 1e9) + 1, `L-${newId()}`))]),
  },
  {
    name: 'cancel their own logged segment',
    memberMay: true,
    run: async (who) => {
      const l = loggedSegment(newId(), Math.floor(Math.random() * 1e9) + 1, `L-${newId()}`);
      const rev = await revOf(who, [put('loggedSegments', l)]);
      return pushAs(who, [put('loggedSegments', { ...l, userId: who, canceled: true }, rev)]);
    },
  },
  {
    name: "cancel another user's logged segment",
    memberMay: false,
    rule: /only an administrator may change another user's logged segment \d+ \(it belongs to luca; marco is a member\)/,
    run: async (who) => {
      const l = loggedSegment(newId(), Math.floor(Math.random() * 1e9) + 1, `L-${newId()}`);
      const owner = who === 'nobody' ? 'nobody' : who === 'luca' ? 'marco' : 'luca';
      const rev = await revOf(owner, [put('loggedSegments', l)]);
      return pushAs(who, [put('loggedSegments', { ...l, canceled: true }, rev)]);
    },
  },
  {
    name: 'delete a logged segment, even their own',
    memberMay: false,
    rule: /only an administrator may delete the logged segment \d+ \(marco is a member; a member may cancel their own\)/,
    run: async (who) => {
      const l = loggedSegment(newId(), Math.floor(Math.random() * 1e9) + 1, `L-${newId()}`);
      const rev = await revOf(who, [put('loggedSegments', l)]);
      return pushAs(who, [del('loggedSegments', l.id, rev)]);
    },
  },
  {
    name: 'change Setup',
    memberMay: false,
    rule: /only an administrator may change Setup \(marco is a member\)/,
    run: async (who) => {
      const base =
        (
          await call((who === 'nobody' ? alone : team).url, '/history?table=setup&id=setup', {
            key: who === 'nobody' ? undefined : keys[who],
          })
        ).body.entries.at(-1)?.rev ?? 0;
      return pushAs(who, [put('setup', { ...defaultSetup, segmentNos: 'SG0001', updatedAt: at }, base)]);
    },
  },
  {
    name: 'move a number series forward (creating a segment)',
    memberMay: true,
    run: async (who) => {
      const id = 'contact';
      const h = (
        await call((who === 'nobody' ? alone : team).url, `/history?table=series&id=${id}`, {
          key: who === 'nobody' ? undefined : keys[who],
        })
      ).body.entries;
      const rev = h.at(-1)?.rev ?? 0;
      return pushAs(who, [
        put('series', { id, lastNo: `CT${String(h.length + 10).padStart(5, '0')}`, updatedAt: at }, rev),
      ]);
    },
  },
  {
    name: 'move a number series back',
    memberMay: false,
    rule: /only an administrator may move the number series segment back \(SEG00100 → SEG00009; marco is a member\)/,
    run: async (who) => {
      const owner = who === 'nobody' ? 'nobody' : 'anna';
      const h = (
        await call((who === 'nobody' ? alone : team).url, '/history?table=series&id=segment', {
          key: owner === 'nobody' ? undefined : keys.anna,
        })
      ).body.entries;
      const rev = await revOf(owner, [
        put('series', { id: 'segment', lastNo: 'SEG00100', updatedAt: at }, h.at(-1)?.rev ?? 0),
      ]);
      return pushAs(who, [put('series', { id: 'segment', lastNo: 'SEG00009', updatedAt: at }, rev)]);
    },
  },
  {
    name: 'create a code',
    memberMay: true,
    run: (who) => pushAs(who, [put('mailingGroups', code(newId(), `M${Math.floor(Math.random() * 1e8)}`))]),
  },
  {
    name: 'rename a code',
    memberMay: false,
    rule: /only an administrator may rename the code M\d+ to X\d+/,
    run: async (who) => {
      const c = code(newId(), `M${Math.floor(Math.random() * 1e8)}`);
      const rev = await revOf(who, [put('mailingGroups', c)]);
      return pushAs(who, [put('mailingGroups', { ...c, code: `X${Math.floor(Math.random() * 1e8)}` }, rev)]);
    },
  },
  {
    name: 'delete a code',
    memberMay: false,
    rule: /only an administrator may delete the code M\d+/,
    run: async (who) => {
      const c = code(newId(), `M${Math.floor(Math.random() * 1e8)}`);
      const rev = await revOf(who, [put('mailingGroups', c)]);
      return pushAs(who, [del('mailingGroups', c.id, rev)]);
    },
  },
];

describe.each([
  ['marco, a member', 'marco'],
  ['luca, a member by default (no role in the file)', 'luca'],
  ['anna, an admin', 'anna'],
  ['nobody (no users configured, loopback)', 'nobody'],
] as const)('%s', (_label, who) => {
  test.each(actions.map((a) => [a.name, a] as const))('%s', async (_name, a) => {
    const r = await a.run(who);
    const member = who === 'marco' || who === 'luca';
    if (!member || a.memberMay) {
      expect(r, JSON.stringify(r)).toMatchObject({ status: 'applied' });
    } else {
      expect(r.status).toBe('refused');
      expect(r.reason).toMatch(/^forbidden: only an administrator may /);
      if (who === 'marco') expect(r.reason).toMatch(a.rule!);
    }
  });
});

test('a refused changeset writes nothing; the pushes before it stay', async () => {
  const l = loggedSegment(newId(), 515151, `R-${newId()}`);
  const s = segment(newId(), `R-${newId()}`);
  const r = await push(
    team.url,
    [
      changeset([put('loggedSegments', l)]),
      changeset([put('segments', s), del('loggedSegments', l.id, 0)]),
      changeset([put('segments', segment(newId(), `R-${newId()}`))]),
    ],
    { key: keys.marco },
  );
  expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['applied', 'refused']);
  expect(
    (await call(team.url, `/history?table=loggedSegments&id=${l.id}`, { key: keys.marco })).body.entries,
  ).toHaveLength(1);
  expect((await call(team.url, `/history?table=segments&id=${s.id}`, { key: keys.marco })).body.entries).toHaveLength(
    0,
  );
});

test("an entry's letter is someone else's: a member may not change it; the status names the role", async () => {
  const entry = { id: 'E1', entryNo: 7, userId: 'luca', letter: '<w:p/>', canceled: false };
  const change: Change = {
    table: 'interactionLog',
    id: 'E1',
    op: 'put',
    value: { ...entry, letter: '<w:p>new</w:p>' },
    baseRev: 1,
  };
  expect(forbiddenChange({ userId: 'marco', role: 'member' }, change, entry)).toMatch(
    /another user's interaction log entry 7 or its letter \(it belongs to luca/,
  );
  expect(forbiddenChange({ userId: 'luca', role: 'member' }, change, entry)).toBeUndefined();
  expect(forbiddenChange({ userId: 'anna', role: 'admin' }, change, entry)).toBeUndefined();
  expect(forbiddenChange({}, change, entry)).toBeUndefined();
  expect((await call(team.url, '/status', { key: keys.marco })).body).toMatchObject({ user: 'marco', role: 'member' });
  expect((await call(team.url, '/status', { key: keys.anna })).body).toMatchObject({ user: 'anna', role: 'admin' });
  expect((await call(alone.url, '/status')).body).toMatchObject({ user: null, role: null });
});

test('GET /history says who changed a row and when, oldest first; bad parameters are refused naming them', async () => {
  const l = loggedSegment(newId(), 424242, `H-${newId()}`);
  const t0 = Date.now();
  const rev1 = await revOf('marco', [put('loggedSegments', l)]);
  const rev2 = await revOf('anna', [put('loggedSegments', { ...l, userId: 'marco', canceled: true }, rev1)]);
  const rev3 = await revOf('anna', [del('loggedSegments', l.id, rev2)]);
  const h = await call(team.url, `/history?table=loggedSegments&id=${l.id}`, { key: keys.luca });
  expect(h.status).toBe(200);
  expect(h.body).toMatchObject({ table: 'loggedSegments', id: l.id });
  expect(h.body.entries.map((e: { rev: number; op: string; user: string }) => [e.rev, e.op, e.user])).toEqual([
    [rev1, 'put', 'marco'],
    [rev2, 'put', 'anna'],
    [rev3, 'delete', 'anna'],
  ]);
  for (const e of h.body.entries) expect(Math.abs(Date.parse(e.at) - t0)).toBeLessThan(60_000);
  // The pane's client function reads the same, validated.
  expect(await fetchRowHistory({ serverUrl: team.url, key: keys.luca }, 'loggedSegments', l.id)).toEqual(h.body);
  await expect(fetchRowHistory({ serverUrl: team.url }, 'loggedSegments', l.id)).rejects.toThrow(
    /history of loggedSegments .*: 401 a personal key is required/,
  );
  expect((await call(team.url, `/history?table=loggedSegments&id=${l.id}`)).status).toBe(401);
  const bad = await call(team.url, '/history?table=users&id=x', { key: keys.luca });
  expect(bad).toMatchObject({
    status: 400,
    body: { reason: expect.stringMatching(/^table must be one of the workspace tables .* got "users"/) },
  });
  expect((await call(team.url, '/history?table=segments&id=a%20b', { key: keys.luca })).body.reason).toMatch(
    /^id must be a row id/,
  );
});
