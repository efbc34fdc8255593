// "Changes waiting" is read from the store once at a time: an action of many writes tells the client
// once per write, and each told read the outbox, all of them in the database right when the push begins.
import { afterEach, expect, test } from 'vitest';
import { outboxMiddleware } from '../../src/store/outbox';
import { createSyncPort, type SyncPort } from '../../src/store/syncPort';
import { SyncClient } from '../../src/sync/syncClient';
import { makeWorkspace, seedMarket } from '../store/helpers';

let close: (() => void) | undefined;
afterEach(() => close?.());

test("an action's writes each tell the client, and the status is read twice at most, ending right", async () => {
  const ref: { client?: SyncClient } = {};
  const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware(() => ref.client?.notifyLocalChange())] });
  close = () => ws.close();
  await seedMarket(ws);
  const port = createSyncPort(ws);
  let counts = 0;
  const counted: SyncPort = {
    ...port,
    pendingCount: () => {
      counts++;
      return port.pendingCount();
    },
  };
  // Not started: no loop and no server, only what a local change does.
  const client = (ref.client = new SyncClient({ port: counted, serverUrl: 'https://localhost:1', locks: null }));
  const seen: number[] = [];
  client.subscribe((s) => seen.push(s.pending));
  const s = await ws.segments.create({ description: 'Many writes', salespersonCode: 'JR' });
  await new Promise((r) => setTimeout(r, 20));
  const expected = await port.pendingCount();
  await expect.poll(() => client.getStatus().pending).toBe(expected);
  counts = 0;
  const told = { n: 0 };
  const notify = client.notifyLocalChange.bind(client);
  client.notifyLocalChange = () => {
    told.n++;
    notify();
  };
  await ws.segments.addContactList(
    s.no,
    (await ws.ctx.db.contacts.toArray()).map((c) => c.no),
    { source: 'test' },
  );
  const after = await port.pendingCount();
  expect(after).toBeGreaterThan(expected);
  await expect.poll(() => client.getStatus().pending).toBe(after);
  await new Promise((r) => setTimeout(r, 50));
  expect(told.n).toBeGreaterThanOrEqual(3);
  expect(counts).toBeLessThanOrEqual(2);
  expect(client.getStatus().pending).toBe(after);
});
