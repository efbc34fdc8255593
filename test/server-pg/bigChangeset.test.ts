// The checks of a 10,000-row changeset on a real PostgreSQL started on loopback for the test.
import { afterAll, beforeAll } from 'vitest';
import { openSql } from '../../src/server/sql';
import { bigChangesetSuite } from '../server/bigChangesetSuite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

bigChangesetSuite('PostgreSQL', async () => openSql({ databaseUrl: cluster.createDatabase(`big_${process.pid}`) }));
