// A changeset in parts costs the same per MB (issue 11, finding 7), on the server's default storage:
// PGlite in a data folder. A timing test: it runs in the system suites, with no other test file beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partsCostSuite } from './partsCostSuite';

partsCostSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-pglite-'));
  return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
