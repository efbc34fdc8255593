import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { toSegmentsError } from '../../src/store/action';
import { SegmentsError, isSegmentsError, type RecordedAction } from '../../src/store/index';
import { actionRecorder, makeWorkspace } from './helpers';

describe('errors', () => {
  test('a unique key written meanwhile by another pane becomes CONFLICT; other errors pass through', () => {
    const e = toSegmentsError(new Dexie.ConstraintError('Key already exists in the object store.'));
    expect(isSegmentsError(e, 'CONFLICT')).toBe(true);
    const plain = new Error('boom');
    expect(toSegmentsError(plain)).toBe(plain);
    const own = new SegmentsError('NOT_FOUND', 'x');
    expect(toSegmentsError(own)).toBe(own);
  });

  test('a read whose transaction was committed too early is read again once; a second early commit is reported', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'A', name: 'A' }]);
    const { runRead } = await import('../../src/store/action');
    // Waiting on a timer inside a transaction lets the database commit it before the read is done.
    const early = () => new Promise((resolve) => setTimeout(resolve, 5));
    let tries = 0;
    const contacts = await runRead(ws.ctx, async () => {
      const read = await ws.ctx.db.contacts.toArray();
      if (++tries === 1) await early();
      return read;
    });
    expect(tries).toBe(2);
    expect(contacts.map((c) => c.no)).toEqual(['A']);
    tries = 0;
    await expect(
      runRead(ws.ctx, async () => {
        tries++;
        const read = await ws.ctx.db.contacts.toArray();
        await early();
        return read;
      }),
    ).rejects.toBeInstanceOf(Dexie.PrematureCommitError);
    expect(tries).toBe(2);
  });

  test('a duplicate business key reaching the database inside an action is reported as CONFLICT and writes nothing', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'A', name: 'A' }]);
    const stored = (await ws.contacts.get('A'))!;
    // Another pane's row with the same number but another id, as a pulled change could bring it.
    const { runAction } = await import('../../src/store/action');
    await expect(
      runAction(ws.ctx, 'contacts.upsert', [], async () => {
        await ws.ctx.db.contacts.add({ ...stored, id: 'ANOTHER-ID', name: 'B' });
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ws.ctx.db.contacts.count()).toBe(1);
  });

  test('an action records its name, arguments, clock and every id it allocated on its transaction', async () => {
    const seen: { table: string; action: RecordedAction }[] = [];
    const ws = await makeWorkspace({ dbCoreMiddlewares: [actionRecorder(seen)] });
    const h = await ws.segments.create({ description: 'Spy' });
    const rec = seen.find((s) => s.table === 'segments')!;
    expect(rec.action).toMatchObject({
      name: 'segments.create',
      args: [{ description: 'Spy' }],
      at: '2026-03-02T09:30:00.000Z',
    });
    expect(rec.action.ids).toContain(h.id);
  });
});
