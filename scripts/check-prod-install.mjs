#!/usr/bin/env node
// The production install, as a team would make it: the built add-in (dist/, with dist/server/main.js)
// and the lock file copied to a temporary folder, `npm ci --omit=dev` there (no tsx, no webpack), the
// server started with `node dist/server/main.js`; it must answer /api/v1/status. Needs `npm run build`
// first (run here unless SEGMENTS_SKIP_BUILD=1 and dist/server exists).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpsOptions, certDir } from './certs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(msg) {
  console.error(`✘ production install: ${msg}`);
  process.exit(1);
}

if (process.env.SEGMENTS_SKIP_BUILD !== '1' || !existsSync(join(root, 'dist', 'server', 'main.js'))) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) fail('the build failed');
}

const dir = mkdtempSync(join(tmpdir(), 'segments-prod-'));
let server;
const cleanup = () => {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);

for (const f of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(root, f), join(dir, f));
cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
console.log(`▶ npm ci --omit=dev in ${dir}`);
const ci = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: dir,
  stdio: 'inherit',
});
if (ci.status !== 0) fail('npm ci --omit=dev failed');
for (const dev of ['tsx', 'typescript', 'vitest']) {
  if (existsSync(join(dir, 'node_modules', dev)))
    fail(`${dev} (a dev dependency) was installed: the check would prove nothing`);
}

await httpsOptions(); // the developer certificate stands in for the team's own
const port = 30_000 + Math.floor(Math.random() * 20_000);
server = spawn(process.execPath, ['dist/server/main.js'], {
  cwd: dir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'production',
    SEGMENTS_DATA_DIR: join(dir, 'data'),
    SEGMENTS_USERS_FILE: join(dir, 'users.json'),
    SEGMENTS_TLS_CERT: join(certDir, 'localhost.crt'),
    SEGMENTS_TLS_KEY: join(certDir, 'localhost.key'),
  },
});
server.on('exit', (code) => {
  if (!answered) fail(`the server stopped (exit ${code}) before it answered`);
});

let answered = false;
const status = () =>
  new Promise((res) => {
    const req = request(
      { host: 'localhost', port, path: '/api/v1/status', rejectUnauthorized: false, timeout: 2000 },
      (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => res({ code: r.statusCode, body }));
      },
    );
    req.on('error', () => res(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });

const until = Date.now() + 60_000;
while (Date.now() < until) {
  const r = await status();
  if (r?.code === 200) {
    const json = JSON.parse(r.body);
    if (typeof json.schemaVersion !== 'number') fail(`/api/v1/status answered ${r.body}`);
    answered = true;
    const pane = await new Promise((res) => {
      request({ host: 'localhost', port, path: '/taskpane.html', rejectUnauthorized: false }, (x) => res(x.statusCode))
        .on('error', () => res(0))
        .end();
    });
    if (pane !== 200) fail(`the built pane is not served (/taskpane.html answered ${pane})`);
    console.log(
      `✔ production install: node dist/server/main.js with production dependencies only answers /api/v1/status (${r.body}) and serves the pane`,
    );
    process.exit(0);
  }
  await new Promise((r2) => setTimeout(r2, 500));
}
fail('no answer from /api/v1/status within 60 s');
