#!/usr/bin/env node
// `npm stop`: undo `npm start`. Desktop: office-addin-debugging stop (unregisters the sideloaded
// manifest). Linux: stop the server started by npm start.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

if (process.platform === 'win32' || process.platform === 'darwin') {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const r = spawnSync(npx, ['--yes', 'office-addin-debugging@6', 'stop', 'manifest.xml'], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}
if (!existsSync('.data/server.pid')) {
  console.log('No server started by npm start is running.');
  process.exit(0);
}
const pid = Number(readFileSync('.data/server.pid', 'utf8'));
try {
  process.kill(pid, 'SIGTERM');
  console.log(`Stopped the server (process ${pid}).`);
} catch {
  console.log('The server had already stopped.');
}
rmSync('.data/server.pid', { force: true });
