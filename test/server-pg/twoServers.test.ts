// Several server processes on one real PostgreSQL (issue: events reached only the panes of the process
// that took the push). A pane's event stream on server A hears a push taken by server B in under a
// second; pushes to both at once stay serialised (unique, gap-free revisions); one of them killed in the
// middle of a burst loses no acknowledged change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeset, newId, pullAll, push, put, segment } from '../server/fixtures';
import { serverProcess, type ServerProcess } from '../server/serverProcess';
import { startCluster, type Cluster } from './cluster';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let cluster: Cluster;
let dir: string;
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  cluster = await startCluster();
  dir = mkdtempSync(join(tmpdir(), 'segments-two-'));
  const env = {
    DATABASE_URL: cluster.createDatabase('two_servers'),
    SEGMENTS_USERS_FILE: join(dir, 'none.json'),
    SEGMENTS_DATA_DIR: join(dir, 'unused'),
  };
  a = await serverProcess(env);
  b = await serverProcess(env);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  cluster?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the event stream and resolves each awaited revision with when it arrived. */
async function listen(url: string) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/events`, { signal: abort.signal });
  const seen: { rev: number; at: number }[] = [];
  const waiters: { rev: number; resolve: (at: number) => void }[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buf = '';
    const reader = res.body!.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        buf += decoder.decode(r.value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const m = /^data: (.*)$/m.exec(buf.slice(0, i));
          buf = buf.slice(i + 2);
          if (!m) continue;
          const rev = (JSON.parse(m[1]) as { rev: number }).rev;
          seen.push({ rev, at: performance.now() });
          for (const w of waiters.filter((x) => rev >= x.rev)) w.resolve(performance.now());
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    seen,
    until: (rev: number) =>
      new Promise<number>((resolve) =>
        seen.some((s) => s.rev >= rev) ? resolve(performance.now()) : waiters.push({ rev, resolve }),
      ),
    close: () => abort.abort(),
  };
}

test('a pane on server A hears a push taken by server B in under a second, and the other way round', async () => {
  const onA = await listen(a.url);
  const onB = await listen(b.url);
  try {
    for (const [to, ear] of [
      [b, onA],
      [a, onB],
    ] as const) {
      const t0 = performance.now();
      const r = await push(to.url, [changeset([put('segments', segment(newId(), `T-${newId()}`))])]);
      expect(r.body.results[0].status).toBe('applied');
      const heard = await Promise.race([
        ear.until(r.body.results[0].rev),
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error('not heard within 1 s')), 1000)),
      ]);
      expect(heard - t0).toBeLessThan(1000);
      if (process.env.SEGMENTS_PRINT_TIMES) console.log(`relayed in ${(heard - t0).toFixed(0)} ms (push included)`);
    }
  } finally {
    onA.close();
    onB.close();
  }
});

test('pushes to both at once get unique, gap-free revisions; B killed in the middle of a burst loses no acknowledged change', async () => {
  const { lastRev: before } = await pullAll(a.url);
  const acknowledged: string[] = [];
  const burst = (server: ServerProcess, n: number) =>
    Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const s = segment(newId(), `B-${newId()}-${i}`);
        try {
          const r = await push(server.url, [changeset([put('segments', s)])], { clientId: `c${i % 4}` });
          if (r.body.results?.[0]?.status === 'applied') acknowledged.push(s.id);
        } catch {
          // the killed server's pushes fail; those were never acknowledged
        }
      }),
    );
  const killer = new Promise<void>((r) => setTimeout(() => (b.child.kill('SIGKILL'), r()), 150));
  await Promise.all([burst(a, 40), burst(b, 40), killer]);
  expect(await b.exited).toBe('SIGKILL');
  const { rows, lastRev } = await pullAll(a.url);
  const after = rows.filter((r) => r.rev > before);
  const revs = [...new Set(after.map((r) => r.rev))].sort((x, y) => x - y);
  expect(revs).toEqual(Array.from({ length: lastRev - before }, (_, i) => before + 1 + i));
  const stored = new Set(after.map((r) => r.id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
});
