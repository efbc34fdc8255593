// The schema's upgrade from version 3 on the server's default storage: PGlite in a data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationSuite } from './migrationSuite';

migrationSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-migrate-'));
  return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
