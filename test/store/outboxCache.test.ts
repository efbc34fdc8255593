// A push takes the values of the rows its pane just wrote from the copies the outbox middleware kept, not
// from reading them back; the outbox in the database stays the truth: only the rows it still holds are
// pushed, and whatever the copies lack (another start of the pane, an aborted write) is read from it.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { createSyncPort, openRecordedWorkspace, type RecordedWorkspace } from '../../src/store/syncPort';
import { seedMarket, testClock } from './helpers';

const open: RecordedWorkspace[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.workspace.close();
});

/** Counts the outbox records whose values the database hands back (keys alone are not counted). */
function outboxValuesRead() {
  let n = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'outboxValuesRead',
    create: (down) => ({
      ...down,
      table(name): DBCoreTable {
        const t = down.table(name);
        if (name !== 'outbox') return t;
        return {
          ...t,
          getMany: (req) => t.getMany(req).then((rows) => ((n += rows.filter(Boolean).length), rows)),
          query: (req) => t.query(req).then((res) => (req.values && (n += res.result.length), res)),
        };
      },
    }),
  };
  return { middleware, read: () => n, reset: () => void (n = 0) };
}

let panes = 0;
async function openPane(factory = new IDBFactory(), name = `cache-${++panes}`) {
  const counter = outboxValuesRead();
  const clock = testClock();
  const pane = await openRecordedWorkspace(
    { name, indexedDB: factory, IDBKeyRange, now: clock.now, dbCoreMiddlewares: [counter.middleware] },
    () => undefined,
  );
  open.push(pane);
  return { ...pane, counter, factory, name };
}

test("a push of a large action takes the rows it wrote without reading their values back, equal to the outbox's", async () => {
  const { workspace, port, counter } = await openPane();
  await seedMarket(workspace);
  const many = Array.from({ length: 2000 }, (_, i) => ({ no: `M${String(i).padStart(5, '0')}`, name: `Many ${i}` }));
  await workspace.contacts.upsert(many);
  const s = await workspace.segments.create({ description: 'Many', salespersonCode: 'JR' });
  await workspace.segments.addContactList(
    s.no,
    many.map((c) => c.no),
    { source: 'test' },
  );
  counter.reset();
  const pushed = await port.pending(100);
  expect(counter.read()).toBe(0);
  // The same changesets as read from the database alone (a port without the copies).
  const fromDatabase = await createSyncPort(workspace).pending(100);
  expect(counter.read()).toBeGreaterThan(2000);
  expect(pushed).toEqual(fromDatabase);
  expect(pushed.at(-1)!.changes.filter((c) => c.table === 'segmentLines')).toHaveLength(2000);
});

test('a value changed by the code after it was written is pushed as it was written', async () => {
  const { workspace, port } = await openPane();
  const db = workspace.ctx.db;
  await seedMarket(workspace);
  const contact = (await db.contacts.toArray())[0];
  const groups = contact.mailingGroups.length;
  await db.transaction('rw', db.contacts, async () => {
    await db.contacts.put(contact);
    contact.name = 'Changed after the write';
    contact.mailingGroups.push('AFTER');
  });
  const pushed = await port.pending(100);
  const fromDatabase = await createSyncPort(workspace).pending(100);
  expect(pushed).toEqual(fromDatabase);
  const last = pushed.at(-1)!.changes.find((c) => c.id === contact.id)!;
  expect(last.value!.name).not.toBe('Changed after the write');
  expect(last.value!.mailingGroups).toHaveLength(groups);
});

test('an aborted write leaves nothing to push, and acknowledged rows are not pushed again', async () => {
  const { workspace, port } = await openPane();
  const db = workspace.ctx.db;
  await seedMarket(workspace);
  const before = await port.pending(100);
  const contact = (await db.contacts.toArray())[0];
  await expect(
    db.transaction('rw', db.contacts, async () => {
      await db.contacts.put({ ...contact, name: 'Never committed' });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect(await port.pending(100)).toEqual(before);
  await port.acknowledge(before[0].id, 1, before[0]);
  const after = await port.pending(100);
  expect(after.map((c) => c.id)).toEqual(before.slice(1).map((c) => c.id));
  expect(after).toEqual(await createSyncPort(workspace).pending(100));
});

test('a pane closed before its push pushes the same changesets from the database when it opens again', async () => {
  const first = await openPane();
  await seedMarket(first.workspace);
  const s = await first.workspace.segments.create({ description: 'Before closing', salespersonCode: 'JR' });
  await first.workspace.segments.addContactList(
    s.no,
    (await first.workspace.ctx.db.contacts.toArray()).map((c) => c.no),
    { source: 'test' },
  );
  const wouldPush = await first.port.pending(100);
  first.workspace.close();
  const again = await openPane(first.factory, first.name);
  again.counter.reset();
  expect(await again.port.pending(100)).toEqual(wouldPush);
  expect(again.counter.read()).toBeGreaterThan(0);
});
