// The model-checked random test (issue 11) on PGlite: a few seeds with few actions each in the fast
// suite; SEGMENTS_MODEL_SEEDS=n and SEGMENTS_MODEL_ACTIONS=n for a long run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelCheckSuite } from './modelCheckSuite';

const seeds = Number(process.env.SEGMENTS_MODEL_SEEDS ?? 3);
const actions = Number(process.env.SEGMENTS_MODEL_ACTIONS ?? 45);

modelCheckSuite(
  'PGlite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segments-model-'));
    return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  { seeds: Array.from({ length: seeds }, (_, i) => 11 + i * 7919), actions },
);
