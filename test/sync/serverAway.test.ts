// An idle pane whose server goes away says so within seconds (its event stream broke and cannot be
// opened again), without a round of requests in a loop, and says connected again when the server is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPane, startTestServer, waitFor } from './harness';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segments-server-away-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves when `check` holds, looked at every 20 ms (a count of requests changes no status). */
function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const from = Date.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      if (check()) resolve();
      else if (Date.now() - from > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(look, 20);
    };
    look();
  });
}

test('with every pane idle, the server stopped: offline within seconds; started again: connected, with nothing lost', async () => {
  const dataDir = join(dir, 'data');
  const first = await startTestServer({ dataDir });
  const port = first.port;
  const calls: string[] = [];
  const pane = await openPane(first.url, {
    loop: true,
    fetch: (input, init) => {
      calls.push(new URL(String(input)).pathname.replace(/^.*\/api\/v1/, ''));
      return fetch(input, init);
    },
  });
  const writer = await openPane(first.url);
  let server = first;
  try {
    // Another pane's change reaches this one through the event stream; then every pane is idle.
    await writer.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await writer.sync.syncNow();
    const rev = await first.service.lastRev();
    await waitFor(
      pane,
      (s) => s.connection === 'connected' && s.pending === 0 && s.lastRev >= rev && rev > 0,
      'the pane caught up',
    );
    const idle = calls.length;
    await first.close();
    // Nobody touches the pane: the broken event stream alone tells it, before any round.
    await waitFor(pane, (s) => s.connection === 'offline', 'the idle pane offline', 5_000);
    expect(calls.slice(idle).filter((c) => c !== '/events')).toEqual([]);
    expect(pane.sync.getStatus().pending).toBe(0);
    // Away: the stream is tried again, and the loop asks whether the server is back, both backing off:
    // one small probe at a time, never a round of pushes and pulls.
    const away = calls.length;
    await until(() => calls.slice(away).filter((c) => c === '/events').length >= 3, 'three more tries of the stream');
    expect(calls.slice(away).filter((c) => c === '/push')).toEqual([]);
    server = await startTestServer({ dataDir, port });
    await waitFor(pane, (s) => s.connection === 'connected', 'the pane connected again', 10_000);
    expect(pane.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
    expect((await pane.workspace.salespeople.list()).map((s) => s.code)).toContain('JR');
  } finally {
    await writer.close();
    await pane.close();
    await server.close();
  }
}, 60_000);

/** A response whose body passes on the server's first chunk and then nothing: a connection dropped without a close. */
async function goesSilent(answer: Response, signal?: AbortSignal | null): Promise<Response> {
  const reader = answer.body!.getReader();
  const first = await reader.read();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.value) controller.enqueue(first.value);
      signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
    },
    cancel: () => reader.cancel(),
  });
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** A request that never answers (a network that swallows packets), until it is aborted. */
function neverAnswers(init?: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason as Error);
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

test('an idle pane whose connection drops without a close: the silent stream is given up, offline while nothing answers, connected when it does', async () => {
  const server = await startTestServer({ dataDir: join(dir, 'silent') });
  // The stream that opens first goes silent; then the network swallows every request until `back`.
  let back = false;
  let opened = 0;
  const calls: string[] = [];
  const pane = await openPane(server.url, {
    loop: true,
    eventsSilenceMs: 400,
    fetch: async (input, init) => {
      const path = new URL(String(input)).pathname.replace(/^.*\/api\/v1/, '');
      calls.push(path);
      if (back) return fetch(input, init);
      if (path === '/events' && ++opened === 1) return goesSilent(await fetch(input, init), init?.signal);
      if (opened >= 1 && path === '/events') return neverAnswers(init);
      return fetch(input, init);
    },
  });
  const writer = await openPane(server.url);
  try {
    await waitFor(pane, (s) => s.connection === 'connected' && s.pending === 0, 'the pane connected');
    // The silent stream is given up (0.4 s without a byte), opening it again gets no answer (0.1 s): offline.
    await waitFor(pane, (s) => s.connection === 'offline', 'the pane offline', 5_000);
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c === '/push')).toEqual([]);
    // The network is back: the stream opens, the pane catches up with a change made meanwhile.
    await writer.workspace.salespeople.upsert([{ code: 'MB', name: 'Maria' }]);
    await writer.sync.syncNow();
    back = true;
    await waitFor(pane, (s) => s.connection === 'connected', 'the pane connected again', 10_000);
    await waitFor(
      pane,
      async () => (await pane.workspace.salespeople.list()).some((s) => s.code === 'MB'),
      'the change meanwhile',
    );
  } finally {
    await writer.close();
    await pane.close();
    await server.close();
  }
}, 30_000);
