// Schema version 2 (the interaction log's compound indexes) from the frozen v1 database a user already
// has (test/fixtures/db-v1.json, written by the real v1 store): every record of every table kept as it
// was, every index of v2 and every index name of v1 answering with exactly the records it should, and
// the store's log reads on the upgraded database giving what a plain filter of every entry gives.
import { IDBKeyRange } from 'fake-indexeddb';
import { SegmentsDb, schemaV1, schemaV2 } from '../../src/store/db';
import type { InteractionLogEntry } from '../../src/domain/log';
import {
  dumpAll,
  frozenDb,
  indexLosses,
  loadAs,
  parseStores,
  rowLosses,
  withoutFigures,
  type Row,
  type Tables,
  onWorkspace,
} from './migrationChecks';

const fixture = frozenDb(1);
const loadV1 = (tables: Tables) => loadAs(1, schemaV1, tables);

/** The fixture's log grown to `n` entries over several contacts, segments and logged segments (one detached, some canceled). */
function grownLog(n: number): Tables {
  const [first] = fixture.tables.interactionLog;
  const entries: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const logged = i % 7;
    entries.push({
      ...first,
      id: `01HW${String(i).padStart(22, '0')}`,
      entryNo: 100 + ((i * 37) % n), // added out of entry order: ids and entry numbers do not sort alike
      contactNo: `P${100 + (i % 5)}`,
      segmentNo: `SEG0000${1 + (i % 3)}`,
      loggedSegmentId: logged === 0 ? '' : `LS${logged}`,
      loggedSegmentEntryNo: logged,
      canceled: i % 4 === 0,
      date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
  }
  return { ...fixture.tables, interactionLog: [...fixture.tables.interactionLog, ...entries] };
}

describe('schema v2 from the frozen v1 database', () => {
  it('v2 changes only the interaction log, by indexes alone (v1 stays frozen)', () => {
    expect(fixture.schemaVersion).toBe(1);
    expect({ ...schemaV1 }).toEqual(fixture.schema);
    const changed = Object.keys(schemaV2).filter(
      (t) => schemaV2[t as keyof typeof schemaV2] !== schemaV1[t as keyof typeof schemaV1],
    );
    expect(changed).toEqual(['interactionLog']);
    expect(parseStores(schemaV2.interactionLog).indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        '[contactNo+entryNo]',
        '[segmentNo+entryNo]',
        '[loggedSegmentEntryNo+entryNo]',
        'loggedSegmentId',
        'date',
      ]),
    );
  });

  it('keeps every record of every table and answers every index of v2 and every index name of v1', async () => {
    const { factory, name } = await loadV1(fixture.tables);
    const db = new SegmentsDb(name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    try {
      expect(db.verno).toBe(4); // v3 (stored list figures, migrationV3.test.ts) and v4 (territories) follow on the same open
      expect(rowLosses(fixture.tables, withoutFigures(await dumpAll(db)))).toEqual([]);
      expect(await indexLosses(db, fixture.tables, schemaV2)).toEqual([]);
      expect(await indexLosses(db, fixture.tables, schemaV1)).toEqual([]);
      // The unique entry number still refuses a second entry with the same number.
      await expect(
        db.interactionLog.add({
          ...(fixture.tables.interactionLog[0] as unknown as InteractionLogEntry),
          id: 'another-id',
        }),
      ).rejects.toThrow(/constraint/i);
    } finally {
      db.close();
    }
  });

  it('on a grown log: every record and index kept, and the store reads each filter as a plain filter of every entry does, in entry order', async () => {
    const tables = grownLog(600);
    await onWorkspace(await loadV1(tables), async (ws) => {
      const db = ws.ctx.db;
      expect(db.verno).toBe(4); // v3 (stored list figures, migrationV3.test.ts) and v4 (territories) follow on the same open
      expect(rowLosses(tables, withoutFigures(await dumpAll(db)))).toEqual([]);
      expect(await indexLosses(db, tables, schemaV2)).toEqual([]);

      const all = (tables.interactionLog as unknown as InteractionLogEntry[])
        .slice()
        .sort((a, b) => a.entryNo - b.entryNo);
      const cases = [
        { contactNo: 'P102' },
        { segmentNo: 'SEG00002' },
        { loggedSegmentEntryNo: 3 },
        { loggedSegmentEntryNo: 0 },
        { contactNo: 'P101', segmentNo: 'SEG00003', canceled: false },
        { segmentNo: 'SEG00001', canceled: true, date: '2026-03-05..2026-03-20' },
        { contactNo: 'NOBODY' },
        {},
      ];
      for (const f of cases) {
        const expected = all.filter(
          (e) =>
            (f.contactNo === undefined || e.contactNo === f.contactNo) &&
            (f.segmentNo === undefined || e.segmentNo === f.segmentNo) &&
            (f.loggedSegmentEntryNo === undefined || e.loggedSegmentEntryNo === f.loggedSegmentEntryNo) &&
            (f.canceled === undefined || e.canceled === f.canceled) &&
            (f.date === undefined || (e.date >= '2026-03-05' && e.date <= '2026-03-20')),
        );
        const got = await ws.interactionLog.list(f);
        expect(
          got.map((e) => e.entryNo),
          JSON.stringify(f),
        ).toEqual(expected.map((e) => e.entryNo));
        if (f.contactNo !== 'NOBODY') expect(got.length, JSON.stringify(f)).toBeGreaterThan(0);
      }
    });
  });

  it("counts a logged segment's interactions through its index, canceled ones apart, after the upgrade", async () => {
    await onWorkspace(await loadV1(fixture.tables), async (ws) => {
      const [ls] = await ws.loggedSegments.list();
      const entries = fixture.tables.interactionLog as unknown as InteractionLogEntry[];
      const own = entries.filter((e) => e.loggedSegmentEntryNo === ls.entryNo);
      expect(own.some((e) => e.canceled)).toBe(true); // the fixture cancels one entry of its logged segment
      expect(ls.noOfInteractions).toBe(own.filter((e) => e.canceled === ls.canceled).length);
      const canceled = await ws.loggedSegments.toggleCanceled(ls.entryNo);
      expect(canceled.noOfInteractions).toBe(own.length);
    });
  });
});
