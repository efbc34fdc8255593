#!/usr/bin/env node
// `npm start`: on Windows and Mac, sideload the add-in in desktop Excel/Word with office-addin-debugging,
// the pinned dev dependency in node_modules (never fetched at run time). On Linux, where it cannot
// sideload, start the add-in's server (src/server: the pane and the sync API) on port 3000 and say how to
// sideload in Office on the web.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.argv[2] ?? 'excel';
const desktop = process.platform === 'win32' || process.platform === 'darwin';
const debugging = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging',
);

if (desktop) {
  if (!existsSync(debugging)) {
    console.error(
      `office-addin-debugging is not installed (${debugging} is missing).\n` +
        'It is a dev dependency of the project: run `npm ci` (with dev dependencies) and `npm start` again.',
    );
    process.exit(1);
  }
  const child = spawn(debugging, ['start', 'manifest.xml', 'desktop', '--app', host], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`
The add-in is served at https://localhost:3000 (manifest: https://localhost:3000/manifest.xml), with the
shared workspace's API under https://localhost:3000/api/v1: the Excel and Word panes see the same segments.
To use it, sideload manifest.xml in Office on the web:
  Excel or Word on the web → Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → choose manifest.xml.
Your browser must trust the developer certificate: import ~/.office-addin-dev-certs/ca.crt as a trusted authority.
Outside Office, open https://localhost:3000/taskpane.html: the pane works on that browser's own data.
Stop with Ctrl+C or npm stop.
`);
  const child = spawn(process.execPath, ['scripts/serve.mjs'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
