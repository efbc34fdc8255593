// The engine in real IndexedDB: bench/browser/ built in production mode, served as the pane is and opened
// in headless Chromium, times the store (openWorkspace) and plain Dexie in the same page on the same data.
// Each figure is printed beside its plain-Dexie baseline and the goals (ratio <= 1.5; a read a page opens
// with under 100 ms), with met / not met, and the machine's load.
// Run: `npm run bench -- browser`. Env (sizes): BENCH_CONTACTS (100000), BENCH_SEGMENT_LINES (10000),
// BENCH_SEGMENTS (200), BENCH_BIG_EVERY (20: every 20th segment has BENCH_SEGMENT_LINES lines),
// BENCH_SMALL_LINES (200), BENCH_LOG_ENTRIES (100000), BENCH_RUNS (3); BENCH_PARTS (all): the parts to
// measure, comma-separated, of upsert, filters, index, reduce, log, list, entries (`BENCH_PARTS=log`).
import { mkdtempSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPage, runBenchPage } from './buildPage';
import { load, median, ms } from './figures';
import type { EngineFigure, EngineSizes } from './browser/index';

const root = resolve(import.meta.dirname, '..');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sizes: EngineSizes = {
  contacts: env('BENCH_CONTACTS', 100_000),
  segmentLines: env('BENCH_SEGMENT_LINES', 10_000),
  segments: env('BENCH_SEGMENTS', 200),
  bigSegmentEvery: env('BENCH_BIG_EVERY', 20),
  smallSegmentLines: env('BENCH_SMALL_LINES', 200),
  logEntries: env('BENCH_LOG_ENTRIES', 100_000),
  runs: env('BENCH_RUNS', 3),
  parts: process.env.BENCH_PARTS?.split(',')
    .map((p) => p.trim())
    .filter(Boolean),
};
const RATIO_GOAL = 1.5;

function print(figures: EngineFigure[], loadBefore: string, loadAfter: string, seconds: number): void {
  const rows = figures.map((f) => {
    const store = median(f.store);
    const ratio = store / median(f.plain);
    const reference = f.what.startsWith('  ');
    const ratioMet = ratio <= RATIO_GOAL;
    const pageMet = f.pageGoalMs === undefined || store < f.pageGoalMs;
    const goal = reference
      ? '(reference)'
      : `<= ${RATIO_GOAL}x${f.pageGoalMs !== undefined ? `, < ${f.pageGoalMs} ms` : ''}`;
    const verdict = reference
      ? ''
      : ratioMet && pageMet
        ? 'met'
        : `NOT met${!ratioMet ? ' (ratio)' : ''}${!pageMet ? ' (time)' : ''}`;
    return [f.what, f.detail, ms(store), f.plainWhat, ms(median(f.plain)), ratio.toFixed(2), goal, verdict];
  });
  const head = ['store action', 'result', 'median', 'plain Dexie baseline', 'median', 'ratio', 'goal', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\nEngine in Chromium's IndexedDB: ${sizes.contacts} contacts; segments of ${sizes.segmentLines} lines; Segments list of ${sizes.segments} segments ` +
      `(every ${sizes.bigSegmentEvery}th of ${sizes.segmentLines} lines, the others ${sizes.smallSegmentLines}); interaction log of ${sizes.logEntries} entries; ` +
      `median of ${sizes.runs} runs (upsert: 1). Ratio = store median / baseline median, wall clock.`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const f of figures) {
    console.log(`  ${f.what.trim()}: store ${f.store.map(ms).join(', ')}; baseline ${f.plain.map(ms).join(', ')}`);
    if (f.before)
      console.log(
        `    schema v1 read (non-unique index + filter + sort): ${f.before.map(ms).join(', ')}, median ${ms(median(f.before))}; now ${ms(median(f.store))} (${(median(f.before) / median(f.store)).toFixed(1)}x faster)`,
      );
  }
  const missed = figures.filter(
    (f) =>
      !f.what.startsWith('  ') &&
      (median(f.store) / median(f.plain) > RATIO_GOAL ||
        (f.pageGoalMs !== undefined && median(f.store) >= f.pageGoalMs)),
  );
  console.log(
    `\n${figures.length - missed.length - figures.filter((f) => f.what.startsWith('  ')).length} goals met, ${missed.length} not met${missed.length ? `: ${missed.map((f) => f.what).join('; ')}` : ''}.`,
  );
  console.log(
    `Machine: ${cpus().length} cores; load average (1, 5, 15 min) ${loadBefore} at the start, ${loadAfter} at the end; ${seconds.toFixed(0)} s in all.`,
  );
}

const started = Date.now();
const loadBefore = load();
const out = mkdtempSync(join(tmpdir(), 'segments-engine-bench-'));
await buildPage(out, {
  root,
  name: 'engine',
  entry: './bench/browser/index.ts',
  html: 'index.html',
  template: './bench/browser/bench.html',
});
await runBenchPage(out, started, 'runEngineBench', async (page) => {
  const figures = await page.evaluate((s) => window.runEngineBench(s), sizes);
  print(figures, loadBefore, load(), (Date.now() - started) / 1000);
});
