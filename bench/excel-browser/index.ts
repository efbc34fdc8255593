// The Excel import bench page: in the browser's real IndexedDB, the whole import as the pane runs it
// (the Excel adapter over an office-addin-mock workbook of N rows × 12 columns, the mapping, the review
// of the decisions, the import into the store) and, in the same page on the same data, the baseline:
// the store's contacts.upsert of the same rows, already mapped, into a fresh workspace. Long tasks are
// observed (PerformanceObserver 'longtask') while each runs; the import's progress reports are counted.
// bench/excel-browser.bench.ts builds it, opens it in Chromium and calls window.runExcelImportBench(sizes).
import { suggestMapping } from '../../src/domain/columnMapping';
import { importContacts, reviewImport, type ImportWorkspace } from '../../src/domain/contactImport';
import { nextTask } from '../../src/domain/importResolve';
import { prepareRowsInSteps, type PreparedImport } from '../../src/domain/sheetImport';
import type { SheetRead } from '../../src/domain/ports/excelPort';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { BLOCK_CELLS } from '../../src/office/excel/readRange';
import { openWorkspace, type WorkspaceHandle } from '../../src/store/index';
import { ExcelMock } from '../../test/office/excelMock';
import { addContactSheet, addSheetCodes } from '../../test/office/sheetFixtures';

export interface ExcelImportSizes {
  rows: number;
  runs: number;
}

export interface LongTasks {
  count: number;
  longest: number;
  /** Summed duration of the long tasks. */
  total: number;
  /** The longest task that overlaps none of the mock host's own work (a sync answering a block). */
  longestOutsideHost: number;
  /** The longest tasks, each with the step of the import it fell in and whether the mock host was answering then. */
  worst: { start: number; duration: number; step?: string; host?: boolean }[];
}

export interface ExcelImportRun {
  importMs: number;
  readMs: number;
  prepareMs: number;
  reviewMs: number;
  writeMs: number;
  upsertMs: number;
  importTasks: LongTasks;
  upsertTasks: LongTasks;
  /** Progress reports of the import (read blocks, preparation slices, write batches). */
  progress: number;
  /** The longest gap between two progress reports (or the start and the first, the last and the end). */
  longestProgressGap: number;
  /** The longest gaps between progress reports: where each ended (ms from the import's start) and its length. */
  widestGaps: { at: number; gap: number; step: string }[];
  syncs: number;
  inserted: number;
  upserted: number;
  storedAfterImport: number;
  storedAfterUpsert: number;
  /** The stored contacts of both ways compared field by field (ids and stamps aside). */
  sameContacts: boolean;
  /** The mock host's answers to the read's syncs, in ms from the import's start. */
  hostSpans: [number, number][];
  /** The import's steps' ends (read, prepare, review), in ms from its start. */
  stepEnds: number[];
}

/** One read of the sheet alone (no preparation), as the adapter runs it with one way of sizing its blocks. */
export interface ReadAlone {
  /** Cells a block may ask for; null: no limit but the bytes (how blocks were sized before). */
  blockCells: number | null;
  /** The mark pair around it in the browser's trace: `${mark}-start`, `${mark}-end`. */
  mark: string;
  syncs: number;
  readMs: number;
  /** The mock host's answers to the syncs (ms, in the page). */
  hostLongest: number;
  hostMedian: number;
  /** Rows of the largest block. */
  largestBlock: number;
  /** The mock host's answers, in ms from the read's start. */
  hostSpans: [number, number][];
  longTasks: LongTasks;
}

declare global {
  interface Window {
    runExcelImportBench(sizes: ExcelImportSizes): Promise<ExcelImportRun[]>;
    runReadAlone(rows: number, run: number, blocks: 'cells' | 'bytes'): Promise<ReadAlone>;
  }
}

const say = (line: string) => {
  document.getElementById('state')!.textContent = line;
  console.log(`bench: ${line}`);
};

const fixedNow = () => new Date('2026-03-02T09:30:00Z');
let dbNo = 0;

/** The codes the fixture uses, so that the review has nothing to ask and both ways write the same rows. */
async function freshWorkspace(): Promise<WorkspaceHandle> {
  const ws = await openWorkspace({ name: `excel-import-${Date.now()}-${++dbNo}`, now: fixedNow });
  await addSheetCodes(ws);
  return ws;
}

/** Long tasks from now until stop(); `host` holds the intervals the mock host spent answering syncs. */
function observeLongTasks(host: [number, number][] = []) {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  return {
    async stop(): Promise<LongTasks> {
      // Entries are delivered after their task ends: one more task lets the last one arrive.
      await new Promise((r) => setTimeout(r, 50));
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const outside = entries.filter((e) => !host.some(([a, b]) => a < e.startTime + e.duration && b > e.startTime));
      return {
        count: entries.length,
        longest: Math.max(0, ...entries.map((e) => e.duration)),
        total: entries.reduce((sum, e) => sum + e.duration, 0),
        longestOutsideHost: Math.max(0, ...outside.map((e) => e.duration)),
        worst: [...entries]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 8)
          .map((e) => ({
            start: e.startTime,
            duration: e.duration,
            host: host.some(([a, b]) => a < e.startTime + e.duration && b > e.startTime),
          })),
      };
    },
  };
}

/** A stored contact without what differs between two workspaces (its id and stamps). */
const strip = (c: object) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = c as Record<string, unknown>;
  return JSON.stringify(rest);
};

interface ImportSide {
  importMs: number;
  hostSpans: [number, number][];
  stepEnds: number[];
  readMs: number;
  prepareMs: number;
  reviewMs: number;
  writeMs: number;
  importTasks: LongTasks;
  progress: number;
  longestProgressGap: number;
  widestGaps: { at: number; gap: number; step: string }[];
  syncs: number;
  inserted: number;
  written: unknown[];
  stored: string[];
}

/**
 * The read as the pane runs it (the adapter over the mock), the rows prepared as they arrive, each block
 * while the host reads the next, with the mapping the header suggests (the pane's, when the user keeps
 * it). The workbook lives in the page here, in Excel's own process in a real pane: the page lets it go
 * once read, so that it does not weigh on the rest of the import (the garbage collector's work).
 */
async function readSheet(
  workbook: { mock?: ExcelMock },
  step: (done: number) => Promise<void>,
  onProgress: () => void,
  hostSpans: [number, number][],
): Promise<{ read: SheetRead; preparing: Promise<PreparedImport> }> {
  const mock = workbook.mock!;
  delete workbook.mock;
  const port = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
  let preparing: Promise<PreparedImport> | undefined;
  const read = await port.read(
    { kind: 'selection' },
    {
      onProgress,
      onRows: (growing, arriving) => {
        const source = { workbook: growing.ref.workbook, sheet: growing.ref.sheet };
        preparing = prepareRowsInSteps(growing, suggestMapping(growing.header), source, step, {}, undefined, arriving);
        // A failed read fails the preparation too: the read's own error is the one thrown.
        preparing.catch(() => undefined);
      },
    },
  );
  // The mock answers each sync in the page (Excel does it in its own process): its spans are kept apart.
  for (const b of mock.batches) if (b.span) hostSpans.push(b.span);
  if (!preparing) throw new Error('bench: the read never handed its rows over while reading');
  return { read, preparing };
}

/** The import as the pane runs it: read (adapter over the mock), map, prepare in steps, review, import. */
async function importSide(sizes: ExcelImportSizes, run: number): Promise<ImportSide> {
  const workbook: { mock?: ExcelMock } = { mock: new ExcelMock({ answerInTask: true }) };
  addContactSheet(workbook.mock!, sizes.rows);
  const ws = await freshWorkspace();
  // The rows the import hands to the store, as written: the baseline upserts exactly these.
  let written: unknown[] = [];
  const importWs: ImportWorkspace = {
    ...ws,
    contacts: {
      nextNos: (n) => ws.contacts.nextNos(n),
      list: (f) => ws.contacts.list(f),
      importRows: (input, o) => {
        written = input.rows;
        return ws.contacts.importRows(input, o);
      },
    },
  };
  say(`run ${run}: import of ${sizes.rows} rows`);
  const progressAt: number[] = [];
  const hostSpans: [number, number][] = [];
  const tasks = observeLongTasks(hostSpans);
  const trail: string[] = [];
  const step = async (done: number) => {
    const now = performance.now();
    trail.push(`${(now - (progressAt.at(-1) ?? now)).toFixed(0)}:${done}`);
    progressAt.push(now);
    // As the pane's progress step: a new task, not a timer.
    await nextTask();
  };
  // Marks for the browser's trace (the bench reads each task's own thread time between them).
  performance.mark(`import-start-${run}`);
  const t0 = performance.now();
  const { read, preparing } = await readSheet(workbook, step, () => progressAt.push(performance.now()), hostSpans);
  const t1 = performance.now();
  const prepared = await preparing;
  const t2 = performance.now();
  const review = await reviewImport(importWs, prepared);
  const t3 = performance.now();
  trail.push('|');
  const result = await importContacts(importWs, prepared, { onProgress: step });
  console.log(`bench: progress trail (ms since the previous report: rows done) ${trail.join(' ')}`);
  const t4 = performance.now();
  performance.mark(`import-end-${run}`);
  const importTasks = await tasks.stop();
  const stepOf = (at: number) =>
    at < t1 ? 'read' : at < t2 ? 'prepare' : at < t3 ? 'review' : at < t4 ? 'import' : 'after';
  for (const w of importTasks.worst) {
    w.step = stepOf(w.start);
    w.start -= t0;
  }
  if (review.unknownCodes.length || review.existingMatches.length)
    throw new Error('bench: the review found decisions to make; the fixture and the seeded codes disagree');
  const stored = (await ws.contacts.list()).map(strip);
  ws.close();
  const marks = [t0, ...progressAt, t4];
  const gaps = marks.map((t, i) => (i === 0 ? 0 : t - marks[i - 1]));
  const widestGaps = gaps
    // The last gap ends with the import (its report and the transaction's commit after the last batch).
    .map((gap, i) => ({
      at: marks[i] - t0,
      gap,
      step: i === marks.length - 1 ? 'import (to its end)' : stepOf(marks[i]),
    }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 5);
  return {
    importMs: t4 - t0,
    hostSpans: hostSpans.map(([a, b]) => [a - t0, b - t0]),
    stepEnds: [t1 - t0, t2 - t0, t3 - t0],
    readMs: t1 - t0,
    prepareMs: t2 - t1,
    reviewMs: t3 - t2,
    writeMs: t4 - t3,
    importTasks,
    progress: progressAt.length,
    longestProgressGap: Math.max(...gaps),
    widestGaps,
    syncs: read.syncs,
    inserted: result.inserted,
    written,
    stored,
  };
}

/** The baseline: the store's contacts.upsert of the same rows, already mapped, into a fresh workspace. */
async function upsertSide(rows: unknown[], run: number) {
  say(`run ${run}: upsert alone of ${rows.length} rows`);
  const ws = await freshWorkspace();
  const copy = structuredClone(rows);
  const tasks = observeLongTasks();
  const u0 = performance.now();
  const up = await ws.contacts.upsert(copy);
  const u1 = performance.now();
  const upsertTasks = await tasks.stop();
  const stored = (await ws.contacts.list()).map(strip);
  ws.close();
  return { upsertMs: u1 - u0, upsertTasks, upserted: up.inserted + up.updated, stored };
}

/**
 * The read alone, with the adapter's blocks (`blockCells` undefined: BLOCK_CELLS) or with blocks sized by
 * their bytes alone (Infinity), on a workbook of its own: how long the host's answer to one sync is, and
 * how many syncs the read takes, both ways in the same page under the same load.
 */
async function readAlone(rows: number, run: number, blockCells: number | undefined): Promise<ReadAlone> {
  const mock = new ExcelMock({ answerInTask: true });
  addContactSheet(mock, rows);
  const limited = blockCells === undefined;
  say(`run ${run}: the read alone, ${limited ? 'blocks sized by cells' : 'blocks sized by bytes alone'}`);
  const port = createExcelPort({
    run: mock.run,
    supports: { mergedAreas: true, specialCells: true },
    blockCells,
  });
  const mark = `read-${run}-${limited ? 'cells' : 'bytes'}`;
  const sizes: number[] = [];
  // The task that built the workbook ends before the read's marks: its work is not the read's.
  await nextTask();
  const tasks = observeLongTasks();
  performance.mark(`${mark}-start`);
  const t0 = performance.now();
  let last = 0;
  const read = await port.read(
    { kind: 'selection' },
    {
      onProgress: (p) => {
        sizes.push(p.rowsRead + 1 - last);
        last = p.rowsRead + 1;
      },
    },
  );
  const t1 = performance.now();
  performance.mark(`${mark}-end`);
  const longTasks = await tasks.stop();
  const spans = mock.batches.flatMap((b) => (b.span ? [b.span] : []));
  const answers = spans.map(([a, b]) => b - a).sort((a, b) => a - b);
  for (const w of longTasks.worst) w.start -= t0;
  return {
    blockCells: limited ? BLOCK_CELLS : null,
    mark,
    syncs: read.syncs,
    readMs: t1 - t0,
    hostLongest: answers.at(-1) ?? 0,
    hostMedian: answers[Math.floor(answers.length / 2)] ?? 0,
    largestBlock: Math.max(...sizes),
    hostSpans: spans.map(([a, b]) => [a - t0, b - t0]),
    longTasks,
  };
}

let rowsOfFirstRun: unknown[] | undefined;

/** Odd runs import first, even runs upsert first (the rows the first run wrote), so order favours neither. */
async function oneRun(sizes: ExcelImportSizes, run: number): Promise<ExcelImportRun> {
  let imp: ImportSide;
  let base: Awaited<ReturnType<typeof upsertSide>>;
  if (run % 2 === 0 && rowsOfFirstRun) {
    base = await upsertSide(rowsOfFirstRun, run);
    imp = await importSide(sizes, run);
  } else {
    imp = await importSide(sizes, run);
    rowsOfFirstRun ??= imp.written;
    base = await upsertSide(imp.written, run);
  }
  const { written: _w, stored: a, ...figures } = imp;
  const b = base.stored;
  return {
    ...figures,
    upsertMs: base.upsertMs,
    upsertTasks: base.upsertTasks,
    upserted: base.upserted,
    storedAfterImport: a.length,
    storedAfterUpsert: b.length,
    sameContacts: a.length === b.length && a.every((x, i) => x === b[i]),
  };
}

window.runReadAlone = (rows, run, blocks) => readAlone(rows, run, blocks === 'cells' ? undefined : Infinity);

window.runExcelImportBench = async (sizes: ExcelImportSizes): Promise<ExcelImportRun[]> => {
  const runs: ExcelImportRun[] = [];
  for (let run = 1; run <= sizes.runs; run++) runs.push(await oneRun(sizes, run));
  say('done');
  return runs;
};
