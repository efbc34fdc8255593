// A large contact write runs in batches (each bounded work between two IndexedDB requests, so the page
// keeps painting) inside the action's one transaction: the same contacts and report as a write in one
// batch, progress after every batch, nothing written when any batch fails, and the shared workspace's
// outbox records the action once, whole.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { ACTION_ROW, outboxMiddleware } from '../../src/store/outbox';
import { makeWorkspace } from './helpers';

const ROWS = 5_000;
const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    no: `C${String(i + 1).padStart(6, '0')}`,
    name: `Contact ${i + 1}`,
    email: `c${i + 1}@example.it`,
    city: i % 2 ? 'Roma' : 'Milano',
    ...(i % 5 === 0 ? { type: 'Company' as const } : {}),
  }));
const strip = (c: object) => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = c as Record<string, unknown>;
  return rest;
};

/** Fails the write of the batch that holds contact `no`, as a full disk or a broken database would. */
function failingAt(no: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'failAt',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'contacts') return t;
        return {
          ...t,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'put' && req.values.some((v) => (v as { no?: string }).no === no))
              return Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'));
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

describe('contacts written in batches', () => {
  test('give the same contacts and report as one batch, with progress after every batch', async () => {
    const one = await makeWorkspace();
    const many = await makeWorkspace();
    // Half the rows are already stored (updates), half are new (inserts); a row repeats (the later wins).
    await one.contacts.upsert(
      rowsOf(ROWS / 2).map((r) => ({ ...r, city: 'Torino' })),
      { batch: ROWS * 2 },
    );
    await many.contacts.upsert(
      rowsOf(ROWS / 2).map((r) => ({ ...r, city: 'Torino' })),
      { batch: 300 },
    );
    const rows = [...rowsOf(ROWS), { no: 'C000007', name: 'Seven again' }, { no: '', name: 'no number' }];
    const progress: [number, number][] = [];
    const a = await one.contacts.upsert(structuredClone(rows), { batch: ROWS * 2 });
    const b = await many.contacts.upsert(structuredClone(rows), {
      batch: 300,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(b).toEqual(a);
    expect(a.inserted).toBe(ROWS / 2);
    expect(a.updated).toBe(ROWS / 2);
    expect(a.rejected.map((r) => r.index)).toEqual([6, ROWS + 1]);
    const storedA = (await one.contacts.list()).map(strip);
    const storedB = (await many.contacts.list()).map(strip);
    expect(storedB).toEqual(storedA);
    expect(storedB).toHaveLength(ROWS);
    expect(storedB.find((c) => c.no === 'C000007')?.name).toBe('Seven again');
    // Validated in ceil(5,002 / 300) = 17 batches, then the 5,000 records kept merged in 17, completed
    // and checked in 17 and written in 17; the steps only grow, up to three per row.
    expect(progress.length).toBe(4 * 17);
    expect(progress.every(([, total]) => total === 3 * rows.length)).toBe(true);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((x, y) => x - y));
    expect(progress.at(-1)).toEqual([3 * rows.length, 3 * rows.length]);
  });

  test('a failure in the batch holding row 4,000 writes nothing: no contact, no outbox row', async () => {
    const ws = await makeWorkspace({ dbCoreMiddlewares: [failingAt('C004000'), outboxMiddleware()] });
    await ws.contacts.upsert([{ no: 'KEEP', name: 'Stored before', city: 'Bari' }]);
    await ws.ctx.db.outbox.clear();
    const progress: number[] = [];
    await expect(
      ws.contacts.importRows(
        { rows: rowsOf(ROWS), createCodes: [{ list: 'mailingGroups', code: 'NEWS' }] },
        { batch: 500, onProgress: (d) => progress.push(d) },
      ),
    ).rejects.toThrow(/disk is full/);
    // Seven batches were written before the eighth failed, and all of them rolled back with the code created.
    expect(progress.filter((d) => d > 2 * ROWS).length).toBe(7);
    expect((await ws.contacts.list()).map((c) => [c.no, c.name, c.city])).toEqual([['KEEP', 'Stored before', 'Bari']]);
    expect(await ws.mailingGroups.list()).toEqual([]);
    expect(await ws.ctx.db.outbox.count()).toBe(0);
  });

  test('the outbox records the action once, with every row and every id, and one row per contact', async () => {
    const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware()] });
    await ws.ctx.db.outbox.clear();
    const report = await ws.contacts.importRows({ rows: rowsOf(2_000) }, { batch: 300 });
    expect(report.inserted).toBe(2_000);
    const rows = await ws.ctx.db.outbox.toArray();
    const actions = rows.filter((r) => r.table === ACTION_ROW);
    expect(actions).toHaveLength(1);
    const action = actions[0].action as { args: unknown[]; ids: string[] };
    const [input] = action.args as [{ rows: { no: string }[] }];
    expect(input.rows.map((r) => r.no)).toEqual(rowsOf(2_000).map((r) => r.no));
    // The action's id, then one id per new contact, in the order they were made.
    const stored = await ws.contacts.list();
    expect(action.ids.slice(1).sort()).toEqual(stored.map((c) => c.id).sort());
    const contactRows = rows.filter((r) => r.table === 'contacts');
    expect(contactRows).toHaveLength(2_000);
    expect(new Set(contactRows.map((r) => r.txId))).toEqual(new Set([actions[0].txId]));
  });
});
