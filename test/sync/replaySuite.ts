// Issue 11, findings 1 to 3, as a suite run against any server database (PGlite in test/sync, the real
// PostgreSQL in test/server-pg): actions replayed after someone else's change act on their own
// records, set the value their user chose, and Go Back never undoes another user's step. Two panes,
// each its own Dexie database; "offline" is a pane that has not synced yet.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer, ServerOptions } from '../../src/server/app';
import { seedMarket } from '../store/helpers';
import { openPane, settle, startTestServer, type Pane } from './harness';

export function replayByIdSuite(
  label: string,
  database: () => Promise<{
    options: Partial<ServerOptions>;
    drop?: () => Promise<void>;
  }>,
): void {
  describe(`replay by id (${label})`, () => {
    let server: RunningServer;
    let drop: (() => Promise<void>) | undefined;
    const open: Pane[] = [];

    beforeAll(async () => {
      const db = await database();
      drop = db.drop;
      server = await startTestServer(db.options);
    });
    afterAll(async () => {
      await server?.close();
      await drop?.();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((p) => p.close()));
    });

    /** Two panes on one seeded workspace, both up to date. */
    async function twoPanes(): Promise<{ a: Pane; b: Pane }> {
      const a = await openPane(server.url);
      const b = await openPane(server.url);
      open.push(a, b);
      await settle(a);
      if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
      for (const p of [a, b])
        await p.workspace.profile.update({
          userId: p.name,
          salespersonCode: 'JR',
        });
      await settle(a, b);
      return { a, b };
    }

    /** Every row of the workspace tables of a pane, by table, for comparing panes. */
    async function rowsOf(p: Pane) {
      const out: Record<string, unknown[]> = {};
      for (const t of ['segments', 'segmentLines', 'criteriaActions', 'loggedSegments', 'interactionLog'])
        out[t] = await p.workspace.ctx.db.table(t).orderBy('id').toArray();
      return out;
    }

    test('finding 1: a segment made offline with a number another pane took keeps its own line and description after renumbering', async () => {
      const { a, b } = await twoPanes();
      const fromB = await b.workspace.segments.create({
        description: 'Made in B',
      });
      await b.workspace.segments.addLine(fromB.no, 'P300');
      await b.workspace.segments.updateHeader(fromB.no, { description: 'Renamed in B' }, { updateLines: false });
      const fromA = await a.workspace.segments.create({
        description: 'Made in A',
      });
      expect(fromA.no).toBe(fromB.no);
      await a.sync.syncNow();
      await settle(b, a);

      for (const p of [a, b]) {
        const mineA = (await p.workspace.ctx.db.segments.get(fromA.id))!;
        const mineB = (await p.workspace.ctx.db.segments.get(fromB.id))!;
        expect(mineA).toMatchObject({ no: fromA.no, description: 'Made in A' });
        expect(mineB.no).not.toBe(fromA.no);
        expect(mineB.description).toBe('Renamed in B');
        expect((await p.workspace.segments.get(mineA.no))!.lines).toEqual([]);
        expect((await p.workspace.segments.get(mineB.no))!.lines.map((l) => l.contactNo)).toEqual(['P300']);
        expect(p.sync.getStatus().failed).toEqual([]);
      }
      expect(b.sync.getStatus().renumbered).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            table: 'segments',
            id: fromB.id,
            from: fromA.no,
          }),
        ]),
      );
      expect(await rowsOf(a)).toEqual(await rowsOf(b));
    });

    test("finding 1: cancelling an offline logged segment after it was renumbered cancels that one, not the other pane's", async () => {
      const { a, b } = await twoPanes();
      const segA = await a.workspace.segments.create({
        description: 'Log A',
        interactionTemplateCode: 'ABSTRACT',
      });
      await a.workspace.segments.addLine(segA.no, 'P101');
      const segB = await a.workspace.segments.create({
        description: 'Log B',
        interactionTemplateCode: 'ABSTRACT',
      });
      await a.workspace.segments.addLine(segB.no, 'P201');
      await settle(a, b);
      const loggedA = (await a.workspace.segments.log(segA.no)).loggedSegment;
      const loggedB = (await b.workspace.segments.log(segB.no)).loggedSegment;
      expect(loggedB.entryNo).toBe(loggedA.entryNo);
      // B switches the check mark on its own logged segment, by the number it sees, before it syncs.
      await b.workspace.loggedSegments.toggleCanceled(loggedB.entryNo);
      await a.sync.syncNow();
      await settle(b, a);

      for (const p of [a, b]) {
        const la = (await p.workspace.ctx.db.loggedSegments.get(loggedA.id))!;
        const lb = (await p.workspace.ctx.db.loggedSegments.get(loggedB.id))!;
        expect(la).toMatchObject({ entryNo: loggedA.entryNo, canceled: false });
        expect(lb.entryNo).not.toBe(loggedA.entryNo);
        expect(lb.canceled).toBe(true);
        expect((await p.workspace.interactionLog.list({ segmentNo: segA.no })).map((e) => e.canceled)).toEqual([false]);
        expect((await p.workspace.interactionLog.list({ segmentNo: segB.no })).map((e) => e.canceled)).toEqual([true]);
        expect(p.sync.getStatus().failed).toEqual([]);
      }
      expect(await rowsOf(a)).toEqual(await rowsOf(b));
    });

    test('finding 1: a comment on a new line lands on that line when the other pane took its line number first', async () => {
      const { a, b } = await twoPanes();
      const seg = await a.workspace.segments.create({ description: 'Lines' });
      await a.workspace.segments.addContactList(seg.no, ['P101', 'P102', 'C100']);
      await settle(a, b);
      const lineA = await a.workspace.segments.addLine(seg.no, 'P300');
      expect(lineA.lineNo).toBe(40000);
      await a.workspace.segments.updateLine(seg.no, 40000, {
        comment: 'Comment from A',
      });
      const lineB = await b.workspace.segments.addLine(seg.no, 'P201');
      expect(lineB.lineNo).toBe(40000);
      await b.sync.syncNow();
      await settle(a, b);

      for (const p of [a, b]) {
        const lines = (await p.workspace.segments.get(seg.no))!.lines;
        expect(lines.find((l) => l.contactNo === 'P201')).toMatchObject({
          lineNo: 40000,
          comment: '',
        });
        expect(lines.find((l) => l.contactNo === 'P300')).toMatchObject({
          id: lineA.id,
          lineNo: 50000,
          comment: 'Comment from A',
        });
        expect(p.sync.getStatus().failed).toEqual([]);
      }
      // A is told its line moved, as it is told of a renumbered segment.
      expect(a.sync.getStatus().renumbered).toEqual([
        expect.objectContaining({ table: 'segmentLines', id: lineA.id, from: '40000', to: '50000', segmentNo: seg.no }),
      ]);
      expect(b.sync.getStatus().renumbered).toEqual([]);
      expect(await rowsOf(a)).toEqual(await rowsOf(b));
    });

    test('finding 2: both panes cancelling the same logged segment offline leave it canceled', async () => {
      const { a, b } = await twoPanes();
      const seg = await a.workspace.segments.create({
        description: 'Cancel twice',
        interactionTemplateCode: 'ABSTRACT',
      });
      await a.workspace.segments.addLine(seg.no, 'P101');
      const { loggedSegment } = await a.workspace.segments.log(seg.no);
      await settle(a, b);
      await a.workspace.loggedSegments.toggleCanceled(loggedSegment.entryNo);
      await b.workspace.loggedSegments.toggleCanceled(loggedSegment.entryNo);
      await a.sync.syncNow();
      await settle(b, a);
      for (const p of [a, b]) {
        expect((await p.workspace.loggedSegments.get(loggedSegment.entryNo))!.canceled).toBe(true);
        expect(
          (
            await p.workspace.interactionLog.list({
              loggedSegmentEntryNo: loggedSegment.entryNo,
            })
          ).every((e) => e.canceled),
        ).toBe(true);
        expect(p.sync.getStatus().failed).toEqual([]);
      }
    });

    test('finding 2: evaluation and delivery status set offline replay with the value chosen', async () => {
      const { a, b } = await twoPanes();
      const seg = await a.workspace.segments.create({
        description: 'Evaluate',
        interactionTemplateCode: 'ABSTRACT',
      });
      await a.workspace.segments.addContactList(seg.no, ['P101', 'P201']);
      const { entries } = await a.workspace.segments.log(seg.no);
      await settle(a, b);
      const [first, second] = entries;
      await b.workspace.interactionLog.setEvaluation(first.entryNo, 'Positive');
      await b.workspace.interactionLog.setDeliveryStatus(first.entryNo, 'Error');
      // A changes the same entry first, so that B's actions meet a conflict and are replayed.
      await a.workspace.interactionLog.setEvaluation(first.entryNo, 'Negative');
      await a.workspace.interactionLog.setEvaluation(second.entryNo, 'Neutral');
      await a.sync.syncNow();
      await settle(b, a);
      for (const p of [a, b]) {
        expect(p.sync.getStatus().failed).toEqual([]);
        expect(await p.workspace.interactionLog.get(first.entryNo)).toMatchObject({
          evaluation: 'Positive',
          deliveryStatus: 'Error',
        });
        expect(await p.workspace.interactionLog.get(second.entryNo)).toMatchObject({
          evaluation: 'Neutral',
        });
      }
    });

    test('finding 3: Go Back replayed after another pane added a step fails with CONFLICT and leaves that step', async () => {
      const { a, b } = await twoPanes();
      const seg = await a.workspace.segments.create({ description: 'Go Back' });
      await a.workspace.segments.addContacts(seg.no, {
        contact: { city: 'Roma' },
      });
      await settle(a, b);
      await a.workspace.segments.goBack(seg.no);
      await b.workspace.segments.addLine(seg.no, 'P300');
      await b.sync.syncNow();
      await settle(a, b);

      expect(a.sync.getStatus().failed).toEqual([
        expect.objectContaining({
          name: 'segments.goBack',
          about: seg.no,
          code: 'CONFLICT',
        }),
      ]);
      for (const p of [a, b]) {
        const v = (await p.workspace.segments.get(seg.no))!;
        expect(v.criteria.map((c) => c.actionNo)).toEqual([1, 2]);
        expect(v.lines.map((l) => l.contactNo).sort()).toEqual(['C100', 'P101', 'P102', 'P300']);
      }
      // Retry asks about the step that is last now: B's line.
      const failedId = a.sync.getStatus().failed[0].id;
      await a.sync.retry(failedId);
      await settle(a, b);
      for (const p of [a, b]) {
        const v = (await p.workspace.segments.get(seg.no))!;
        expect(v.criteria.map((c) => c.actionNo)).toEqual([1]);
        expect(v.lines.map((l) => l.contactNo).sort()).toEqual(['C100', 'P101', 'P102']);
      }
    });
  });
}
