// Logging a large segment writes its entries in blocks with the next block already queued while the
// one before is written (the database is never left waiting for the page between blocks), and the
// result is the same as before: every entry in line order, numbered in a row, the segment gone, and an
// error after some blocks leaves nothing (test/store/log.test.ts).
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { makeWorkspace, seedMarket } from './helpers';

const LINES = 3_500;

/** Counts, for every write of interaction log entries, how many of them were still being written when it came. */
function watchEntryWrites() {
  const seen: { values: number; pendingBefore: number }[] = [];
  let pending = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'watchEntryWrites',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'interactionLog') return t;
        return {
          ...t,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add') return t.mutate(req);
            seen.push({ values: req.values.length, pendingBefore: pending });
            pending++;
            return t.mutate(req).finally(() => pending--);
          },
        };
      },
    }),
  };
  return { seen, middleware };
}

test('a log of 3,500 lines queues each block of entries while the one before is written, and logs every line in order', async () => {
  const watch = watchEntryWrites();
  const ws = await makeWorkspace({ dbCoreMiddlewares: [watch.middleware] });
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  await ws.contacts.upsert(
    Array.from({ length: LINES }, (_, i) => ({
      no: `B${String(i).padStart(5, '0')}`,
      name: `Bulk ${i}`,
      email: i % 3 ? `b${i}@x.it` : '',
    })),
  );
  const no = (await ws.segments.create({ description: 'Big', interactionTemplateCode: 'ABSTRACT' })).no;
  await ws.segments.addContacts(no, { contact: { no: 'B*' } });
  const lines = (await ws.segments.get(no))!.lines;
  expect(lines).toHaveLength(LINES);

  const r = await ws.segments.log(no);

  // Four blocks of at most 1,000 entries; from the second on, each came while the one before was still written.
  expect(watch.seen.map((w) => w.values)).toEqual([1000, 1000, 1000, 500]);
  expect(watch.seen.slice(1).every((w) => w.pendingBefore === 1)).toBe(true);
  expect(r.entries.map((e) => e.segmentLineNo)).toEqual(lines.map((l) => l.lineNo));
  expect(r.entries.map((e) => e.entryNo)).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
  const stored = await ws.interactionLog.list({ segmentNo: no });
  expect(stored.map((e) => [e.entryNo, e.contactNo])).toEqual(r.entries.map((e) => [e.entryNo, e.contactNo]));
  expect(r.loggedSegment.noOfInteractions).toBe(LINES);
  expect(await ws.segments.get(no)).toBeUndefined();
  ws.close();
}, 60_000);
