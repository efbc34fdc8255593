// The server's apply of a 10,000-line changeset pushed in two parts, broken down statement by statement:
// each SQL statement's time inside the push (by its first words), and the JavaScript around them (the
// whole push minus its statements), in-process on PGlite (a data folder) and on a real PostgreSQL, then
// the pull pages of it. `npx tsx bench/syncApply.ts` (BENCH_APPLY_DB=pglite or pg for one; BENCH_APPLY_ROUNDS).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BODY_CAP } from '../src/server/api';
import { ensureHistory } from '../src/server/history';
import { migrate } from '../src/server/migrations';
import { openSql, type Sql } from '../src/server/sql';
import { SyncService } from '../src/server/syncService';
import { packChangesets } from '../src/sync/packing';
import { parsePushRequest, type PushRequest } from '../src/domain/syncProtocol';
import { line, newId, put, segment } from '../test/server/fixtures';
import { pgBinDir } from '../scripts/system-requirements.mjs';
import { startCluster } from '../test/server-pg/cluster';

const LINES = 10_000;
const ROUNDS = Number(process.env.BENCH_APPLY_ROUNDS || 5);

/** The database with every statement timed under a label (its first words). */
function timed(sql: Sql, times: Map<string, number>): Sql {
  const label = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^with (written|x) as (materialized )?\(/, 'write rows+history+keys: ')
      .slice(0, 60);
  const wrap =
    (q: Sql['query']) =>
    async <T>(text: string, params?: unknown[]): Promise<T[]> => {
      const t = performance.now();
      try {
        return await q<T>(text, params);
      } finally {
        const k = label(text);
        times.set(k, (times.get(k) ?? 0) + performance.now() - t);
      }
    };
  return {
    kind: sql.kind,
    query: wrap(sql.query.bind(sql)),
    transaction: (fn) =>
      sql.transaction((tx) => {
        const t = performance.now();
        return fn({ query: wrap(tx.query.bind(tx)) }).finally(() =>
          times.set('(transaction body)', (times.get('(transaction body)') ?? 0) + performance.now() - t),
        );
      }),
    close: () => sql.close(),
  };
}

function bodies(round: number): PushRequest[] {
  const s = segment(newId('AP'), `AP${round}`);
  const changes = [
    put('segments', s),
    ...Array.from({ length: LINES }, (_, i) =>
      put('segmentLines', line(newId('SL'), s.id, s.no, (i + 1) * 10000, `C${String(i).padStart(6, '0')}`)),
    ),
  ];
  return packChangesets([{ id: newId('CS'), changes }], DEFAULT_BODY_CAP).map((changesets) => {
    const text = JSON.stringify({ schemaVersion: 1, clientId: 'bench-apply', changesets });
    const parsed = parsePushRequest(JSON.parse(text));
    if (!parsed.success) throw new Error('the push was refused');
    return parsed.data;
  });
}

async function breakdown(name: string, sql: Sql) {
  await migrate(sql);
  await ensureHistory(sql);
  const perRound: Map<string, number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times = new Map<string, number>();
    const service = new SyncService(timed(sql, times));
    const [one, two] = bodies(round);
    let t = performance.now();
    const a = await service.push(one);
    const part1 = performance.now() - t;
    if (a.results[0].status !== 'partial') throw new Error(JSON.stringify(a.results[0]));
    const before = new Map(times);
    times.clear();
    t = performance.now();
    const b = await service.push(two);
    const part2 = performance.now() - t;
    if (b.results[0].status !== 'applied') throw new Error(JSON.stringify(b.results[0]).slice(0, 300));
    // The pages another pane pulls, as it asks for them (2 MB each).
    const part2Times = new Map(times);
    times.clear();
    let since = b.lastRev - 1;
    let after: string | undefined;
    let pages = 0;
    t = performance.now();
    for (;;) {
      const [r, tb, id] = after?.split(':') ?? [];
      const page = JSON.parse(
        await service.pullJson(since, {
          maxBytes: 2 * 1024 * 1024,
          ...(after ? { after: { rev: Number(r), table: tb, id } } : {}),
        }),
      ) as { lastRev: number; more: boolean; next?: { rev: number; table: string; id: string } };
      pages++;
      since = page.lastRev;
      after = page.next ? `${page.next.rev}:${page.next.table}:${page.next.id}` : undefined;
      if (!page.more) break;
    }
    const pull = performance.now() - t;
    const pullTimes = new Map(times);
    const all = new Map<string, number>();
    for (const [k, v] of before) all.set(`part 1: ${k}`, v);
    for (const [k, v] of part2Times) all.set(`part 2: ${k}`, v);
    all.set('part 1: (whole push)', part1);
    all.set('part 2: (whole push)', part2);
    for (const [k, v] of pullTimes) all.set(`pull: ${k}`, v);
    all.set(`pull: (whole pull, ${pages} pages)`, pull);
    perRound.push(all);
  }
  // The first round warms up; the median of the others.
  const keep = perRound.slice(1);
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`${name}: 10,000-line changeset in two parts, median of ${keep.length} warm rounds (ms)`);
  const keys = [...new Set(keep.flatMap((m) => [...m.keys()]))].sort();
  for (const k of keys)
    console.log(
      `  ${med(keep.map((m) => m.get(k) ?? 0))
        .toFixed(1)
        .padStart(8)}  ${k}`,
    );
  const sqlOf = (m: Map<string, number>, part: string) =>
    [...m].filter(([k]) => k.startsWith(part) && !k.startsWith(`${part}: (`)).reduce((s, [, v]) => s + v, 0);
  console.log(
    `  part 2 JavaScript outside statements: ${med(keep.map((m) => m.get('part 2: (whole push)')! - sqlOf(m, 'part 2'))).toFixed(1)} ms; part 1: ${med(keep.map((m) => m.get('part 1: (whole push)')! - sqlOf(m, 'part 1'))).toFixed(1)} ms`,
  );
}

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (2 cores shared)`,
);
const dir = mkdtempSync(join(tmpdir(), 'segments-apply-'));
try {
  if (process.env.BENCH_APPLY_DB !== 'pg') {
    const sql = await openSql({ dataDir: join(dir, 'pglite') });
    try {
      await breakdown('PGlite (data folder)', sql);
    } finally {
      await sql.close();
    }
  }
  if (process.env.BENCH_APPLY_DB !== 'pglite' && pgBinDir()) {
    const cluster = await startCluster();
    try {
      const url = cluster.createDatabase('apply');
      const sql = await openSql({ databaseUrl: url });
      try {
        await breakdown('PostgreSQL (loopback)', sql);
      } finally {
        await sql.close();
      }
    } finally {
      cluster.destroy();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
