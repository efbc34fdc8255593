#!/usr/bin/env node
// `npm run build [-- --url https://segments.example.lan:3000]` (or SEGMENTS_URL): the task pane into
// dist/, the server into dist/server/main.js (runs with production dependencies only), and
// dist/manifest.xml for that deployment (every URL, the AppDomain, its own Id and Version), validated
// against the add-in schemas. Without a URL the manifest stays the developer's localhost one.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deploymentManifest, manifestVersion } from './deploy-manifest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const url = arg('--url') ?? process.env.SEGMENTS_URL;
const build = Number(arg('--build') ?? process.env.SEGMENTS_BUILD_NUMBER ?? 0);

const webpack = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'webpack.cmd' : 'webpack');
function run(what, cmd, cmdArgs) {
  console.log(`▶ ${what}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`✘ ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

let manifest;
if (url) {
  try {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    manifest = deploymentManifest(readFileSync(join(root, 'manifest.xml'), 'utf8'), url, {
      version: manifestVersion(version, build),
    });
  } catch (e) {
    console.error(`✘ ${e.message}`);
    process.exit(2);
  }
}

run('the task pane (dist/)', webpack, ['--mode', 'production']);
run('the server (dist/server/main.js)', webpack, ['--config', 'webpack.server.config.js']);
if (manifest) writeFileSync(join(root, 'dist', 'manifest.xml'), manifest);
run(`dist/manifest.xml${url ? ` for ${url}` : ''}`, process.execPath, [
  'scripts/validate-manifest.mjs',
  'dist/manifest.xml',
]);
console.log(
  `\nBuilt. Run the server with production dependencies only:\n  npm ci --omit=dev && node dist/server/main.js\n${url ? `Sideload dist/manifest.xml; the add-in loads from ${url}.` : 'dist/manifest.xml names https://localhost:3000 (give --url for a deployment).'}`,
);
