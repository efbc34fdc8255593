// Issue 11, findings 1 to 3, against a real PostgreSQL started on loopback for the test.
import { afterAll, beforeAll } from 'vitest';
import { replayByIdSuite } from '../sync/replaySuite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

replayByIdSuite('PostgreSQL', async () => {
  const name = `segments_replay_${process.pid}`;
  const url = cluster.createDatabase(name);
  return {
    options: { databaseUrl: url },
    drop: async () => cluster.dropDatabase(name),
  };
});
