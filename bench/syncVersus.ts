// The 10,000-line figure of the sync bench against another tree of this project (an older commit checked
// out beside this one), so both are measured back to back on the same load: wall time and, since the
// server (PGlite) and both panes (fake IndexedDB) run in this one process, its CPU time.
// Run: npx tsx bench/syncVersus.ts <folder of the tree to measure> [pg]
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSegmentContacts } from './rows';
const root = process.argv[2];
const usePg = process.argv[3] === 'pg';
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.removeAllListeners('warning');
const { startServer } = await import(`${root}/src/server/app.ts`);
const { openSyncedWorkspace } = await import(`${root}/src/sync/openSyncedWorkspace.ts`);
const { httpsOptions } = await import(`${root}/scripts/certs.mjs`);
const tls = await httpsOptions().then((o: { cert: string; key: string }) => ({ cert: o.cert, key: o.key }));
const LINES = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'segprof-'));
let cluster: { createDatabase(name: string): string; destroy(): void } | undefined;
let opts: Record<string, unknown> = { dataDir: join(dir, 'pglite'), tls };
if (usePg) {
  const { startCluster } = await import(`${root}/test/server-pg/cluster.ts`);
  const started = (await startCluster()) as NonNullable<typeof cluster>;
  cluster = started;
  opts = { databaseUrl: started.createDatabase('prof'), tls };
}
const server = await startServer(opts);
// time every request on the client side
const realFetch = globalThis.fetch;
const log: string[] = [];
const timedFetch: typeof fetch = async (input, init) => {
  const t = performance.now();
  const r = await realFetch(input, init);
  const text = await r.text();
  log.push(
    `${init?.method ?? 'GET'} ${String(input)
      .replace(/^.*\/api\/v1/, '')
      .slice(
        0,
        60,
      )} ${(performance.now() - t).toFixed(0)} ms req ${init?.body ? String(init.body).length : 0} res ${text.length}`,
  );
  return new Response(text, { status: r.status, headers: r.headers });
};
const pane = (name: string) =>
  openSyncedWorkspace(
    { name, indexedDB: new IDBFactory(), IDBKeyRange },
    { serverUrl: server.url, start: false, locks: null, events: false, fetch: timedFetch },
  );
const a = await pane('a');
const b = await pane('b');
const contacts = await addSegmentContacts(a.workspace, LINES);
await a.sync.syncNow();
await b.sync.syncNow();
log.length = 0;
const s = await a.workspace.segments.create({ description: 'Ten thousand', salespersonCode: 'JR' });
await a.workspace.segments.addContactList(
  s.no,
  contacts.map((c) => c.no),
  { source: 'bench' },
);
const t = performance.now();
const c0 = process.cpuUsage();
await a.sync.syncNow();
const pushed = performance.now() - t;
const c1 = process.cpuUsage(c0);
await b.sync.syncNow();
const total = performance.now() - t;
const c2 = process.cpuUsage(c0);
const ms = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 1000);
const lines = (await b.workspace.segments.get(s.no))?.lines.length ?? 0;
if (process.env.VERBOSE) console.log(log.join('\n'));
console.log(
  JSON.stringify({
    root,
    pg: usePg,
    lines,
    total: Math.round(total),
    push: Math.round(pushed),
    pull: Math.round(total - pushed),
    cpuTotal: ms(c2),
    cpuPush: ms(c1),
    cpuPull: ms(c2) - ms(c1),
  }),
);
await a.close();
await b.close();
await server.close();
cluster?.destroy();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
