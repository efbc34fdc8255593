#!/usr/bin/env node
// Development server: webpack's HTTPS dev server on port 3000, its process id kept for `npm stop`.
import { spawn } from 'node:child_process';
import { writeFileSync, rmSync, mkdirSync } from 'node:fs';

mkdirSync('.data', { recursive: true });
const child = spawn(process.execPath, ['node_modules/webpack-cli/bin/cli.js', 'serve', '--mode', 'development'], { stdio: 'inherit' });
writeFileSync('.data/server.pid', String(process.pid));
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync('.data/server.pid', { force: true });
  process.exit(code ?? 0);
});
