// The shared workspace's figures: how long a 10,000-line segment takes to reach the other pane (must be
// under 10 s), pushes per second of small changesets against PGlite and against PostgreSQL, the same with
// two server processes on one PostgreSQL against one (several clients pushing at once), and a pane's pull
// from 0 of 100,000 contacts and 10,000 interaction log entries (time, and the server's peak memory).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interactionLogEntrySchema, type InteractionLogEntry } from '../src/domain/log';
import { startServer, type RunningServer } from '../src/server/app';
import { openSyncedWorkspace } from '../src/sync/openSyncedWorkspace';
import { httpsOptions } from '../scripts/certs.mjs';
import { pgBinDir } from '../scripts/system-requirements.mjs';
import { addSegmentContacts } from './rows';
import { DEFAULT_BODY_CAP } from '../src/server/api';
import { packChangesets } from '../src/sync/packing';
import { parsePushRequest, pushRequestSchema } from '../src/domain/syncProtocol';
import {
  call,
  changeset,
  contact,
  line,
  loggedSegment,
  newId,
  pullAll,
  push,
  put,
  segment,
} from '../test/server/fixtures';
import { serverProcess, type ServerProcess } from '../test/server/serverProcess';
import { startCluster } from '../test/server-pg/cluster';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.removeAllListeners('warning');

const LINES = 10_000;
const PUSHES = 300;
const tls = await httpsOptions().then((o) => ({ cert: o.cert, key: o.key }));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function pane(url: string, name: string) {
  return openSyncedWorkspace(
    { name, indexedDB: new IDBFactory(), IDBKeyRange },
    { serverUrl: url, start: false, locks: null, events: false },
  );
}

async function bigSegment(server: RunningServer) {
  const a = await pane(server.url, 'bench-a');
  const b = await pane(server.url, 'bench-b');
  const contacts = await addSegmentContacts(a.workspace, LINES);
  let t = performance.now();
  await a.sync.syncNow();
  const contactsPush = performance.now() - t;
  t = performance.now();
  await b.sync.syncNow();
  const contactsPull = performance.now() - t;
  console.log(
    `${LINES.toLocaleString('en')} contacts: pushed in ${seconds(contactsPush)} s, pulled and applied by the other pane in ${seconds(contactsPull)} s`,
  );

  const s = await a.workspace.segments.create({ description: 'Ten thousand', salespersonCode: 'JR' });
  await a.workspace.segments.addContactList(
    s.no,
    contacts.map((c) => c.no),
    { source: 'bench' },
  );
  t = performance.now();
  await a.sync.syncNow();
  const pushed = performance.now() - t;
  await b.sync.syncNow();
  const total = performance.now() - t;
  const lines = (await b.workspace.segments.get(s.no))?.lines.length ?? 0;
  if (lines !== LINES) throw new Error(`the other pane has ${lines} lines, expected ${LINES}`);
  console.log(
    `a ${LINES.toLocaleString('en')}-line segment reached the other pane in ${seconds(total)} s (push ${seconds(pushed)} s, pull and apply ${seconds(total - pushed)} s) [limit 10 s: ${total < 10_000 ? 'met' : 'MISSED'}]`,
  );
  await a.close();
  await b.close();
  return total;
}

/** CPU time the process has run so far (every thread, from the kernel's scheduler), in ms. */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

const SHARE_ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS || 3);

/**
 * The server's own share of a 10,000-line segment crossing panes: the push in two parts as a pane packs
 * it (under the body cap) and the two pages another pane pulls, against a server process on PGlite in
 * a data folder. Each step's wall time beside the server process's CPU time (the client's serialising
 * is done before the clock starts and is not counted); the median of SHARE_ROUNDS rounds.
 */
async function serverShare(dir: string) {
  const server = await serverProcess({
    SEGMENTS_DATA_DIR: join(dir, 'share'),
    SEGMENTS_USERS_FILE: join(dir, 'none.json'),
    // A CPU profile of the server process (written when it stops), to see where its time goes.
    ...(process.env.BENCH_SERVER_PROFILE ? { NODE_OPTIONS: `--import=${process.env.BENCH_SERVER_PROFILE}` } : {}),
  });
  const pid = server.child.pid!;
  const steps = ['part 1 kept', 'part 2 and apply', 'pull page 1', 'pull page 2'] as const;
  const figures: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(steps.map((s) => [s, []]));
  const step = async <T>(name: (typeof steps)[number], run: () => Promise<T>): Promise<T> => {
    const cpu = cpuMs(pid);
    const t = performance.now();
    const r = await run();
    figures[name].push({ wall: performance.now() - t, cpu: cpuMs(pid) - cpu });
    return r;
  };
  try {
    for (let round = 0; round < SHARE_ROUNDS; round++) {
      const s = segment(newId('SH'), `SH${round}`);
      const changes = [
        put('segments', s),
        ...Array.from({ length: LINES }, (_, i) =>
          put('segmentLines', line(newId('SL'), s.id, s.no, (i + 1) * 10000, `C${String(i).padStart(6, '0')}`)),
        ),
      ];
      const bodies = packChangesets([{ id: newId('CS'), changes }], DEFAULT_BODY_CAP).map((changesets) =>
        JSON.stringify({ schemaVersion: 1, clientId: 'bench-share', changesets }),
      );
      if (bodies.length !== 2) throw new Error(`the changeset was packed in ${bodies.length} parts, expected 2`);
      const since = Number((await call(server.url, '/status')).body.lastRev);
      const first = await step('part 1 kept', () => call(server.url, '/push', { rawBody: bodies[0] }));
      if (first.body.results?.[0]?.status !== 'partial') throw new Error(`part 1: ${JSON.stringify(first.body)}`);
      const second = await step('part 2 and apply', () => call(server.url, '/push', { rawBody: bodies[1] }));
      if (second.body.results?.[0]?.status !== 'applied') throw new Error(`part 2: ${JSON.stringify(second.body)}`);
      let rows = 0;
      let page: {
        body: { rows: unknown[]; lastRev: number; more: boolean; next?: { rev: number; table: string; id: string } };
      };
      let query = `/pull?since=${since}`;
      for (const name of ['pull page 1', 'pull page 2'] as const) {
        page = await step(name, () => call(server.url, query));
        rows += page.body.rows.length;
        const n = page.body.next;
        query = `/pull?since=${page.body.lastRev}${n ? `&after=${n.rev}:${n.table}:${n.id}` : ''}`;
      }
      if (rows !== LINES + 1 || page!.body.more)
        throw new Error(`two pages held ${rows} rows (more: ${page!.body.more}), expected ${LINES + 1}`);
    }
  } finally {
    await server.stop();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  let wall = 0;
  let cpu = 0;
  for (const name of steps) {
    const w = median(figures[name].map((f) => f.wall));
    const c = median(figures[name].map((f) => f.cpu));
    wall += w;
    cpu += c;
    console.log(
      `  ${name}: wall ${ms(w)}, server CPU ${ms(c)} (rounds: ${figures[name].map((f) => `${f.wall.toFixed(0)}/${f.cpu.toFixed(0)}`).join(', ')})`,
    );
  }
  console.log(
    `server's share of a ${LINES.toLocaleString('en')}-line segment (push in two parts, two pull pages; PGlite data folder, median of ${SHARE_ROUNDS}): wall ${ms(wall)}, server CPU ${ms(cpu)} [goal ≤ 400 ms: ${wall <= 400 ? 'met' : 'not met'}]`,
  );
}

async function pushesPerSecond(label: string, server: RunningServer) {
  const rows = Array.from({ length: PUSHES }, (_, i) => segment(newId('BP'), `BP${i}`));
  const t = performance.now();
  for (const r of rows) {
    const reply = await push(server.url, [changeset([put('segments', r)])]);
    if (reply.body.results?.[0]?.status !== 'applied') throw new Error(`push failed: ${JSON.stringify(reply.body)}`);
  }
  const ms = performance.now() - t;
  console.log(
    `${label}: ${PUSHES} pushes of one small changeset each, ${(PUSHES / (ms / 1000)).toFixed(0)} pushes/s (${(ms / PUSHES).toFixed(1)} ms each)`,
  );
}

const CLIENTS = 8;
const CONCURRENT_PUSHES = 400;
const PULL_CONTACTS = 100_000;
const PULL_ENTRIES = 10_000;

/** `CLIENTS` clients pushing small changesets at once, spread over the given server processes. */
async function concurrentPushes(servers: ServerProcess[]): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const url = servers[c % servers.length].url;
      while (next < CONCURRENT_PUSHES) {
        next++;
        const r = await push(url, [changeset([put('segments', segment(newId('CP'), `CP-${newId()}`))])], {
          clientId: `bench-${c}`,
        });
        if (r.body.results?.[0]?.status !== 'applied') throw new Error(`push failed: ${JSON.stringify(r.body)}`);
      }
    }),
  );
  return CONCURRENT_PUSHES / ((performance.now() - t) / 1000);
}

/** Peak resident memory of a process so far (Linux), in MB. */
function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function entry(id: string, entryNo: number, contactNo: string): InteractionLogEntry {
  const at = '2026-11-29T09:00:00.000Z';
  return interactionLogEntrySchema.parse({
    id,
    createdAt: at,
    updatedAt: at,
    entryNo,
    loggedSegmentId: 'L1',
    loggedSegmentEntryNo: 1,
    segmentNo: 'SEG00001',
    contactNo,
    contactCompanyNo: '',
    date: '2026-11-29',
    time: '09:00:00',
    description: 'Autumn offer',
    subject: 'Our news',
    interactionTemplateCode: 'ABSTRACT',
    interactionGroupCode: 'LETTER',
    correspondenceType: 'Hard Copy',
    languageCode: '',
    salespersonCode: 'JR',
    informationFlow: 'Outbound',
    initiatedBy: 'Us',
    cost: 2.5,
    duration: 10,
    attemptFailed: false,
    evaluation: '',
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    canceled: false,
    deliveryStatus: '',
    userId: 'bench',
    comment: '',
  });
}

/** Two server processes on one PostgreSQL against one; then the pull from 0 of a large workspace. */
async function clusterFigures(databaseUrl: string, dir: string) {
  const env = {
    DATABASE_URL: databaseUrl,
    SEGMENTS_USERS_FILE: join(dir, 'none.json'),
    SEGMENTS_DATA_DIR: join(dir, 'unused'),
  };
  const a = await serverProcess(env);
  const b = await serverProcess(env);
  try {
    const one = await concurrentPushes([a]);
    const two = await concurrentPushes([a, b]);
    console.log(
      `PostgreSQL, ${CLIENTS} clients pushing at once (${CONCURRENT_PUSHES} small changesets): one server process ${one.toFixed(0)} pushes/s, two processes on the same database ${two.toFixed(0)} pushes/s (ratio ${(two / one).toFixed(2)}; pushes stay serialised by the advisory lock)`,
    );

    const BLOCK = 2000;
    const t = performance.now();
    for (let i = 0; i < PULL_CONTACTS; i += BLOCK) {
      const rows = Array.from({ length: Math.min(BLOCK, PULL_CONTACTS - i) }, (_, k) =>
        put('contacts', contact(`PC${String(i + k).padStart(7, '0')}`, `P${String(i + k).padStart(7, '0')}`)),
      );
      const r = await push(a.url, [changeset(rows)], { clientId: 'seed' });
      if (r.body.results?.[0]?.status !== 'applied')
        throw new Error(`seed failed: ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    for (let i = 0; i < PULL_ENTRIES; i += BLOCK) {
      const rows = i === 0 ? [put('loggedSegments', loggedSegment('L1', 1, 'SEG00001', 'bench'))] : [];
      rows.push(
        ...Array.from({ length: Math.min(BLOCK, PULL_ENTRIES - i) }, (_, k) =>
          put(
            'interactionLog',
            entry(
              `PE${String(i + k).padStart(7, '0')}`,
              i + k + 1,
              `P${String((i + k) % PULL_CONTACTS).padStart(7, '0')}`,
            ),
          ),
        ),
      );
      const r = await push(a.url, [changeset(rows)], { clientId: 'seed' });
      if (r.body.results?.[0]?.status !== 'applied')
        throw new Error(`seed failed: ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    console.log(
      `seeded ${PULL_CONTACTS.toLocaleString('en')} contacts and ${PULL_ENTRIES.toLocaleString('en')} entries in ${seconds(performance.now() - t)} s`,
    );
  } finally {
    await a.stop();
    await b.stop();
  }
  // A fresh process, so that its peak memory is the pull's alone.
  const c = await serverProcess(env);
  try {
    const idle = peakMb(c.child.pid!);
    const t = performance.now();
    const { rows } = await pullAll(c.url, undefined, 5000);
    const ms = performance.now() - t;
    const contacts = rows.filter((r: { table: string }) => r.table === 'contacts').length;
    const entries = rows.filter((r: { table: string }) => r.table === 'interactionLog').length;
    if (contacts < PULL_CONTACTS || entries < PULL_ENTRIES)
      throw new Error(`pulled ${contacts} contacts and ${entries} entries`);
    console.log(
      `pull from 0 of ${contacts.toLocaleString('en')} contacts + ${entries.toLocaleString('en')} entries (${rows.length.toLocaleString('en')} rows, pages of 5,000): ${seconds(ms)} s; server peak memory ${peakMb(c.child.pid!).toFixed(0)} MB (${idle.toFixed(0)} MB after start)`,
    );
  } finally {
    await c.stop();
  }
}

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (2 cores shared)`,
);
const dir = mkdtempSync(join(tmpdir(), 'segments-bench-'));
let failed = false;
try {
  pushParseFigures();
  if (process.env.BENCH_SYNC_ONLY === 'parse') process.exit(0);
  await serverShare(dir);
  if (process.env.BENCH_SYNC_ONLY !== 'server') await restOfFigures();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/**
 * The server's reading of a push of a 10,000-line segment (JSON already parsed): the changes checked by
 * hand (parsePushRequest) against the push schema on every change, alternately in one run.
 */
function pushParseFigures() {
  const s = segment(newId('PP'), 'PP1');
  const changes = [
    put('segments', s),
    ...Array.from({ length: LINES }, (_, i) =>
      put('segmentLines', line(newId('SL'), s.id, s.no, (i + 1) * 10000, `C${String(i).padStart(6, '0')}`)),
    ),
  ];
  const text = JSON.stringify({ schemaVersion: 1, clientId: 'bench', changesets: [{ id: newId('CS'), changes }] });
  const times = { schema: [] as number[], fast: [] as number[] };
  for (let round = 0; round < 7; round++) {
    for (const [name, parse] of [
      ['schema', (b: unknown) => pushRequestSchema.safeParse(b)],
      ['fast', parsePushRequest],
    ] as const) {
      const body = JSON.parse(text);
      const t = performance.now();
      if (!parse(body).success) throw new Error(`${name}: the body was refused`);
      times[name].push(performance.now() - t);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `push body of ${(LINES + 1).toLocaleString('en')} changes read by the server (parsed JSON to checked request): push schema on every change ${med(times.schema).toFixed(1)} ms, changes checked by hand ${med(times.fast).toFixed(1)} ms (median of 7, alternately): ratio ${(med(times.schema) / med(times.fast)).toFixed(1)}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

async function restOfFigures() {
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
      await clusterFigures(cluster.createDatabase('bench_cluster'), dir);
    } finally {
      cluster.destroy();
    }
  } else {
    console.log('PostgreSQL: not installed here, no figure (apt-get install -y postgresql or set PG_BIN)');
  }
}
