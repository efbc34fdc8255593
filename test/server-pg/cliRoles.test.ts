// The CLI from a fresh checkout with a real PostgreSQL (the README's team path): add-user creates .data,
// the server on PostgreSQL takes the keys it printed, enforces the roles and says who changed a row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultSetup } from '../../src/domain/setup';
import { call, changeset, newId, push, put, segment } from '../server/fixtures';
import { cli, serverProcess } from '../server/serverProcess';
import { startCluster, type Cluster } from './cluster';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let cluster: Cluster;
let checkout: string;
beforeAll(async () => {
  cluster = await startCluster();
  checkout = mkdtempSync(join(tmpdir(), 'segments-checkout-'));
});
afterAll(() => {
  cluster?.destroy();
  rmSync(checkout, { recursive: true, force: true });
});

const keyIn = (out: string) => /\n\n {2}(\S+)\n\n/.exec(out)?.[1] ?? '';

test('add-user on a fresh checkout with DATABASE_URL, then the server on PostgreSQL: keys work, a member is refused Setup, an admin is not, history names them', async () => {
  const DATABASE_URL = cluster.createDatabase('cli_roles');
  const env = { DATABASE_URL, SEGMENTS_USERS_FILE: join(checkout, '.data', 'users.json') };
  const anna = cli(['add-user', 'anna', '--admin'], env, checkout);
  const marco = cli(['add-user', 'marco'], env, checkout);
  expect([anna.status, marco.status, anna.stderr, marco.stderr]).toEqual([0, 0, '', '']);
  const server = await serverProcess({
    ...env,
    HOST: '127.0.0.1',
    SEGMENTS_DATA_DIR: join(checkout, '.data', 'unused'),
  });
  try {
    const annaKey = keyIn(anna.stdout);
    const marcoKey = keyIn(marco.stdout);
    expect((await call(server.url, '/status', { key: marcoKey })).body).toMatchObject({
      user: 'marco',
      role: 'member',
      storage: 'postgres',
    });
    const s = segment(newId(), 'P-1');
    expect((await push(server.url, [changeset([put('segments', s)])], { key: marcoKey })).body.results[0].status).toBe(
      'applied',
    );
    const setup = { ...defaultSetup, segmentNos: 'PG0001', updatedAt: '2026-11-29T10:00:00.000Z' };
    const refused = (await push(server.url, [changeset([put('setup', setup)])], { key: marcoKey })).body.results[0];
    expect(refused).toMatchObject({
      status: 'refused',
      reason: 'forbidden: only an administrator may change Setup (marco is a member)',
    });
    const applied = (await push(server.url, [changeset([put('setup', setup)])], { key: annaKey })).body.results[0];
    expect(applied.status).toBe('applied');
    const h = await call(server.url, '/history?table=setup&id=setup', { key: marcoKey });
    expect(h.body.entries.map((e: { user: string; rev: number }) => [e.user, e.rev])).toEqual([['anna', applied.rev]]);
    expect(
      (await call(server.url, `/history?table=segments&id=${s.id}`, { key: annaKey })).body.entries.map(
        (e: { user: string }) => e.user,
      ),
    ).toEqual(['marco']);
  } finally {
    await server.stop();
  }
});
