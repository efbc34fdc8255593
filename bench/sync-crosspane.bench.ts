// Issue 13's figure, in Chromium: two browser profiles (two panes that share no storage) on one add-in
// server. Pane A builds a 10,000-line segment; the time from its commit until pane B has every line,
// and the long tasks (PerformanceObserver 'longtask') on A while it pushes and on B while it applies.
// Goals: ≤ 1.5 s across, and no task over 100 ms on the sending pane while it pushes.
// Run: `npm run bench -- sync` (with the other sync figures) or `npm run bench -- sync-crosspane`.
// Env: BENCH_CROSSPANE_LINES (10000), BENCH_CROSSPANE_RUNS (3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack from 'webpack';
import { startServer } from '../src/server/app';
import { httpsOptions } from '../scripts/certs.mjs';
import { launch, removeProfile, type BrowserSession } from '../test/e2e/browser';
import { endTrace, startTrace, threadTasks, traceMark, type TraceEvent } from '../test/e2e/taskTrace';
import type { LongTask, TimedRequest, TimedStep } from './crosspane/index';

process.removeAllListeners('warning');
const root = resolve(import.meta.dirname, '..');
const LINES = Number(process.env.BENCH_CROSSPANE_LINES ?? 10_000);
const RUNS = Number(process.env.BENCH_CROSSPANE_RUNS ?? 3);
/** Turns of the rebase alone against the floor (each into new databases), after the runs. */
const ALONE = Number(process.env.BENCH_CROSSPANE_ALONE ?? 5);
/** Commits of a 10,000-line segment after which the first reads are timed (half in each order). */
const AFTER_COMMIT = Number(process.env.BENCH_CROSSPANE_AFTER_COMMIT ?? 6);
const GOAL_MS = 1500;
const TASK_GOAL_MS = 100;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function build(out: string): Promise<void> {
  const compiler = webpack({
    mode: 'production',
    // Profiled: the same production code, left unminified so that the profile names its functions.
    optimization: { minimize: !process.env.BENCH_CROSSPANE_PROFILE },
    devtool: false,
    context: root,
    entry: { crosspane: './bench/crosspane/index.ts' },
    output: { path: out, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString())) : ok())),
  );
  await new Promise<void>((ok) => compiler.close(() => ok()));
  writeFileSync(
    join(out, 'crosspane.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>cross-pane</title></head><body><script src="crosspane.js"></script></body></html>',
  );
}

const describeTasks = (tasks: LongTask[]) => {
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const over = tasks.filter((t) => t.duration > TASK_GOAL_MS).length;
  return {
    longest,
    over,
    text: `longest task ${longest.toFixed(0)} ms, ${over} over ${TASK_GOAL_MS} ms (${tasks.length} over 50 ms)`,
    /** When each task over the goal began (ms from `from`) and how long it took. */
    when: (from: number) =>
      tasks
        .filter((t) => t.duration > TASK_GOAL_MS)
        .map((t) => `${(t.start - from).toFixed(0)} ms (${t.duration.toFixed(0)} ms)`)
        .join(', ') || 'none',
  };
};

/**
 * The page's own main-thread time (ms) in a window of wall-clock time, from its trace: the thread time
 * of each task in the window (a task that straddles an edge counts in proportion). `mark` ties the
 * trace's clock to the wall clock: the mark's name and the wall-clock time the page gave it.
 */
function ownTime(events: TraceEvent[], mark: { name: string; at: number }) {
  const m = traceMark(events, mark.name);
  if (!m) return Object.assign(() => NaN, { tasksIn: (): { start: number; wall: number; own: number }[] => [] });
  const tasks = threadTasks(events, m);
  const wallOf = (ts: number) => mark.at + (ts - m.ts) / 1000;
  /** The tasks that began in a window: when (wall clock), their wall time and their own thread time. */
  const tasksIn = (from: number, to: number) =>
    tasks
      .map((t) => ({ start: wallOf(t.ts), wall: (t.dur ?? 0) / 1000, own: (t.tdur ?? t.dur ?? 0) / 1000 }))
      .filter((t) => t.start >= from && t.start < to);
  return Object.assign(
    (from: number, to: number) => {
      let own = 0;
      for (const t of tasks) {
        const start = wallOf(t.ts);
        const wall = (t.dur ?? 0) / 1000;
        const overlap = Math.min(to, start + wall) - Math.max(from, start);
        if (overlap <= 0) continue;
        own += ((t.tdur ?? t.dur ?? 0) / 1000) * (wall > 0 ? Math.min(1, overlap / wall) : 1);
      }
      return own;
    },
    { tasksIn },
  );
}

/** The task with the longest own thread time, with its wall time. */
function ownLongest(tasks: { wall: number; own: number }[]): string {
  const t = tasks.reduce<{ wall: number; own: number } | undefined>((m, x) => (m && m.own >= x.own ? m : x), undefined);
  return t ? `${t.own.toFixed(0)} ms (wall ${t.wall.toFixed(0)} ms)` : 'none';
}

console.log(`load average at start: ${load()} (2 cores shared)`);
const dir = mkdtempSync(join(tmpdir(), 'segments-crosspane-'));
const sessions: BrowserSession[] = [];
let failed = false;
try {
  const out = join(dir, 'page');
  await build(out);
  const o = await httpsOptions();
  const server = await startServer({
    dataDir: join(dir, 'pglite'),
    tls: { cert: o.cert, key: o.key },
    pane: { kind: 'dist', dir: out },
  });
  // The server's own share: each push and pull it served, timed in this process (same clock as the pages).
  const wall = () => performance.timeOrigin + performance.now();
  const served: { what: string; start: number; end: number }[] = [];
  const service = server.service;
  const push = service.push.bind(service);
  service.push = async (req, ctx) => {
    const start = wall();
    try {
      return await push(req, ctx);
    } finally {
      const changes = req.changesets.reduce((n, c) => n + c.changes.length, 0);
      const part = req.changesets.find((c) => c.part)?.part;
      served.push({
        what: `push of ${changes} rows${part ? ` (part ${part.no} of ${part.of})` : ''}`,
        start,
        end: wall(),
      });
    }
  };
  const pull = service.pull.bind(service);
  service.pull = async (since, o) => {
    const start = wall();
    const page = await pull(since, o);
    served.push({ what: `pull of ${page.rows.length} rows`, start, end: wall() });
    return page;
  };
  try {
    const open = async () => {
      const s = await launch();
      sessions.push(s);
      await s.page.goto(`${server.url}/crosspane.html`);
      await s.page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
      await s.page.evaluate(() => window.crosspane.open());
      return s.page;
    };
    const a = await open();
    const b = await open();
    if (process.env.BENCH_CROSSPANE_DEFER_SETTLE)
      await a.evaluate((ms) => window.crosspane.deferSettle(ms), Number(process.env.BENCH_CROSSPANE_DEFER_SETTLE));
    await a.evaluate((n) => window.crosspane.seed(n), LINES);
    await b.evaluate((n) => window.crosspane.waitForContacts(n), LINES);
    await a.evaluate(() => window.crosspane.waitPushed());

    const totals: number[] = [];
    /** The receiving pane's rebase of the segment (wall, ms), each run. */
    const rebases: number[] = [];
    /** When the receiving pane's status line first said that changes were arriving (ms from the commit), each run. */
    const shown: number[] = [];
    let worstA = 0;
    let worstB = 0;
    for (let run = 1; run <= RUNS; run++) {
      // Both panes settled first: a round still pulling what came before would revert and replay the new
      // segment (a pane that shared for the first time pulls back the rows it pushed itself).
      await a.evaluate(() => window.crosspane.settle());
      await b.evaluate(() => window.crosspane.settle());
      const description = `Ten thousand ${run}`;
      const traces = process.env.BENCH_CROSSPANE_PROFILE
        ? undefined
        : await Promise.all([a, b].map((p) => startTrace(p, 256 * 1024)));
      const marks = await Promise.all(
        [a, b].map(async (p, i) => {
          const name = `crosspane-${'ab'[i]}-${run}`;
          return { name, at: await p.evaluate((n) => window.crosspane.mark(n), name) };
        }),
      );
      await b.evaluate(() => window.crosspane.watchReceiving());
      const seen = b.evaluate(([d, n]) => window.crosspane.waitForLines(d, n), [description, LINES] as const);
      const { committedAt } = await a.evaluate((d) => window.crosspane.buildSegment(d), description);
      const profiling = process.env.BENCH_CROSSPANE_PROFILE
        ? await Promise.all(
            [a, b].map(async (p) => {
              const cdp = await p.context().newCDPSession(p);
              await cdp.send('Profiler.enable');
              await cdp.send('Profiler.start');
              return cdp;
            }),
          )
        : undefined;
      const pushedAt = await a.evaluate(() => window.crosspane.waitPushed());
      const seenAt = await seen;
      const shownAt = await b.evaluate(() => window.crosspane.receivingAt());
      if (shownAt !== undefined) shown.push(shownAt - committedAt);
      // The sending pane's round ends with writing its rows' revisions (settle): its tasks count too.
      const roundOverAt = await a.evaluate(async () => {
        await window.crosspane.settle();
        return window.crosspane.now();
      });
      if (profiling)
        for (const [i, cdp] of profiling.entries()) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(
            join(process.env.BENCH_CROSSPANE_PROFILE!, `${'ab'[i]}-${run}.cpuprofile`),
            JSON.stringify(profile),
          );
        }
      const [ownA, ownB] = traces
        ? await Promise.all(traces.map(async (t, i) => ownTime(await endTrace(t), marks[i])))
        : [Object.assign(() => NaN, { tasksIn: () => [] }), Object.assign(() => NaN, { tasksIn: () => [] })];
      const onA = describeTasks(
        await a.evaluate(([f, t]) => window.crosspane.longTasks(f, t), [committedAt, pushedAt]),
      );
      const onARound = describeTasks(
        await a.evaluate(([f, t]) => window.crosspane.longTasks(f, t), [committedAt, roundOverAt]),
      );
      const onB = describeTasks(await b.evaluate(([f, t]) => window.crosspane.longTasks(f, t), [committedAt, seenAt]));
      const total = seenAt - committedAt;
      const ms = (t: number) => `${(t - committedAt).toFixed(0)}`;
      const own = (f: (from: number, to: number) => number, from: number, to: number) => {
        const x = f(from, to);
        return Number.isFinite(x) ? `, own ${x.toFixed(0)} ms` : '';
      };
      const phases = (
        name: string,
        t: { requests: TimedRequest[]; events: number[]; steps: TimedStep[] },
        mine: (from: number, to: number) => number,
      ) =>
        `  ${name}: ` +
        [
          // Steps of 20 ms or more (the small rounds around are left out).
          ...t.steps
            .filter((r) => r.end - r.start >= 20)
            .map((r) => `${r.what} ${ms(r.start)}→${ms(r.end)} ms${own(mine, r.start, r.end)}`),
          ...t.requests.map(
            (r) => `${r.what} ${ms(r.start)}→${ms(r.answered)}→${ms(r.end)} ms (${(r.bytes / 1024).toFixed(0)} KB)`,
          ),
          ...t.events.map((e) => `event at ${ms(e)} ms`),
        ].join('; ');
      const timelineA = await a.evaluate(([f, t]) => window.crosspane.timeline(f, t), [committedAt, seenAt]);
      const timelineB = await b.evaluate(([f, t]) => window.crosspane.timeline(f, t), [committedAt, seenAt]);
      const phaseText = [
        phases('sending pane (from its commit)', timelineA, ownA),
        phases('receiving pane', timelineB, ownB),
        `  own main-thread time (the page's own work, which load does not inflate): sending pane from its commit until acknowledged ${own(ownA, committedAt, pushedAt).slice(6)} (wall ${(pushedAt - committedAt).toFixed(0)} ms); receiving pane until it had every line ${own(ownB, committedAt, seenAt).slice(6)}`,
        `  server: ${served
          .filter((x) => x.end > committedAt && x.start < seenAt)
          .map((x) => `${x.what} ${ms(x.start)}→${ms(x.end)} ms`)
          .join('; ')}`,
        `  tasks over ${TASK_GOAL_MS} ms on the sending pane at ${onA.when(committedAt)} (until its round was over: ${onARound.when(committedAt)}); on the receiving pane at ${onB.when(committedAt)}`,
        ...(traces
          ? [
              `  longest task by the page's own thread time: sending pane until its round was over ${ownLongest(ownA.tasksIn(committedAt, roundOverAt))}; receiving pane until it had every line ${ownLongest(ownB.tasksIn(committedAt, seenAt))}`,
            ]
          : []),
        `  pushed and acknowledged at ${ms(pushedAt)} ms; the other pane's status line said changes were arriving at ${shownAt === undefined ? 'no time (it never did)' : `${ms(shownAt)} ms`}; every line seen on the other pane at ${ms(seenAt)} ms`,
      ].join('\n');
      totals.push(total);
      const rebase = timelineB.steps
        .filter((r) => r.what.startsWith('rebase of'))
        .reduce((m, r) => Math.max(m, r.end - r.start), 0);
      rebases.push(rebase);
      worstA = Math.max(worstA, onA.longest, onARound.longest);
      worstB = Math.max(worstB, onB.longest);
      console.log(
        `run ${run}: a ${LINES.toLocaleString('en')}-line segment reached the other pane in ${(total / 1000).toFixed(2)} s (pushed and acknowledged in ${((pushedAt - committedAt) / 1000).toFixed(2)} s); sending pane while it pushed: ${onA.text}; until its round was over (its rows' revisions settled, ${((roundOverAt - committedAt) / 1000).toFixed(2)} s): ${onARound.text}; receiving pane until it had every line: ${onB.text}\n${phaseText}`,
      );
    }
    const best = Math.min(...totals);
    const median = [...totals].sort((x, y) => x - y)[Math.floor(totals.length / 2)];
    const metTime = median <= GOAL_MS;
    const metTasks = worstA <= TASK_GOAL_MS;
    // The floor, on the receiving pane after the runs: plain Dexie writing the lines it received.
    const floor = await b.evaluate((n) => window.crosspane.floor(n), RUNS);
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const floorMs = med(floor.schema);
    const floorLean = med(floor.withoutSegmentId);
    const rebaseMs = med(rebases);
    console.log(
      `floor (receiving pane, plain Dexie bulkPut of the ${floor.lines.toLocaleString('en')} segment lines it received, one transaction, a scratch database with segmentLines' indexes): ${floorMs.toFixed(0)} ms median of ${RUNS} (${floor.schema.map((x) => x.toFixed(0)).join(' / ')}); without the segmentId index ${floorLean.toFixed(0)} ms (${floor.withoutSegmentId.map((x) => x.toFixed(0)).join(' / ')}), saving ${(floorMs - floorLean).toFixed(0)} ms = ${((100 * (floorMs - floorLean)) / rebaseMs).toFixed(0)} % of the rebase; in the store's slices ${med(floor.sliced).toFixed(0)} ms (${floor.sliced.map((x) => x.toFixed(0)).join(' / ')}) = ${(med(floor.sliced) / floorMs).toFixed(2)}×; the store's rebase of the same lines ${rebaseMs.toFixed(0)} ms median = ${(rebaseMs / floorMs).toFixed(2)}× the floor; cross-pane ${(median / 1000).toFixed(2)} s = ${(median / floorMs).toFixed(2)}× the floor [goal ≤ ${(GOAL_MS / 1000).toFixed(1)} s: ${metTime ? 'met' : 'not met'}, ${median > GOAL_MS ? `${((median - GOAL_MS) / 1000).toFixed(2)} s over` : 'within'}; the floor alone is ${((100 * floorMs) / GOAL_MS).toFixed(0)} % of it]`,
    );
    // The rebase alone: the same code and rows as in the runs, with nothing else running and into new
    // databases, taking turns with the floor and with plain Dexie into the store's database.
    const alone = await b.evaluate((n) => window.crosspane.alone(n), ALONE);
    const aloneFloor = med(alone.floor);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
    console.log(
      `rebase alone (receiving pane after the runs, ${alone.rows.toLocaleString('en')} rows, ${ALONE} turns, each into a new database): floor ${aloneFloor.toFixed(0)} ms (${list(alone.floor)}); plain Dexie into the store's database, one transaction over its tables ${med(alone.plainStore).toFixed(0)} ms (${list(alone.plainStore)}) = ${(med(alone.plainStore) / aloneFloor).toFixed(2)}×; the store's rebase ${med(alone.rebase).toFixed(0)} ms (${list(alone.rebase)}) = ${(med(alone.rebase) / aloneFloor).toFixed(2)}× the floor [aim ≤ 1.1×]; the floor into this pane's own database (holding the contacts and the runs' lines) ${med(alone.populated).toFixed(0)} ms (${list(alone.populated)}) = ${(med(alone.populated) / aloneFloor).toFixed(2)}×, and the store's rebase there (the same rows under new ids) ${med(alone.inPane).toFixed(0)} ms (${list(alone.inPane)}) = ${(med(alone.inPane) / med(alone.populated)).toFixed(2)}× that floor [aim ≤ 1.1×]; in the runs the rebase was ${(rebaseMs / aloneFloor).toFixed(2)}× the floor into a new database and ${(rebaseMs / med(alone.populated)).toFixed(2)}× the floor into this pane's own`,
    );
    // What a read costs right after the commit of 10,000 lines, as the sending pane's push meets it.
    const after = await b.evaluate((n) => window.crosspane.afterCommit(n), AFTER_COMMIT);
    const both = { kept: [...after[0].kept, ...after[1].kept], database: [...after[0].database, ...after[1].database] };
    const reads = (o: { small: number[]; keys: number[]; kept: number[]; database: number[] }) =>
      `one record ${med(o.small).toFixed(0)} ms, the outbox's keys ${med(o.keys).toFixed(0)} ms (${list(o.keys)}), the push's read from the rows kept ${med(o.kept).toFixed(0)} ms (${list(o.kept)}), from the database ${med(o.database).toFixed(0)} ms (${list(o.database)})`;
    console.log(
      `the push's read of the outbox right after a ${LINES.toLocaleString('en')}-line commit (scratch workspace, no sync client, ${AFTER_COMMIT} commits): from the rows the action wrote, kept by the pane, ${med(both.kept).toFixed(0)} ms against reading them back from the database ${med(both.database).toFixed(0)} ms = ${(med(both.kept) / med(both.database)).toFixed(2)}×; the kept rows' read first: ${reads(after[0])}; the database's read first: ${reads(after[1])}`,
    );
    console.log(
      `cross-pane (Chromium, two profiles, one add-in server on PGlite): ${LINES.toLocaleString('en')} lines across in ${(median / 1000).toFixed(2)} s median of ${RUNS} (best ${(best / 1000).toFixed(2)} s) [goal ≤ ${(GOAL_MS / 1000).toFixed(1)} s: ${metTime ? 'met' : 'not met'}]; longest task on the sending pane while it pushed and until its round was over ${worstA.toFixed(0)} ms [goal ≤ ${TASK_GOAL_MS} ms: ${metTasks ? 'met' : 'not met'}]; longest task on the receiving pane until it had every line ${worstB.toFixed(0)} ms; the receiving pane's status line said changes were arriving after ${shown.length === RUNS ? `${(med(shown) / 1000).toFixed(2)} s median` : `${shown.length} of ${RUNS} runs only`}`,
    );
  } finally {
    for (const s of sessions) {
      await s.close();
      removeProfile(s.profileDir);
    }
    await server.close();
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average at the end: ${load()}`);
process.exit(failed ? 1 : 0);
