// The push path after an action: nothing but the outbox read stands between one acknowledged batch and
// the next push. "Changes waiting" is read beside it, not before it: after a 10,000-line action, every
// read of the database waits for it, and a count awaited there delayed the next upload by as much.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RunningServer } from '../../src/server/app';
import { openRecordedWorkspace, type SyncPort } from '../../src/store/syncPort';
import { SyncClient } from '../../src/sync/syncClient';
import { seedMarket, testClock } from '../store/helpers';
import { startTestServer } from './harness';

let server: RunningServer;
const closing: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c();
});

test('the next batch is pushed without waiting for the count of changes waiting, and the status still ends right', async () => {
  const clock = testClock();
  const { workspace, port } = await openRecordedWorkspace(
    { name: 'push-path', indexedDB: new IDBFactory(), IDBKeyRange, now: clock.now },
    () => undefined,
  );
  closing.push(() => workspace.close());
  await seedMarket(workspace);
  await workspace.segments.create({ description: 'First', salespersonCode: 'JR' });
  await workspace.segments.create({ description: 'Second', salespersonCode: 'JR' });
  const waiting = await port.pendingCount();
  expect(waiting).toBeGreaterThanOrEqual(3);

  // Counts are held until released: a push path that awaits one stops there.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let counts = 0;
  const slowCount: SyncPort = {
    ...port,
    pendingCount: async () => {
      counts++;
      await held;
      return port.pendingCount();
    },
  };
  const pushes: number[] = [];
  const client = new SyncClient({
    port: slowCount,
    serverUrl: server.url,
    locks: null,
    events: false,
    maxChangesetsPerPush: 1,
    fetch: async (input, init) => {
      if (String(input).endsWith('/push')) pushes.push(Date.now());
      return fetch(input, init);
    },
  });
  closing.push(() => client.stop());
  closing.push(() => release());
  const round = client.syncNow();
  // One changeset per push: every one of them is pushed while the counts are held.
  await expect.poll(() => pushes.length, { timeout: 10_000 }).toBe(waiting);
  expect(counts).toBeGreaterThanOrEqual(1);
  // ...and acknowledged: the outbox is empty while the counts are still held.
  await expect.poll(() => port.pendingCount(), { timeout: 10_000 }).toBe(0);
  release();
  await round;
  expect(client.getStatus().pending).toBe(0);
});
