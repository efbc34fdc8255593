#!/usr/bin/env node
// `npm test` (fast: needs only npm packages) and `npm run test:all` (adds the suites that need system
// packages: Chromium, LibreOffice, PostgreSQL). Each step runs in turn; the run ends with one line
// "tests: N passed, N failed" that counts every vitest test and every check step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemRequirements } from './system-requirements.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const all = process.argv.includes('--all');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, opts = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function vitest(name, config, report) {
  const json = join(out, report);
  const ok = step(name, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ]);
  if (existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numFailedTests > 0 || !ok) failures.push(name);
    if (!ok && r.numFailedTests === 0) failed++; // a suite that failed to load
  } else {
    failed++;
    failures.push(name);
  }
}

check('type check', 'npx', ['tsc', '-p', '.']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format (Prettier)', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
check('manifest', 'node', ['scripts/validate-manifest.mjs']);
// The task pane's first load (gzip) must stay within bench/first-load-budget.json (a production build).
check('first-load budget', 'npx', ['tsx', 'bench/firstLoad.ts', '--budget']);
vitest('unit, store, office and ui suites', 'vitest.config.ts', 'vitest-fast.json');

if (all) {
  const missing = systemRequirements().filter((r) => !r.present);
  if (missing.length) {
    console.error('\nThese system packages are missing for the full suite:');
    for (const m of missing) console.error(`- ${m.what}: ${m.install}`);
    console.error('On Debian/Ubuntu: bash scripts/install-test-deps.sh');
    failed += missing.length;
    failures.push(...missing.map((m) => `missing ${m.what}`));
  } else {
    vitest('system suites (browser, documents, PostgreSQL)', 'vitest.system.config.ts', 'vitest-system.json');
  }
  // The production build installed with --omit=dev in a temporary folder: the server starts and answers.
  check('production install (npm ci --omit=dev, node dist/server/main.js)', 'node', ['scripts/check-prod-install.mjs']);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
