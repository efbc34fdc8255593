// Two panes (two Dexie databases over their own fake IndexedDB) and one server in-process.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import { openSyncedWorkspace, type SyncedWorkspace } from '../../src/sync/openSyncedWorkspace';
import type { SyncStatus } from '../../src/sync/syncClient';
import { httpsOptions } from '../../scripts/certs.mjs';
import { testClock, type TestClock } from '../store/helpers';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export async function startTestServer(opts: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const o = await httpsOptions();
  return startServer({ tls: { cert: o.cert, key: o.key }, ...opts });
}

/**
 * One server for a test file, started before its tests and closed after them, and the panes its tests
 * open, closed after each test: `shared.server` is the running server, `shared.pane()` opens a pane on it,
 * `shared.open` holds the panes to close (a test pushes one it opened otherwise).
 */
export function sharedServer(opts: Partial<ServerOptions> = {}) {
  let running: RunningServer | undefined;
  const open: Pane[] = [];
  beforeAll(async () => {
    running = await startTestServer(opts);
  });
  afterAll(async () => {
    await running?.close();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close()));
  });
  const server = (): RunningServer => {
    if (!running) throw new Error('the shared server is not started yet');
    return running;
  };
  return {
    get server() {
      return server();
    },
    open,
    /** A pane on the shared server, closed after the test. */
    pane: async (paneOpts: Parameters<typeof openPane>[1] = {}): Promise<Pane> => {
      const p = await openPane(server().url, paneOpts);
      open.push(p);
      return p;
    },
  };
}

let panes = 0;

export type Pane = SyncedWorkspace & { clock: TestClock; name: string };

/** A pane with its own browser storage; its loop is not started unless `loop` is set. */
export async function openPane(
  serverUrl: string,
  opts: {
    loop?: boolean;
    key?: string;
    bodyCap?: number;
    pageSize?: number;
    start?: string;
    fetch?: typeof fetch;
    eventsSilenceMs?: number;
  } = {},
): Promise<Pane> {
  const clock = testClock(opts.start);
  const name = `pane-${++panes}`;
  const pane = await openSyncedWorkspace(
    { name, indexedDB: new IDBFactory(), IDBKeyRange, now: clock.now },
    {
      serverUrl,
      key: opts.key,
      start: opts.loop ?? false,
      events: true,
      locks: null,
      bodyCap: opts.bodyCap,
      pageSize: opts.pageSize,
      fetch: opts.fetch,
      eventsSilenceMs: opts.eventsSilenceMs,
      backoff: { initialMs: 50, maxMs: 400 },
    },
  );
  return Object.assign(pane, { clock, name });
}

/** Resolves when `check` holds, re-checked after every change of the pane's sync status. */
export function waitFor(
  pane: Pane,
  check: (s: SyncStatus) => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`timed out waiting for ${what}; status ${JSON.stringify(pane.sync.getStatus())}`)),
      timeoutMs,
    );
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      off();
      if (e) reject(e);
      else resolve();
    };
    const test = async () => {
      try {
        if (await check(pane.sync.getStatus())) finish();
      } catch (e) {
        finish(e as Error);
      }
    };
    const off = pane.sync.subscribe(() => void test());
    void test();
  });
}

/** Both panes push and pull until neither has anything left to do. */
export async function settle(...panes: Pane[]): Promise<void> {
  for (let i = 0; i < 3; i++) for (const p of panes) await p.sync.syncNow();
}

/** The text of a request's body, whatever form the pane gave it (a string, or a Blob for large pushes). */
export async function bodyText(init?: RequestInit): Promise<string> {
  const body = init?.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}
