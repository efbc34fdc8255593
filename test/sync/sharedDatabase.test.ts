// Older Windows builds let the Excel and Word panes share one IndexedDB: one sync loop runs (under the
// database's lock), and it pushes the other pane's changes too.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { openSyncedWorkspace } from '../../src/sync/openSyncedWorkspace';
import { pullAll } from '../server/fixtures';
import { startTestServer, waitFor } from './harness';

/** navigator.locks' exclusive mode, for Node: one holder per name, the others queue. */
function lockManager() {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  return {
    held,
    request(name: string, opts: { signal?: AbortSignal }, run: () => Promise<unknown>): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const start = () => {
          held.add(name);
          run()
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              queues.get(name)?.shift()?.();
            });
        };
        if (!held.has(name)) return start();
        const q = queues.get(name) ?? [];
        queues.set(name, q);
        q.push(start);
        opts.signal?.addEventListener('abort', () => {
          const i = q.indexOf(start);
          if (i >= 0) q.splice(i, 1);
          reject(new Error('aborted'));
        });
      });
    },
  };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

test("two panes on one database run one loop, and the waiting pane's changes are pushed by the running one", async () => {
  const factory = new IDBFactory();
  const locks = lockManager();
  const options = { name: 'shared', indexedDB: factory, IDBKeyRange };
  // Without the server's event stream: what wakes the running loop is the other pane's broadcast.
  const sync = { serverUrl: server.url, locks: locks as never, events: false, backoff: { initialMs: 50, maxMs: 400 } };
  const excel = await openSyncedWorkspace(options, sync);
  const word = await openSyncedWorkspace(options, sync);
  try {
    expect([...locks.held]).toEqual(['segments-sync:shared']);
    const pane = Object.assign(excel, { clock: undefined as never, name: 'excel' });
    await waitFor(pane, (s) => s.connection === 'connected', "the Excel pane's first round");
    await word.workspace.salespeople.upsert([{ code: 'WD', name: 'From Word' }]);
    await waitFor(
      pane,
      async () => (await pullAll(server.url)).rows.some((r) => r.value?.code === 'WD'),
      "the Word pane's change on the server",
    );
    expect(word.sync.getStatus().connection).toBe('starting');
  } finally {
    await word.close();
    await excel.close();
  }
});
