// A changeset in parts costs the same per MB (issue 11, finding 7), against a real PostgreSQL started on
// loopback for the test. A timing test: it runs in the system suites, with no other test file beside it.
import { afterAll, beforeAll } from 'vitest';
import { partsCostSuite } from '../server/partsCostSuite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

// The cost counts PostgreSQL's own processes with the server's: this process alone measured only the part
// of the work that moves the parts in and out of the database (1.14-1.19x per MB at 25 and 50 MB on a quiet
// machine), not the database's work on them.
partsCostSuite(
  'PostgreSQL',
  async () => {
    const name = `segments_parts_${process.pid}`;
    const url = cluster.createDatabase(name);
    return { options: { databaseUrl: url }, drop: async () => cluster.dropDatabase(name) };
  },
  () => cluster.cpuMs(),
);
