// The outbox middleware: every mutation of a workspace table is recorded in the same transaction, with
// its before-image and the action that wrote it; deleteRange and modify become whole rows.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { OutboxRow } from '../../src/store/db';
import { ACTION_ROW, outboxMiddleware, setOutboxBypass } from '../../src/store/outbox';
import { makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let writes = 0;
beforeEach(async () => {
  writes = 0;
  ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware(() => writes++)] });
  await seedMarket(ws);
  await ws.ctx.db.outbox.clear();
});
afterEach(() => ws.close());

const outbox = () => ws.ctx.db.outbox.orderBy('seq').toArray();
const dataRows = (rows: OutboxRow[]) => rows.filter((r) => r.table !== ACTION_ROW);

describe('the outbox', () => {
  test('an action records each row it wrote, its before-image, and the action with its clock and ids', async () => {
    const s = await ws.segments.create({ description: 'Recorded' });
    const rows = await outbox();
    const action = rows.find((r) => r.table === ACTION_ROW)!;
    expect(action.action).toEqual({
      name: 'segments.create',
      about: s.no,
      v: 2,
      args: [{ description: 'Recorded' }],
      at: ws.clock.now().toISOString(),
      ids: expect.arrayContaining([s.id]),
    });
    expect(new Set(rows.map((r) => r.txId)).size).toBe(1);
    const seg = dataRows(rows).find((r) => r.table === 'segments')!;
    expect(seg).toMatchObject({
      key: s.id,
      op: 'put',
      before: undefined,
      value: expect.objectContaining({ no: s.no, description: 'Recorded' }),
    });
    const series = dataRows(rows).find((r) => r.table === 'series')!;
    expect(series.value).toMatchObject({ id: 'segment', lastNo: s.no });

    await ws.ctx.db.outbox.clear();
    await ws.segments.updateHeader(s.no, { description: 'Changed' });
    const [edit] = dataRows(await outbox()).filter((r) => r.table === 'segments');
    expect((edit.before as any).description).toBe('Recorded');
    expect((edit.value as any).description).toBe('Changed');
    await expect.poll(() => writes).toBeGreaterThan(0);
  });

  test('a refused action leaves no outbox rows: they roll back with it', async () => {
    const s = await ws.segments.create({ description: 'x' });
    await ws.ctx.db.outbox.clear();
    await expect(ws.segments.addLine(s.no, 'NOSUCH')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await outbox()).toEqual([]);
  });

  test('clear (a deleteRange) becomes one delete per row, each with its before-image', async () => {
    const before = await ws.ctx.db.mailingGroups.toArray();
    await ws.ctx.db.transaction('rw', ws.ctx.db.mailingGroups, () => ws.ctx.db.mailingGroups.clear());
    const rows = dataRows(await outbox());
    expect(rows.map((r) => [r.op, r.key]).sort()).toEqual(before.map((g) => ['delete', g.id]).sort());
    expect(rows.map((r) => r.before)).toEqual(expect.arrayContaining(before));
  });

  test('modify and update record whole values', async () => {
    const db = ws.ctx.db;
    await db.contacts.filter((c) => c.city === 'Roma').modify({ city: 'Rome' });
    const rows = dataRows(await outbox());
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      expect(r.value).toMatchObject({ city: 'Rome', no: (r.before as any).no, name: (r.before as any).name });
      expect((r.before as any).city).toBe('Roma');
    }
    await db.outbox.clear();
    const c = (await db.contacts.where('no').equals('P300').first())!;
    await db.contacts.update(c.id, { name: 'Zoe N.' });
    const [u] = dataRows(await outbox());
    expect(u.value).toEqual({ ...c, name: 'Zoe N.' });
  });

  test("pulled rows written with the bypass, and the pane's own tables, are not recorded", async () => {
    const db = ws.ctx.db;
    await db.transaction('rw', db.mailingGroups, async (tx) => {
      setOutboxBypass(tx.idbtrans, true);
      await db.mailingGroups.put({ id: 'PULLED', code: 'PULLED', description: '', createdAt: 'x', updatedAt: 'x' });
    });
    await ws.profile.update({ userId: 'ANNA' });
    expect(await outbox()).toEqual([]);
  });
});
