// The page's main-thread tasks while a step runs, from Chromium's own trace: each task's wall time and its
// own thread time. On a machine shared with other work a task's wall time includes the time the page's
// thread waited for a processor; its thread time is only the page's own work, which is what the page can
// be held to whatever the machine's load.
import type { CDPSession, Page } from 'playwright-core';

/** An event of Chromium's trace, as the DevTools protocol reports it (times in µs). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** A trace being recorded: the page's session and the events gathered so far. */
export interface Trace {
  cdp: CDPSession;
  events: TraceEvent[];
}

/** Starts tracing the page's tasks and its marks (not every process's events, which fill the buffer). */
export async function startTrace(page: Page, bufferKb?: number, extraCategories: string[] = []): Promise<Trace> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-devtools.timeline', 'blink.user_timing', ...extraCategories],
      recordMode: 'recordAsMuchAsPossible',
      ...(bufferKb ? { traceBufferSizeInKb: bufferKb } : {}),
    },
    transferMode: 'ReportEvents',
  });
  return { cdp, events };
}

/** Ends the trace and gives every event it holds. */
export async function endTrace(t: Trace): Promise<TraceEvent[]> {
  const complete = new Promise((resolve) => t.cdp.once('Tracing.tracingComplete', resolve));
  await t.cdp.send('Tracing.end');
  await complete;
  await t.cdp.detach();
  return t.events;
}

/** The page's mark (performance.mark) of that name in the trace. */
export const traceMark = (events: TraceEvent[], name: string): TraceEvent | undefined =>
  events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);

/** Every task run by the thread that made `mark`: the page's main thread. */
export const threadTasks = (events: TraceEvent[], mark: TraceEvent): TraceEvent[] =>
  events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === mark.pid &&
      e.tid === mark.tid &&
      (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'),
  );

/** The trace category of V8's garbage collections (pass it to startTrace to have gcIn() find them). */
export const GC_CATEGORY = 'disabled-by-default-v8.gc';

/** V8's pauses of the page's thread for garbage, each at the top of its kind (their phases nest inside). */
const GC_PAUSES = new Set([
  'V8.GC_MARK_COMPACTOR',
  'V8.GC_SCAVENGER',
  'V8.GC_MINOR_MARK_SWEEPER',
  'V8.GC_MC_INCREMENTAL',
  'V8.GC_MC_INCREMENTAL_START',
  'V8.GC_MC_INCREMENTAL_FINALIZE',
]);

/** V8's garbage-collection pauses in the trace (none when it was started without GC_CATEGORY). */
export const gcPauses = (events: TraceEvent[]): TraceEvent[] =>
  events.filter((e) => e.ph === 'X' && GC_PAUSES.has(e.name)).sort((a, b) => a.ts - b.ts);

/**
 * The milliseconds of garbage collection inside `task` on its thread: the union of the pauses V8 took
 * there (a phase nested in another counts once), clipped to the task.
 */
export function gcIn(pauses: TraceEvent[], task: TraceEvent): number {
  const end = task.ts + (task.dur ?? 0);
  let us = 0;
  let covered = task.ts;
  for (const e of pauses) {
    if (e.pid !== task.pid || e.tid !== task.tid) continue;
    if (e.ts >= end) break;
    const from = Math.max(e.ts, covered);
    const to = Math.min(e.ts + (e.dur ?? 0), end);
    if (to > from) {
      us += to - from;
      covered = to;
    }
  }
  return us / 1000;
}

export interface PageTask {
  /** ms from the start of the step */
  start: number;
  /** ms from the task's start to its end, waits for a processor included */
  wall: number;
  /** ms of the main thread's own work in the task */
  own: number;
}

let traced = 0;

/**
 * Runs `step` while Chromium traces the page, and returns the step's result with every task the page's
 * main thread ran between the step's start and its end. Fails when the trace holds no task of the page
 * (a trace that saw nothing proves nothing).
 */
export async function traceTasks<T>(page: Page, step: () => Promise<T>): Promise<{ result: T; tasks: PageTask[] }> {
  const trace = await startTrace(page);
  const id = ++traced;
  const [startMark, endMark] = [`traced-step-start-${id}`, `traced-step-end-${id}`];
  let result: T;
  try {
    await page.evaluate((m) => performance.mark(m), startMark);
    result = await step();
    await page.evaluate((m) => performance.mark(m), endMark);
  } finally {
    await endTrace(trace);
  }
  const events = trace.events;
  const start = traceMark(events, startMark);
  const end = traceMark(events, endMark);
  if (!start || !end) throw new Error(`the trace holds no mark of the step (${events.length} events)`);
  const tasks = threadTasks(events, start)
    .filter((e) => e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts)
    .map((e) => ({
      start: (e.ts - start.ts) / 1000,
      wall: (e.dur ?? 0) / 1000,
      own: e.tdur === undefined ? NaN : e.tdur / 1000,
    }));
  if (tasks.length === 0) throw new Error(`the trace holds no task of the page (${events.length} events)`);
  // Without a task's thread time its own work is unknown: never read its wall time in its place.
  if (tasks.some((t) => Number.isNaN(t.own))) throw new Error('the trace holds a task without its thread time');
  return { result, tasks };
}
