// The shared workspace's figures: how long a 10,000-line segment takes to reach the other pane (must be
// under 10 s), and pushes per second of small changesets against PGlite and against PostgreSQL.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../src/server/app';
import { openSyncedWorkspace } from '../src/sync/openSyncedWorkspace';
import { httpsOptions } from '../scripts/certs.mjs';
import { pgBinDir } from '../scripts/system-requirements.mjs';
import { changeset, newId, push, put, segment } from '../test/server/fixtures';
import { startCluster } from '../test/server-pg/cluster';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.removeAllListeners('warning');

const LINES = 10_000;
const PUSHES = 300;
const tls = await httpsOptions().then((o) => ({ cert: o.cert, key: o.key }));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function pane(url: string, name: string) {
  return openSyncedWorkspace({ name, indexedDB: new IDBFactory(), IDBKeyRange }, { serverUrl: url, start: false, locks: null, events: false });
}

async function bigSegment(server: RunningServer) {
  const a = await pane(server.url, 'bench-a');
  const b = await pane(server.url, 'bench-b');
  const contacts = Array.from({ length: LINES }, (_, i) => ({ no: `B${String(i).padStart(6, '0')}`, name: `Contact ${i}`, city: i % 2 ? 'Roma' : 'Milano' }));
  await a.workspace.salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
  await a.workspace.contacts.upsert(contacts);
  let t = performance.now();
  await a.sync.syncNow();
  const contactsPush = performance.now() - t;
  t = performance.now();
  await b.sync.syncNow();
  const contactsPull = performance.now() - t;
  console.log(`${LINES.toLocaleString('en')} contacts: pushed in ${seconds(contactsPush)} s, pulled and applied by the other pane in ${seconds(contactsPull)} s`);

  const s = await a.workspace.segments.create({ description: 'Ten thousand', salespersonCode: 'JR' });
  await a.workspace.segments.addContactList(s.no, contacts.map((c) => c.no), { source: 'bench' });
  t = performance.now();
  await a.sync.syncNow();
  const pushed = performance.now() - t;
  await b.sync.syncNow();
  const total = performance.now() - t;
  const lines = (await b.workspace.segments.get(s.no))?.lines.length ?? 0;
  if (lines !== LINES) throw new Error(`the other pane has ${lines} lines, expected ${LINES}`);
  console.log(`a ${LINES.toLocaleString('en')}-line segment reached the other pane in ${seconds(total)} s (push ${seconds(pushed)} s, pull and apply ${seconds(total - pushed)} s) [limit 10 s: ${total < 10_000 ? "met" : "MISSED"}]`);
  await a.close();
  await b.close();
  return total;
}

async function pushesPerSecond(label: string, server: RunningServer) {
  const rows = Array.from({ length: PUSHES }, (_, i) => segment(newId('BP'), `BP${i}`));
  const t = performance.now();
  for (const r of rows) {
    const reply = await push(server.url, [changeset([put('segments', r)])]);
    if (reply.body.results?.[0]?.status !== 'applied') throw new Error(`push failed: ${JSON.stringify(reply.body)}`);
  }
  const ms = performance.now() - t;
  console.log(`${label}: ${PUSHES} pushes of one small changeset each, ${(PUSHES / (ms / 1000)).toFixed(0)} pushes/s (${(ms / PUSHES).toFixed(1)} ms each)`);
}

const dir = mkdtempSync(join(tmpdir(), 'segments-bench-'));
let failed = false;
try {
  const server = await startServer({ dataDir: join(dir, 'pglite'), tls });
  try {
    const total = await bigSegment(server);
    if (total >= 10_000) failed = true;
    await pushesPerSecond('PGlite (data folder)', server);
  } finally {
    await server.close();
  }
  if (pgBinDir()) {
    const cluster = await startCluster();
    try {
      const url = cluster.createDatabase('bench');
      const pgServer = await startServer({ databaseUrl: url, tls });
      try {
        await pushesPerSecond('PostgreSQL (loopback)', pgServer);
      } finally {
        await pgServer.close();
      }
    } finally {
      cluster.destroy();
    }
  } else {
    console.log('PostgreSQL: not installed here, no figure (apt-get install -y postgresql or set PG_BIN)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
