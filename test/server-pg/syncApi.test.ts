// The same server suite against a real PostgreSQL started on loopback for the test, plus the database
// restarted under the running server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { serverSuite } from '../server/serverSuite';
import { call, changeset, newId, push, put, segment } from '../server/fixtures';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
let dbs = 0;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

serverSuite('PostgreSQL', async () => {
  const name = `segments_${process.pid}_${++dbs}`;
  const url = cluster.createDatabase(name);
  return { options: { databaseUrl: url }, drop: async () => cluster.dropDatabase(name) };
});

test('the database restarted under the running server: a push while it is down gets 503, the next one after it is back applies', async () => {
  const url = cluster.createDatabase('restart_under');
  const o = await httpsOptions();
  const server = await startServer({ databaseUrl: url, tls: { cert: o.cert, key: o.key } });
  try {
    const first = await push(server.url, [changeset([put('segments', segment(newId(), 'R1'))])]);
    expect(first.body.results[0].status).toBe('applied');
    cluster.stop();
    const down = await push(server.url, [changeset([put('segments', segment(newId(), 'R2'))])]);
    expect(down.status).toBe(503);
    expect(down.body.reason).toMatch(/could not complete/);
    cluster.start();
    const s = segment(newId(), 'R3');
    const cs = changeset([put('segments', s)]);
    const again = await push(server.url, [cs]);
    expect(again.body.results[0]).toMatchObject({ status: 'applied', rev: 2 });
    expect((await call(server.url, '/status')).body.lastRev).toBe(2);
  } finally {
    await server.close();
    cluster.dropDatabase('restart_under');
  }
});
