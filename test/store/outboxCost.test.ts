// What the outbox costs an action: its rows are written once each, and the action's own record (its
// arguments and every id it made, which grow with the action) once, when the action ends. An action of
// N writes puts O(N) bytes into the outbox, never a record rewritten after every write (O(N²): a
// 10,000-line log rewrote a list of 10,000 ids ten times, a batched import its every row per batch).
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { describe, expect, test } from 'vitest';
import type { OutboxRow } from '../../src/store/db';
import { ACTION_ROW, outboxMiddleware } from '../../src/store/outbox';
import { makeWorkspace, seedMarket } from './helpers';

/** What reaches the outbox table, below the outbox middleware: requests, action-record writes, bytes. */
interface OutboxWrites {
  requests: number;
  actionWrites: number;
  bytes: number;
}

function countingOutbox(into: OutboxWrites): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'countOutbox',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'outbox') return t;
        return {
          ...t,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') {
              into.requests++;
              for (const v of req.values) {
                if ((v as OutboxRow).table === ACTION_ROW) into.actionWrites++;
                into.bytes += JSON.stringify(v).length;
              }
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

async function recordedWorkspace() {
  const writes: OutboxWrites = { requests: 0, actionWrites: 0, bytes: 0 };
  // Registered first: below the outbox middleware, it sees what the outbox writes.
  const ws = await makeWorkspace({ dbCoreMiddlewares: [countingOutbox(writes), outboxMiddleware()] });
  const reset = () => Object.assign(writes, { requests: 0, actionWrites: 0, bytes: 0 });
  return { ws, writes, reset };
}

const contactRows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    no: `K${String(from + i + 1).padStart(6, '0')}`,
    name: `Contact ${from + i + 1}`,
    city: 'Roma',
  }));

/** The outbox bytes written by logging a segment of `lines` lines, and how often the action was written. */
async function logOf(lines: number) {
  const { ws, writes, reset } = await recordedWorkspace();
  try {
    await seedMarket(ws);
    await ws.profile.update({ userId: 'ANNA' });
    const rows = contactRows(lines);
    await ws.contacts.upsert(rows);
    const { no } = await ws.segments.create({
      description: 'Letter',
      salespersonCode: 'JR',
      interactionTemplateCode: 'ABSTRACT',
    });
    await ws.segments.addContactList(
      no,
      rows.map((r) => r.no),
    );
    await ws.ctx.db.outbox.clear();
    reset();
    const r = await ws.segments.log(no);
    expect(r.entries).toHaveLength(lines);
    const stored = await ws.ctx.db.outbox.toArray();
    const action = stored.filter((o) => o.table === ACTION_ROW);
    expect(action).toHaveLength(1);
    // The record holds every id the log made: the action's, the logged segment's, one per entry.
    expect((action[0].action as { ids: string[] }).ids).toHaveLength(lines + 2);
    const storedBytes = stored.reduce((n, o) => n + JSON.stringify(o).length, 0);
    return { ...writes, storedBytes };
  } finally {
    ws.close();
  }
}

describe('what the outbox writes for one action', () => {
  test('a log of 4,000 lines writes its action once and what it stores, not a record rewritten per block', async () => {
    const small = await logOf(2_000);
    const large = await logOf(4_000);
    for (const run of [small, large]) {
      expect(run.actionWrites).toBe(1);
      // Every byte written stays in the outbox: nothing was written to be overwritten.
      expect(run.bytes).toBeLessThanOrEqual(run.storedBytes * 1.01);
    }
    // Twice the lines, twice the bytes (a rewrite per block of entries makes it about three times).
    expect(large.bytes / small.bytes).toBeLessThan(2.2);
  }, 120_000);

  test('an import in many batches writes its action, with every row it took, once', async () => {
    const { ws, writes, reset } = await recordedWorkspace();
    try {
      const run = async (n: number) => {
        await ws.ctx.db.outbox.clear();
        reset();
        const report = await ws.contacts.importRows({ rows: contactRows(n, 100_000 + n) }, { batch: 50 });
        expect(report.inserted).toBe(n);
        const stored = await ws.ctx.db.outbox.toArray();
        const action = stored.filter((o) => o.table === ACTION_ROW);
        expect(action).toHaveLength(1);
        const [input] = (action[0].action as { args: [{ rows: { no: string }[] }] }).args;
        expect(input.rows).toHaveLength(n);
        expect((action[0].action as { ids: string[] }).ids).toHaveLength(n + 1);
        return { ...writes, storedBytes: stored.reduce((b, o) => b + JSON.stringify(o).length, 0) };
      };
      const small = await run(1_000);
      const large = await run(2_000);
      for (const r of [small, large]) {
        expect(r.actionWrites).toBe(1);
        expect(r.bytes).toBeLessThanOrEqual(r.storedBytes * 1.01);
      }
      expect(large.bytes / small.bytes).toBeLessThan(2.2);
      // One request per batch of rows and one for the action (not one more per batch).
      expect(large.requests).toBeLessThanOrEqual(2_000 / 50 + 1);
    } finally {
      ws.close();
    }
  }, 120_000);
});
