// The 10,000-line figure of the sync bench against another tree of this project (an older commit checked
// out beside this one), so both are measured back to back on the same load: wall time and, since the
// server (PGlite) and both panes (fake IndexedDB) run in this one process, its CPU time.
// Run: npx tsx bench/syncVersus.ts <folder of the tree to measure> [pg]
// With `server` instead of `pg`: the server alone (no panes, no HTTP) of that tree against this one, in
// turns in one process on PGlite data folders: applying a 10,000-line segment pushed in parts (after
// 10,000 contacts), and a 50 MB changeset of letters in parts; CPU time, median of the rounds, and the
// ratio this tree / that tree.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSegmentContacts } from './rows';
const root = process.argv[2];
const usePg = process.argv[3] === 'pg';
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.removeAllListeners('warning');
if (process.argv[3] === 'server') {
  await serverVersus(root);
  process.exit(0);
}
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

async function serverVersus(other: string): Promise<void> {
  const { loadavg } = await import('node:os');
  const { packChangesets } = await import('../src/sync/packing');
  const f = await import('../test/server/fixtures');
  const here = join(import.meta.dirname, '..');
  const trees = { that: other, this: here } as const;
  const ROUNDS = Number(process.env.ROUNDS ?? 6);
  const LINES = 10_000; // read before the module's own constant exists
  const folder = mkdtempSync(join(tmpdir(), 'segversus-'));
  const services: Record<
    string,
    { push(r: unknown): Promise<{ results: { status: string }[] }>; close(): Promise<void> }
  > = {};
  for (const [name, tree] of Object.entries(trees)) {
    const { openSql } = await import(`${tree}/src/server/sql.ts`);
    const { migrate } = await import(`${tree}/src/server/migrations.ts`);
    const { ensureHistory } = await import(`${tree}/src/server/history.ts`);
    const { SyncService } = await import(`${tree}/src/server/syncService.ts`);
    const db = await openSql({ dataDir: join(folder, name) });
    await migrate(db);
    await ensureHistory(db);
    const service = new SyncService(db);
    services[name] = { push: (r) => service.push(r), close: () => db.close() };
  }
  const cpu = async (fn: () => Promise<void>) => {
    const c = process.cpuUsage();
    await fn();
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  };
  const inParts = async (name: string, changes: ReturnType<typeof f.put>[]) => {
    let last = '';
    for (const body of packChangesets([{ id: f.newId('CS'), changes }], 4 * 1024 * 1024))
      last = (await services[name].push({ schemaVersion: 1, clientId: 'versus', changesets: body })).results[0].status;
    if (last !== 'applied') throw new Error(`${name}: the push ended ${last}`);
  };
  const figures: Record<string, Record<string, number[]>> = { that: {}, this: {} };
  const note = (name: string, what: string, ms: number) => (figures[name][what] ??= []).push(ms);
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared)`,
  );
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? (['this', 'that'] as const) : (['that', 'this'] as const)) {
      const contacts = Array.from({ length: LINES }, (_, i) => f.contact(f.newId(), `V${name}${round}-${i}`));
      note(
        name,
        `${LINES} contacts`,
        await cpu(() =>
          inParts(
            name,
            contacts.map((c) => f.put('contacts', c)),
          ),
        ),
      );
      const s = f.segment(f.newId(), `V${name}${round}`);
      const lines = contacts.map((c, i) => f.put('segmentLines', f.line(f.newId(), s.id, s.no, (i + 1) * 10000, c.no)));
      note(name, `${LINES}-line segment`, await cpu(() => inParts(name, [f.put('segments', s), ...lines])));
      const logged = f.loggedSegment(f.newId(), 1000 + ++n, `V${n}`);
      await inParts(name, [f.put('loggedSegments', logged)]);
      const letter = f.letterOf(500_000, n);
      const entries = Array.from({ length: 100 }, (_, i) =>
        f.put('interactionLog', f.logEntry(f.newId(), n * 1000 + i, logged, `C${i}`, letter)),
      );
      note(name, '50 MB of letters', await cpu(() => inParts(name, entries)));
    }
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  for (const what of Object.keys(figures.this)) {
    const a = median(figures.that[what]);
    const b = median(figures.this[what]);
    console.log(
      `${what} in parts, server CPU (median of ${ROUNDS}): that tree ${a.toFixed(0)} ms, this tree ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)}`,
    );
  }
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const s of Object.values(services)) await s.close();
  rmSync(folder, { recursive: true, force: true });
}
