// Every check of a push holds in a 10,000-row changeset written in one statement: a bad row in the
// middle refuses the whole changeset (nothing of it written: rows, history, keys, record) with the
// answer naming that row, and rows that already hold keys give them up before other rows take them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Change, PushResponse } from '../../src/domain/syncProtocol';
import { ensureHistory } from '../../src/server/history';
import { migrate } from '../../src/server/migrations';
import type { Sql } from '../../src/server/sql';
import { SyncService } from '../../src/server/syncService';
import { changeset, line, newId, put, segment } from './fixtures';

const LINES = 10_000;
const MIDDLE = 5_000;

export function bigChangesetSuite(label: string, open: () => Promise<Sql>) {
  describe(`a 10,000-row changeset on ${label}: every check, all or nothing`, () => {
    let sql: Sql;
    let service: SyncService;
    beforeAll(async () => {
      sql = await open();
      await migrate(sql);
      await ensureHistory(sql);
      service = new SyncService(sql);
    }, 180_000);
    afterAll(() => sql?.close(), 60_000);

    const pushOne = (changes: Change[]) =>
      service.push({ schemaVersion: 1, clientId: 'big', changesets: [changeset(changes)] });

    /** Everything a push writes, counted, and the rows' revisions summed. */
    const state = async () =>
      (
        await sql.query<{ rows: number; revs: string; history: number; keys: number; changesets: number }>(
          `select (select count(*)::int from sync_rows) as rows, (select coalesce(sum(rev), 0)::text from sync_rows) as revs,
                  (select count(*)::int from sync_row_history) as history, (select count(*)::int from sync_keys) as keys,
                  (select count(*)::int from sync_changesets) as changesets`,
        )
      )[0];

    /** A new segment with its lines, numbered 10000, 20000, … */
    const newSegment = () => {
      const s = segment(newId('S'), `B${newId()}`);
      const lines = Array.from({ length: LINES }, (_, i) =>
        line(newId('L'), s.id, s.no, (i + 1) * 10000, `C${String(i).padStart(6, '0')}`),
      );
      return { s, lines, changes: [put('segments', s), ...lines.map((l) => put('segmentLines', l))] };
    };

    /** A segment the server has, with the revision its rows are at. */
    const storedSegment = async () => {
      const made = newSegment();
      const r = await pushOne(made.changes);
      expect(r.results[0].status).toBe('applied');
      return { ...made, rev: (r.results[0] as { rev: number }).rev };
    };

    const refusedWhole = async (changes: Change[]) => {
      const before = await state();
      const run = pushOne(changes);
      return { run, before };
    };

    test('a revision from the future in the middle: 400 naming the change, nothing written', async () => {
      const { changes } = newSegment();
      const last = await service.lastRev();
      changes[MIDDLE] = { ...changes[MIDDLE], baseRev: last + 7 };
      const { run, before } = await refusedWhole(changes);
      await expect(run).rejects.toMatchObject({
        status: 400,
        message: `changesets.0.changes.${MIDDLE}.baseRev: ${last + 7} is a revision the server never issued (last is ${last})`,
      });
      expect(await state()).toEqual(before);
    }, 120_000);

    test('a line based on an old revision in the middle of a rewrite: a conflict naming the line, nothing written', async () => {
      const stored = await storedSegment();
      const later = await pushOne([put('segments', { ...stored.s, description: 'renamed' }, stored.rev)]);
      expect(later.results[0].status).toBe('applied');
      const rewrite = stored.lines.map((l, i) =>
        put('segmentLines', { ...l, comment: 'again' }, i === MIDDLE ? stored.rev - 1 : stored.rev),
      );
      const { run, before } = await refusedWhole(rewrite);
      const r: PushResponse = await run;
      expect(r.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'stale',
        reason: `segmentLines ${stored.lines[MIDDLE].id} changed meanwhile: the change was based on revision ${stored.rev - 1}, the row is at revision ${stored.rev}`,
      });
      expect(await state()).toEqual(before);
    }, 120_000);

    test('a line number used twice in the batch: a conflict naming both lines, nothing written', async () => {
      const { s, lines, changes } = newSegment();
      changes[1 + 7_000] = put('segmentLines', { ...lines[7_000], lineNo: lines[3].lineNo });
      const { run, before } = await refusedWhole(changes);
      const r: PushResponse = await run;
      expect(r.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'duplicateKey',
        reason: `segmentLineNo ${s.id}/${lines[3].lineNo} is used twice in one change (segmentLines/${lines[3].id} and segmentLines/${lines[7_000].id})`,
      });
      expect(await state()).toEqual(before);
    }, 120_000);

    test('a line number another line of the segment holds, in the middle of 10,000 new lines: a conflict naming the holder, nothing written', async () => {
      const stored = await storedSegment();
      const added = Array.from({ length: LINES }, (_, i) =>
        line(newId('L'), stored.s.id, stored.s.no, (LINES + i + 1) * 10000, `D${String(i).padStart(6, '0')}`),
      );
      added[MIDDLE] = { ...added[MIDDLE], lineNo: stored.lines[42].lineNo };
      const { run, before } = await refusedWhole([
        put('segments', { ...stored.s, description: 'more lines' }, stored.rev),
        ...added.map((l) => put('segmentLines', l)),
      ]);
      const r: PushResponse = await run;
      expect(r.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'duplicateKey',
        reason: `segmentLineNo ${stored.s.id}/${stored.lines[42].lineNo} is already used by segmentLines ${stored.lines[42].id}`,
      });
      expect(await state()).toEqual(before);
    }, 120_000);

    test('a line of a segment that never existed, in the middle: refused naming the segment after the rows were written, and rolled back whole', async () => {
      const { lines, changes } = newSegment();
      const ghost = newId('GHOST');
      changes[1 + MIDDLE] = put('segmentLines', { ...lines[MIDDLE], segmentId: ghost });
      const { run, before } = await refusedWhole(changes);
      const r: PushResponse = await run;
      expect(r.results[0]).toMatchObject({
        status: 'refused',
        reason: `segments ${ghost} does not exist: rows that belong to it cannot be written`,
      });
      expect(await state()).toEqual(before);
    }, 120_000);

    test('a text the rule refuses in the middle: 422 naming the line and the field, nothing written', async () => {
      const { lines, changes } = newSegment();
      changes[1 + MIDDLE] = put('segmentLines', { ...lines[MIDDLE], comment: 'bad\u0000text' });
      const { run, before } = await refusedWhole(changes);
      await expect(run).rejects.toMatchObject({ status: 422 });
      await expect(run).rejects.toThrow(`segmentLines ${lines[MIDDLE].id}, field comment`);
      expect(await state()).toEqual(before);
    }, 120_000);

    test('10,000 lines renumbered in one changeset, each taking the number the next one held: applied, and the freed number can be taken', async () => {
      const stored = await storedSegment();
      const before = await state();
      const shifted = stored.lines.map((l, i) => put('segmentLines', { ...l, lineNo: (i + 2) * 10000 }, stored.rev));
      const r = await pushOne([put('segments', { ...stored.s, description: 'renumbered' }, stored.rev), ...shifted]);
      expect(r.results[0].status).toBe('applied');
      // Each line holds one key, its new number; the first number is free again.
      expect(await state()).toMatchObject({
        rows: before.rows,
        keys: before.keys,
        history: before.history + LINES + 1,
      });
      const [{ n }] = await sql.query<{ n: number }>('select count(*)::int as n from sync_keys where key = $1', [
        `segmentLineNo:${stored.s.id}/10000`,
      ]);
      expect(n).toBe(0);
      const segRev = (r.results[0] as { rev: number }).rev;
      const first = line(newId('L'), stored.s.id, stored.s.no, 10000, 'FIRST');
      const again = await pushOne([
        put('segments', { ...stored.s, description: 'a line in front' }, segRev),
        put('segmentLines', first),
      ]);
      expect(again.results[0].status).toBe('applied');
    }, 180_000);
  });
}
