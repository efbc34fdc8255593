// The pane's code that is not part of the first load (each page, the host pages and their adapters, the
// dialogs, the menu, the other language's messages) is fetched in the background once the pane is
// interactive and idle, so that every page opens while the server is away. One part at a time, each at an
// idle moment and in a task of its own, and none while the user waits for a part of their own (their page
// comes first). A part that cannot be fetched is left for later, silently: the whole walk is tried again
// after a while, and at once when the browser says it is back online. Started by Boot once the workspace
// is open (after the first page is on screen); in the workspace's chunk, not in the first load.
import { laterLoads, userWaiting } from '../ui/common/laterPart';

export interface BackgroundOptions {
  /** Parts the pane knows only at start (the other language's messages), beside those the modules declare. */
  also?: (() => Promise<unknown>)[];
  /** True once the pane is stopped: the walk ends. */
  stopped(): boolean;
  /** Resolves at an idle moment (by default the browser's idle callback). */
  idle?: () => Promise<void>;
  /** Waits before the next walk when a part failed (by default 30 s, doubling up to 10 min, or until back online). */
  later?: (attempt: number) => Promise<void>;
}

/** Resolves when the browser is idle (at the latest after 2 s), or in the next task without idle callbacks. */
export function idleMoment(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}

function waitToRetry(attempt: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(30_000 * 2 ** attempt, 600_000));
    globalThis.addEventListener?.('online', done);
  });
}

/** Fetches every part not fetched yet; resolves once all are here or the pane stopped. */
export async function loadPartsInBackground(options: BackgroundOptions): Promise<void> {
  const { also = [], stopped, idle = idleMoment, later = waitToRetry } = options;
  const done = new Set<() => Promise<unknown>>();
  for (let attempt = 0; ;) {
    // Read again each round: a chunk fetched may declare parts of its own.
    const todo = [...laterLoads(), ...also].filter((load) => !done.has(load));
    if (todo.length === 0 || stopped()) return;
    let failed = false;
    for (const load of todo) {
      // An idle moment, with no part of the user's own on its way.
      await idle();
      while (userWaiting() && !stopped()) await idle();
      if (stopped()) return;
      try {
        await load();
        done.add(load);
      } catch {
        failed = true; // silent: tried again on the next walk
      }
    }
    if (failed) await later(attempt++);
  }
}
