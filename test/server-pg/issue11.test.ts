// No change lost on the server (issue 11), against a real PostgreSQL started on loopback for the test.
import { afterAll, beforeAll } from 'vitest';
import { issue11Suite } from '../server/issue11Suite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
let dbs = 0;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

issue11Suite('PostgreSQL', async () => {
  const name = `segments_i11_${process.pid}_${++dbs}`;
  const url = cluster.createDatabase(name);
  return { options: { databaseUrl: url }, drop: async () => cluster.dropDatabase(name) };
});
