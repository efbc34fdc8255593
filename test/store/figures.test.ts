// @vitest-environment jsdom
// The stored list figures (schema v3): the Segments and Logged Segments lists read them without reading a
// line or an entry, and they stay equal to what the lines and entries give through every action that
// changes them, and through a backup restored (of this version or of version 2, which has none).
import { afterEach, describe, expect, test } from 'vitest';
import { backupWorkspace, restoreWorkspace } from '../../src/store/backup';
import type { WorkspaceHandle } from '../../src/store/index';
import type { DBCore, Middleware } from 'dexie';
import { expectFiguresRight, makeWorkspace, rowsRead, seedMarket } from './helpers';

const open: WorkspaceHandle[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

async function workspace(middleware?: Middleware<DBCore>) {
  const ws = await makeWorkspace(middleware ? { dbCoreMiddlewares: [middleware] } : {});
  open.push(ws);
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  return ws;
}

describe('stored list figures', () => {
  test('the lists read the stored figures, not the lines or entries', async () => {
    const ws = await workspace();
    const s = await ws.segments.create({ description: 'Roma', interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    const header = (await ws.ctx.db.segments.where('no').equals(s.no).first())!;
    expect(header.noOfLines).toBeGreaterThan(0);
    // A figure written past the store shows as written: the list did not count lines.
    await ws.ctx.db.segments.put({ ...header, noOfLines: 999 });
    expect((await ws.segments.list()).find((h) => h.no === s.no)?.noOfLines).toBe(999);
  });

  test('stay right through add, reduce, go back, lines added and removed, log, cancel, follow-up, delete canceled', async () => {
    const ws = await workspace();
    const s = await ws.segments.create({
      description: 'Roma',
      interactionTemplateCode: 'ABSTRACT',
      salespersonCode: 'JR',
    });
    await expectFiguresRight(ws, 'create');
    await ws.segments.addContacts(s.no, { contact: { city: 'Roma|Milano' } });
    await expectFiguresRight(ws, 'add');
    const added = (await ws.segments.list()).find((h) => h.no === s.no)!;
    expect(added.noOfLines).toBeGreaterThanOrEqual(4);
    await ws.segments.reduceContacts(s.no, { contact: { city: 'Milano' } });
    await expectFiguresRight(ws, 'reduce');
    expect((await ws.segments.list()).find((h) => h.no === s.no)!.noOfLines).toBeLessThan(added.noOfLines);
    await ws.segments.goBack(s.no);
    await expectFiguresRight(ws, 'go back');
    expect((await ws.segments.list()).find((h) => h.no === s.no)!.noOfLines).toBe(added.noOfLines);
    await ws.segments.addLine(s.no, 'P300');
    await expectFiguresRight(ws, 'add line');
    await ws.segments.removeLine(s.no, (await ws.segments.get(s.no))!.lines[0].lineNo);
    await expectFiguresRight(ws, 'remove line');
    const other = await ws.segments.create({ description: 'Torino' });
    await ws.segments.addContacts(other.no, { contact: { city: 'Torino' } });
    await ws.segments.log(s.no);
    await expectFiguresRight(ws, 'log');
    const [ls] = await ws.loggedSegments.list();
    expect(ls.noOfInteractions).toBe(added.noOfLines);
    await ws.loggedSegments.setCanceled(ls.entryNo, true);
    await expectFiguresRight(ws, 'cancel');
    expect((await ws.loggedSegments.list())[0].noOfInteractions).toBe(added.noOfLines);
    await ws.loggedSegments.createFollowUp(ls.entryNo);
    await expectFiguresRight(ws, 'follow-up');
    await ws.loggedSegments.deleteCanceled();
    await expectFiguresRight(ws, 'delete canceled');
    expect((await ws.segments.list()).find((h) => h.no === other.no)!.noOfLines).toBe(1);
  });

  test('a restored backup has its figures computed, also from a version 2 backup without any', async () => {
    const a = await workspace();
    const s = await a.segments.create({ description: 'Roma', interactionTemplateCode: 'ABSTRACT' });
    await a.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    await a.segments.log(s.no);
    const text = await (await backupWorkspace(a.ctx)).text();
    // A version 2 backup: the same rows without the figures.
    const v2 = JSON.parse(text) as {
      data: { databaseVersion: number; data: { tableName: string; rows: Record<string, unknown>[] }[] };
    };
    v2.data.databaseVersion = 2;
    for (const t of v2.data.data) {
      for (const r of t.rows)
        for (const k of ['noOfLines', 'noOfCriteriaActions', 'cost', 'duration', 'noOfInteractions'])
          if (t.tableName === 'segments' || t.tableName === 'loggedSegments') delete r[k];
    }
    for (const backup of [text, JSON.stringify(v2)]) {
      const b = await workspace();
      await restoreWorkspace(b.ctx, backup);
      await expectFiguresRight(b, 'restore');
      expect(await b.segments.list()).toEqual(await a.segments.list());
      expect(await b.loggedSegments.list()).toEqual(await a.loggedSegments.list());
    }
  });

  test('an action reads no line or entry to keep the figures beyond those it works on', async () => {
    const counter = rowsRead();
    const ws = await workspace(counter.middleware);
    const nos = Array.from({ length: 60 }, (_, i) => `B${String(i).padStart(3, '0')}`);
    await ws.contacts.upsert(
      nos.map((no, i) => ({ no, type: 'Person', name: `Person ${no}`, city: i % 3 ? 'Roma' : 'Bari' })),
    );
    const s = await ws.segments.create({
      description: 'Big',
      interactionTemplateCode: 'ABSTRACT',
      salespersonCode: 'JR',
    });
    await ws.segments.addContactList(s.no, nos);
    await ws.segments.reduceContacts(s.no, { contact: { city: 'Bari' } });
    // Go Back puts back the 20 lines the Reduce removed: the 40 lines kept are not read, nor the first
    // criteria action (each holds its lines): only the last, once to name it and once to undo it.
    const back = await counter.during(() => ws.segments.goBack(s.no));
    expect(back.segmentLines ?? 0).toBe(0);
    expect(back.criteriaActions).toBe(2);
    await expectFiguresRight(ws, 'go back');
    // The log writes 60 entries: none is read back to count the logged segment's interactions.
    expect((await counter.during(() => ws.segments.log(s.no))).interactionLog ?? 0).toBeLessThan(2);
    await expectFiguresRight(ws, 'log');
    expect((await ws.loggedSegments.list())[0].noOfInteractions).toBe(60);
  });
});
