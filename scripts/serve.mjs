#!/usr/bin/env node
// `npm run dev-server` (and `npm start` on Linux): the add-in's server (src/server) on port 3000: the task
// pane through webpack's dev middleware and the sync API on one HTTPS origin. `-- --dist` serves the
// built files instead. Its process id is kept for `npm stop`.
import { spawn } from 'node:child_process';
import { writeFileSync, rmSync, mkdirSync } from 'node:fs';

mkdirSync('.data', { recursive: true });
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
writeFileSync('.data/server.pid', String(process.pid));
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync('.data/server.pid', { force: true });
  process.exit(code ?? 0);
});
