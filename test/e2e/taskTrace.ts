// The page's main-thread tasks while a step runs, from Chromium's own trace: each task's wall time and its
// own thread time. On a machine shared with other work a task's wall time includes the time the page's
// thread waited for a processor; its thread time is only the page's own work, which is what the page can
// be held to whatever the machine's load.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
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
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    // The page's tasks and its marks only, not every process's events.
    traceConfig: {
      includedCategories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  const id = ++traced;
  const [startMark, endMark] = [`traced-step-start-${id}`, `traced-step-end-${id}`];
  let result: T;
  try {
    await page.evaluate((m) => performance.mark(m), startMark);
    result = await step();
    await page.evaluate((m) => performance.mark(m), endMark);
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const mark = (name: string) => events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
  const start = mark(startMark);
  const end = mark(endMark);
  if (!start || !end) throw new Error(`the trace holds no mark of the step (${events.length} events)`);
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
        e.ts + (e.dur ?? 0) > start.ts &&
        e.ts < end.ts,
    )
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
