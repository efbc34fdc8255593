// The real thing: the server process killed (SIGKILL) just before and just after committing a push, on
// a real PostgreSQL, then started again: every changeset applied exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { call, changeset, line, newId, pullAll, push, put, segment } from '../server/fixtures';
import { startCluster, type Cluster } from './cluster';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let cluster: Cluster;
let dir: string;
beforeAll(async () => {
  cluster = await startCluster();
  dir = mkdtempSync(join(tmpdir(), 'segments-kill-'));
});
afterAll(() => {
  cluster?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `src/server/main.ts` as its own process and resolves once it serves. */
function serverProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; exited: Promise<NodeJS.Signals | number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--api-only'], {
    env: {
      ...process.env,
      PORT: '0',
      SEGMENTS_USERS_FILE: join(dir, 'no-users.json'),
      SEGMENTS_DATA_DIR: join(dir, 'unused'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((r) =>
    child.on('exit', (code, signal) => r(signal ?? code)),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Serving (https:\/\/localhost:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1], exited });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => reject(new Error(`the server exited before serving: ${out}`)));
  });
}

for (const when of ['before', 'after'] as const) {
  test(`killed just ${when} committing, then restarted: every changeset applied exactly once`, async () => {
    const db = `kill_${when}`;
    const databaseUrl = cluster.createDatabase(db);
    try {
      const doomed = await serverProcess({ DATABASE_URL: databaseUrl, SEGMENTS_FAULT: `${when}-commit:2` });
      const s = segment(newId(), `K-${when}`);
      const batch = [
        changeset([put('segments', s)]),
        changeset([put('segmentLines', line(newId(), s.id, s.no, 10000, 'C1'))]),
        changeset([put('segmentLines', line(newId(), s.id, s.no, 20000, 'C2'))]),
      ];
      await expect(push(doomed.url, batch)).rejects.toThrow();
      expect(await doomed.exited).toBe('SIGKILL');
      const again = await serverProcess({ DATABASE_URL: databaseUrl });
      try {
        expect((await call(again.url, '/status')).body.lastRev).toBe(when === 'before' ? 1 : 2);
        const retry = await push(again.url, batch);
        expect(retry.body.results.map((r: any) => r.status)).toEqual(
          when === 'before' ? ['duplicate', 'applied', 'applied'] : ['duplicate', 'duplicate', 'applied'],
        );
        const { rows, lastRev } = await pullAll(again.url);
        expect(lastRev).toBe(3);
        expect(rows.map((r) => r.id).sort()).toEqual(batch.flatMap((b) => b.changes.map((c) => c.id)).sort());
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
    } finally {
      cluster.dropDatabase(db);
    }
  });
}
