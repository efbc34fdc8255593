// No change lost on the server (issue 11), on its default storage: PGlite in a data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issue11Suite } from './issue11Suite';

issue11Suite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-pglite-'));
  return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
