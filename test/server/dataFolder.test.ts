// One server per PGlite data folder, and its files private to the server's user (issue: two servers on
// one folder both answered "applied" and one's changes were lost; files were created rw-rw-rw-).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startServer } from '../../src/server/app';
import { FolderLocked, lockFolder } from '../../src/server/lock';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call, changeset, newId, push, put, segment } from './fixtures';
import { serverProcess } from './serverProcess';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const dir = mkdtempSync(join(tmpdir(), 'segments-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modes(root: string): { path: string; mode: string }[] {
  const out: { path: string; mode: string }[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    out.push({ path: p.slice(root.length) || '/', mode: (st.mode & 0o777).toString(8) });
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(root);
  return out;
}

test('a second server on the same PGlite folder exits naming the folder and the holder; the first keeps every write', async () => {
  const data = join(dir, 'fresh', '.data', 'pglite');
  const env = { SEGMENTS_DATA_DIR: data, SEGMENTS_USERS_FILE: join(dir, 'none.json') };
  const first = await serverProcess(env);
  try {
    const second = await serverProcess(env).then(
      (s) => s.stop().then(() => ''),
      (e: { output: string; code: number }) => `${e.code}: ${e.output}`,
    );
    expect(second).toMatch(/^1: /);
    expect(second).toContain(`the data folder ${data} is in use by another server (process ${first.child.pid})`);
    const r = await push(first.url, [changeset([put('segments', segment(newId(), 'L1'))])]);
    expect(r.body.results[0].status).toBe('applied');
    // The data folder, its parent created on the way and everything in them: private to the user.
    const bad = [...modes(join(dir, 'fresh', '.data'))].filter(
      (m) => m.mode !== (lstatSync(join(dir, 'fresh', '.data', m.path)).isDirectory() ? '700' : '600'),
    );
    expect(bad).toEqual([]);
    expect(modes(join(dir, 'fresh', '.data')).length).toBeGreaterThan(100);
  } finally {
    await first.stop();
  }
  expect(existsSync(`${data}.lock`)).toBe(false);
  // Started again on the same folder: the write is there.
  const again = await serverProcess(env);
  try {
    expect((await call(again.url, '/status')).body.lastRev).toBe(1);
  } finally {
    await again.stop();
  }
}, 180_000);

test('a lock left by a killed server is taken over; a live holder is named', async () => {
  const data = join(dir, 'stale');
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(`${data}.lock`, `${dead}\n`);
  const o = await httpsOptions();
  const server = await startServer({ dataDir: data, tls: { cert: o.cert, key: o.key } });
  try {
    expect(readFileSync(`${data}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await expect(startServer({ dataDir: data, tls: { cert: o.cert, key: o.key } })).rejects.toThrow(
      new FolderLocked(data, process.pid).message,
    );
  } finally {
    await server.close();
  }
  expect(existsSync(`${data}.lock`)).toBe(false);
  // The lock itself: exclusive, released only by its holder.
  const lock = lockFolder(data);
  expect(() => lockFolder(data)).toThrow(FolderLocked);
  lock.release();
  lockFolder(data).release();
}, 180_000);

test('the development certificate key is readable by its owner only', () => {
  const certs = join(dir, 'certs');
  const r = spawnSync(process.execPath, ['-e', "import('./scripts/certs.mjs').then((m) => m.httpsOptions())"], {
    env: { ...process.env, SEGMENTS_CERT_DIR: certs },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect((lstatSync(join(certs, 'localhost.key')).mode & 0o777).toString(8)).toBe('600');
});
