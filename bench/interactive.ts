// When a page becomes interactive, measured inside the page itself, the same way for the pane and the bare
// page: read in the page, the figure does not depend on how fast the bench's own process (Playwright's
// polling and round trips, on a machine busy with other work) notices it.
//   painted      the first frame that shows the "New segment" button visible and enabled has been rendered
//                (the button checked in each animation frame; the time taken in the task after that frame)
//   interactive  the page can answer a click: the painted time, or, when the main thread is busy with a long
//                task (over 50 ms, the Long Tasks API) after it, the end of the last such task before the page
//                goes quiet (QUIET_MS without a long task or a script arriving). A click in that time would
//                wait for the task to end, so it counts (as Lighthouse's "time to interactive" counts it).
import type { Page } from 'playwright-core';

/** A page is quiet after this long without a long task or a script arriving. */
export const QUIET_MS = 500;

export interface Interactive {
  painted: number;
  interactive: number;
  /** The long tasks after the painted frame: start and duration (ms). */
  longTasks: { start: number; duration: number }[];
}

/** The script added to the page before it loads (Playwright's addInitScript). */
export const MEASURE_INTERACTIVE = `(() => {
  const QUIET = ${QUIET_MS};
  const long = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let done;
  const result = new Promise((resolve) => (done = resolve));
  Object.defineProperty(window, '__interactive', { value: result });
  const ready = () => {
    const b = document.querySelector('[data-testid="new-segment"]');
    if (!b || b.disabled) return false;
    const r = b.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden';
  };
  const scriptsEnd = () => {
    let end = 0;
    for (const e of performance.getEntriesByType('resource'))
      if (e.initiatorType === 'script' || e.initiatorType === 'link') end = Math.max(end, e.responseEnd);
    return end;
  };
  const settle = (painted) => {
    const after = () => long.filter((t) => t.start >= painted);
    const busyUntil = () => Math.max(painted, scriptsEnd(), ...after().map((t) => t.start + t.duration));
    const check = () => {
      const now = performance.now();
      if (now - busyUntil() < QUIET && now - painted < 10000) return void setTimeout(check, 50);
      const tasks = after();
      done({
        painted,
        interactive: Math.max(painted, ...tasks.map((t) => t.start + t.duration)),
        longTasks: tasks,
      });
    };
    setTimeout(check, QUIET);
  };
  const frame = () => {
    if (!ready()) return void requestAnimationFrame(frame);
    // This frame shows the button: the task after it runs once the frame is rendered.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => settle(performance.now());
    ch.port2.postMessage(0);
  };
  requestAnimationFrame(frame);
})();`;

/** Opens `url` in `page` (MEASURE_INTERACTIVE already added) and returns what the page measured. */
export async function measureInteractive(page: Page, url: string): Promise<Interactive> {
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate(
    () => (window as unknown as { __interactive: Promise<Interactive> }).__interactive,
  )) as Interactive;
}
