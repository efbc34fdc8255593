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
import type { ExcelImportRun, ExcelImportSizes } from './excel-browser/index';

const root = resolve(import.meta.dirname, '..');
const sizes: ExcelImportSizes = {
  rows: Number(process.env.BENCH_ROWS ?? 100_000),
  runs: Number(process.env.BENCH_RUNS ?? 2),
};
const RATIO_GOAL = 1.3;
const TASK_GOAL_MS = 100;

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

function print(runs: ExcelImportRun[], loadBefore: string, loadAfter: string, seconds: number): boolean {
  const m = (f: (r: ExcelImportRun) => number) => median(runs.map(f));
  const imp = m((r) => r.importMs);
  const up = m((r) => r.upsertMs);
  const ratio = imp / up;
  const longest = Math.max(...runs.map((r) => r.importTasks.longest));
  const longestOutside = Math.max(...runs.map((r) => r.importTasks.longestOutsideHost));
  const progress = Math.min(...runs.map((r) => r.progress));
  const same = runs.every((r) => r.sameContacts && r.storedAfterImport === r.storedAfterUpsert);
  const rows: string[][] = [
    [
      'import time (read + map + review + write)',
      ms(imp),
      `upsert alone ${ms(up)}`,
      `ratio ${ratio.toFixed(2)} <= ${RATIO_GOAL}`,
      verdict(ratio <= RATIO_GOAL),
    ],
    [
      'longest task during the import',
      ms(longest),
      `upsert alone: ${ms(Math.max(...runs.map((r) => r.upsertTasks.longest)))}`,
      `< ${TASK_GOAL_MS} ms`,
      verdict(longest < TASK_GOAL_MS),
    ],
    [
      "  the same, without the mock host's syncs",
      ms(longestOutside),
      '',
      `< ${TASK_GOAL_MS} ms`,
      verdict(longestOutside < TASK_GOAL_MS),
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
      `median of ${sizes.runs} run(s). Ratio = import / upsert alone of the same rows, wall clock, same page.`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const [i, r] of runs.entries()) {
    console.log(
      `  run ${i + 1}: import ${ms(r.importMs)} (read ${ms(r.readMs)} in ${r.syncs} syncs, prepare ${ms(r.prepareMs)}, ` +
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
    console.log(
      `    progress: ${r.progress} updates, longest gap ${ms(r.longestProgressGap)}; ${r.inserted} inserted by the import, ` +
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
  const runs = await page.evaluate((s) => window.runExcelImportBench(s), sizes);
  print(runs, loadBefore, load(), (Date.now() - started) / 1000);
});
