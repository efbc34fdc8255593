// The schema's upgrade from version 3 on a real PostgreSQL started on loopback for the test.
import { afterAll, beforeAll } from 'vitest';
import { migrationSuite } from '../server/migrationSuite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
let dbs = 0;

beforeAll(async () => {
  cluster = await startCluster();
}, 300_000);
afterAll(() => cluster?.destroy());

migrationSuite('PostgreSQL', async () => {
  const name = `segments_migrate_${process.pid}_${++dbs}`;
  const databaseUrl = cluster.createDatabase(name);
  return { options: { databaseUrl }, drop: async () => cluster.dropDatabase(name) };
});
