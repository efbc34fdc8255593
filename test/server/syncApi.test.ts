// The sync server against its default storage: PGlite in a data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverSuite } from './serverSuite';

serverSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-pglite-'));
  return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
