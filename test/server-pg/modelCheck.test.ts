// The model-checked random test (issue 11) against a real PostgreSQL started on loopback for the test.
import { afterAll, beforeAll } from 'vitest';
import { modelCheckSuite } from '../sync/modelCheckSuite';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
let dbs = 0;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => cluster?.destroy());

modelCheckSuite(
  'PostgreSQL',
  async () => {
    const name = `segments_model_${process.pid}_${++dbs}`;
    const url = cluster.createDatabase(name);
    return { options: { databaseUrl: url }, drop: async () => cluster.dropDatabase(name) };
  },
  { seeds: [101, 202], actions: Number(process.env.SEGMENTS_MODEL_ACTIONS ?? 300) },
);
