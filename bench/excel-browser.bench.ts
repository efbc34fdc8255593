// The Excel import in the browser (issue 13): bench/excel-browser/ built in production mode, served on
// 127.0.0.1 and opened in headless Chromium. In one page, on real IndexedDB: the whole import of N rows ×
// 12 columns as the pane runs it (the Excel adapter over office-addin-mock, mapping, review, import into
// the store) against the store's contacts.upsert of the same rows already mapped (the baseline). Prints
// each figure beside its baseline and goal (import within 1.3× the upsert alone; progress reported; no
// task over 100 ms), met or not met, and the machine's load.
// Run: `npm run bench -- excel-browser`. Env: BENCH_ROWS (100000), BENCH_RUNS (2: one run imports first, the other upserts first).
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPage, runBenchPage } from './buildPage';
import { load, median, ms } from './figures';
import type { ExcelImportRun, ExcelImportSizes, ReadAlone } from './excel-browser/index';
import {
  endTrace,
  gcIn,
  gcPauses,
  GC_CATEGORY,
  startTrace,
  threadTasks,
  traceMark,
  type TraceEvent,
} from '../test/e2e/taskTrace';

const root = resolve(import.meta.dirname, '..');
const sizes: ExcelImportSizes = {
  rows: Number(process.env.BENCH_ROWS ?? 100_000),
  runs: Number(process.env.BENCH_RUNS ?? 2),
};
const RATIO_GOAL = 1.3;
const TASK_GOAL_MS = 100;

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** A task of the import from the trace: its wall time and its own thread time (ms from the import's start). */
interface TracedTask {
  start: number;
  wall: number;
  thread: number;
  host: boolean;
  step: string;
  /** ms of the task that V8 spent collecting garbage (in its own work) */
  gc: number;
}

/**
 * The page's main-thread tasks during run `run`'s import, from the trace: on a machine shared with other
 * work a task's wall time includes the time the thread waited for a processor, its thread time only the
 * page's own work. Tasks that overlap the mock host answering a sync are marked (Excel does that work in
 * its own process).
 */
function importThreadTimes(events: TraceEvent[], run: number, r: ExcelImportRun): TracedTask[] {
  const start = traceMark(events, `import-start-${run}`);
  const end = traceMark(events, `import-end-${run}`);
  if (!start || !end) return [];
  const pauses = gcPauses(events);
  const stepOf = (at: number) =>
    at < r.stepEnds[0] ? 'read' : at < r.stepEnds[1] ? 'prepare' : at < r.stepEnds[2] ? 'review' : 'import';
  return threadTasks(events, start)
    .filter((e) => e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts)
    .map((e) => {
      const at = (e.ts - start.ts) / 1000;
      const wall = (e.dur ?? 0) / 1000;
      return {
        start: at,
        wall,
        thread: (e.tdur ?? e.dur ?? 0) / 1000,
        host: r.hostSpans.some(([a, b]) => a < at + wall && b > at),
        step: stepOf(at),
        gc: gcIn(pauses, e),
      };
    });
}

/** The longest own work (main-thread time) in one task during a read alone, from the trace; -1 without a trace. */
function readOwnWork(events: TraceEvent[], r: ReadAlone): number {
  const start = traceMark(events, `${r.mark}-start`);
  const end = traceMark(events, `${r.mark}-end`);
  if (!start || !end) return -1;
  return threadTasks(events, start)
    .filter((e) => e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts)
    .reduce((m, e) => Math.max(m, (e.tdur ?? e.dur ?? 0) / 1000), 0);
}

/** The read alone, both ways of sizing its blocks, side by side per run. */
function printReads(runs: ReadAlone[][], events: TraceEvent[]): void {
  console.log(
    `\nThe read alone (${sizes.rows} rows × 12 columns, no preparation), both ways in the same page, in turn: ` +
      `blocks of at most ${runs[0]?.find((r) => r.blockCells)?.blockCells ?? '?'} cells (now) against blocks sized by their bytes alone (before), ` +
      `each after a full garbage collection; before the imports.`,
  );
  const way = (cells: boolean) => runs.flat().filter((r) => Boolean(r.blockCells) === cells);
  const [now, before] = [way(true), way(false)];
  const own = (rs: ReadAlone[]) => Math.max(...rs.map((r) => readOwnWork(events, r)));
  if (now.length && before.length)
    console.log(
      `  in all: the host's answer to a sync, median ${ms(median(now.map((r) => r.hostMedian)))} now against ` +
        `${ms(median(before.map((r) => r.hostMedian)))} before (ratio ${(median(now.map((r) => r.hostMedian)) / median(before.map((r) => r.hostMedian))).toFixed(2)}), ` +
        `longest ${ms(Math.max(...now.map((r) => r.hostLongest)))} against ${ms(Math.max(...before.map((r) => r.hostLongest)))}; ` +
        `most own work in one task ${ms(own(now))} against ${ms(own(before))}; syncs ${now[0].syncs} against ${before[0].syncs}; ` +
        `read ${ms(median(now.map((r) => r.readMs)))} against ${ms(median(before.map((r) => r.readMs)))}.`,
    );
  for (const [i, run] of runs.entries()) {
    for (const r of run) {
      const own = readOwnWork(events, r);
      console.log(
        `  run ${i + 1}, ${r.blockCells ? `blocks by cells (${r.blockCells})` : 'blocks by bytes alone'}: ${r.syncs} syncs, ` +
          `largest block ${r.largestBlock} rows, read ${ms(r.readMs)}; the host's answer to a sync: longest ${ms(r.hostLongest)}, ` +
          `median ${ms(r.hostMedian)}; longest task ${r.longTasks.count ? `${ms(r.longTasks.longest)} wall` : 'none over 50 ms wall'}${own >= 0 ? `, most own work in one task ${ms(own)}` : ''}`,
      );
    }
  }
}

function print(
  runs: ExcelImportRun[],
  traced: TracedTask[][],
  loadBefore: string,
  loadAfter: string,
  seconds: number,
): boolean {
  const m = (f: (r: ExcelImportRun) => number) => median(runs.map(f));
  const imp = m((r) => r.importMs);
  const up = m((r) => r.upsertMs);
  const ratio = imp / up;
  const longest = Math.max(...runs.map((r) => r.importTasks.longest));
  const longestOutside = Math.max(...runs.map((r) => r.importTasks.longestOutsideHost));
  const progress = Math.min(...runs.map((r) => r.progress));
  const tasks = traced.flat();
  // Tens of thousands of tasks: a loop, not a spread into Math.max.
  const ownLongest = tasks.reduce((m, t) => Math.max(m, t.thread), 0);
  const ownLongestOutside = tasks.reduce((m, t) => (t.host ? m : Math.max(m, t.thread)), 0);
  const same = runs.every((r) => r.sameContacts && r.storedAfterImport === r.storedAfterUpsert);
  const rows: string[][] = [
    [
      'import time (read + map + review + write)',
      ms(imp),
      `upsert alone ${ms(up)}`,
      `ratio ${ratio.toFixed(2)} <= ${RATIO_GOAL}`,
      verdict(ratio <= RATIO_GOAL),
    ],
    // The issue's goal is on wall time (what a user waits); the own-work rows below it say how much of
    // that the page itself worked, the rest being the wait for a processor on a loaded machine.
    [
      'longest task during the import, wall time',
      ms(longest),
      `upsert alone: ${ms(Math.max(...runs.map((r) => r.upsertTasks.longest)))}`,
      `< ${TASK_GOAL_MS} ms`,
      verdict(longest < TASK_GOAL_MS),
    ],
    [
      "  wall time, without the mock host's syncs",
      ms(longestOutside),
      '',
      `< ${TASK_GOAL_MS} ms`,
      verdict(longestOutside < TASK_GOAL_MS),
    ],
    [
      "  own work (the page's main-thread time)",
      tasks.length ? ms(ownLongest) : 'no trace',
      '',
      `< ${TASK_GOAL_MS} ms`,
      verdict(tasks.length > 0 && ownLongest < TASK_GOAL_MS),
    ],
    [
      "  own work, without the mock host's syncs",
      tasks.length ? ms(ownLongestOutside) : 'no trace',
      '',
      `< ${TASK_GOAL_MS} ms`,
      verdict(tasks.length > 0 && ownLongestOutside < TASK_GOAL_MS),
    ],
    [
      'progress updates during the import',
      String(progress),
      '',
      '> 0, no gap over 1 s',
      verdict(progress > 0 && Math.max(...runs.map((r) => r.longestProgressGap)) <= 1000),
    ],
  ];
  const head = ['figure', 'measured', 'baseline', 'goal', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\nExcel import in Chromium's IndexedDB: ${sizes.rows} rows × 12 columns from an office-addin-mock workbook; ` +
      `median of ${sizes.runs} run(s). Ratio = import / upsert alone of the same rows, wall clock, same page. ` +
      `The rows are prepared while the read goes on (each block while the host reads the next).`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  const loadNow = load();
  console.log(
    `Tasks: the goal (no task over ${TASK_GOAL_MS} ms) is on wall time, and the verdict above is the wall time's. ` +
      `On a machine of ${cpus().length} cores under load (load average ${loadBefore.split(' ')[0]} at the start, ` +
      `${loadNow.split(' ')[0]} now) a task's wall time includes the time the page waited for a processor; ` +
      `its own work is the page's main-thread time in Chromium's trace. Longest task: ${ms(longest)} wall, ` +
      `${tasks.length ? ms(ownLongest) : 'no trace of'} own work (${verdict(longest < TASK_GOAL_MS)} on wall time, ` +
      `${verdict(tasks.length > 0 && ownLongest < TASK_GOAL_MS)} on own work).`,
  );
  console.log(
    `Ratio per run (import / upsert alone, same page, same run): ${runs.map((r) => (r.importMs / r.upsertMs).toFixed(2)).join(', ')}.`,
  );
  for (const [i, r] of runs.entries()) {
    console.log(
      `  run ${i + 1}: ratio ${(r.importMs / r.upsertMs).toFixed(2)}, import ${ms(r.importMs)} (read ${ms(r.readMs)} in ${r.syncs} syncs, the rows prepared as they arrive; the preparation's end ${ms(r.prepareMs)}, ` +
        `review ${ms(r.reviewMs)}, write ${ms(r.writeMs)}); upsert alone ${ms(r.upsertMs)}`,
    );
    console.log(
      `    long tasks: import ${r.importTasks.count} (longest ${ms(r.importTasks.longest)}, ${ms(r.importTasks.total)} in all; ` +
        `outside the host's syncs ${ms(r.importTasks.longestOutsideHost)}); upsert alone ${r.upsertTasks.count} ` +
        `(longest ${ms(r.upsertTasks.longest)}, ${ms(r.upsertTasks.total)} in all)`,
    );
    console.log(
      `    longest tasks of the import: ${r.importTasks.worst.map((w) => `${ms(w.duration)} (${w.step}${w.host ? ', the host answering' : ''}, at ${ms(w.start)})`).join(', ') || 'none'}`,
    );
    const longest = [...(traced[i] ?? [])].sort((a, b) => b.wall - a.wall).slice(0, 4);
    console.log(
      `    longest tasks in the trace: ${longest.map((t) => `${ms(t.wall)} (own work ${ms(t.thread)}, garbage collection ${ms(t.gc)}; ${t.step}${t.host ? ', the host answering' : ''}, at ${ms(t.start)})`).join(', ') || 'no trace'}`,
    );
    const own = [...(traced[i] ?? [])].sort((a, b) => b.thread - a.thread).slice(0, 6);
    console.log(
      `    most own work in one task: ${own.map((t) => `${ms(t.thread)} (wall ${ms(t.wall)}, garbage collection ${ms(t.gc)}; ${t.step}${t.host ? ', the host answering' : ''}, at ${ms(t.start)})`).join(', ') || 'no trace'}`,
    );
    console.log(
      `    progress: ${r.progress} updates, longest gap ${ms(r.longestProgressGap)} (the widest: ${r.widestGaps.map((g) => `${ms(g.gap)} ending at ${ms(g.at)} in the ${g.step}`).join(', ')}); ${r.inserted} inserted by the import, ` +
        `${r.upserted} by the upsert; stored ${r.storedAfterImport} / ${r.storedAfterUpsert}, ` +
        `${r.sameContacts ? 'the same contacts' : 'DIFFERENT contacts'}`,
    );
  }
  const met = rows.filter((r) => !r[0].startsWith('  ')).every((r) => r[4] === 'met') && same;
  console.log(
    `\n${met ? 'All goals met.' : 'Goals NOT all met.'}${same ? '' : ' The two ways stored different contacts.'}`,
  );
  console.log(
    `Machine: ${cpus().length} cores; load average (1, 5, 15 min) ${loadBefore} at the start, ${loadAfter} at the end; ${seconds.toFixed(0)} s in all.`,
  );
  return met;
}

const started = Date.now();
const loadBefore = load();
const out = mkdtempSync(join(tmpdir(), 'segments-excel-bench-'));
await buildPage(out, {
  root,
  name: 'excelImport',
  entry: './bench/excel-browser/index.ts',
  html: 'index.html',
  template: './bench/excel-browser/bench.html',
  // office-addin-mock takes only the OfficeApp names from office-addin-manifest, whose index needs Node.
  alias: { 'office-addin-manifest$': resolve(root, 'node_modules/office-addin-manifest/lib/officeApp.js') },
  // Readable names in a profile; minifying changes nothing that the figures measure.
  minimize: false,
});
await runBenchPage(out, started, 'runExcelImportBench', async (page) => {
  // The browser's trace of every task (wall time and the main thread's own time) while the page runs.
  const trace = await startTrace(page, 1024 * 1024, [GC_CATEGORY]);
  // The read alone both ways first, in turn (odd runs the adapter's blocks first, even runs the others),
  // each after a full garbage collection, so that the workbooks one leaves behind weigh on no other.
  const collect = () => trace.cdp.send('HeapProfiler.collectGarbage');
  const reads: ReadAlone[][] = [];
  for (let run = 1; run <= sizes.runs; run++) {
    const pair: ReadAlone[] = [];
    for (const blocks of run % 2 === 1 ? (['cells', 'bytes'] as const) : (['bytes', 'cells'] as const)) {
      await collect();
      pair.push(await page.evaluate(([n, r, b]) => window.runReadAlone(n, r, b), [sizes.rows, run, blocks] as const));
    }
    reads.push(pair);
  }
  await collect();
  const runs = await page.evaluate((s) => window.runExcelImportBench(s), sizes);
  const events = await endTrace(trace);
  const threadTimes = runs.map((r, i) => importThreadTimes(events, i + 1, r));
  print(runs, threadTimes, loadBefore, load(), (Date.now() - started) / 1000);
  printReads(reads, events);
});
