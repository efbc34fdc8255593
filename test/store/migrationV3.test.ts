// Schema version 3 (stored list figures) from the frozen v2 database a user already has
// (test/fixtures/db-v2.json, written by the real v2 store): every record of every table kept, only the
// figures added to segments and logged segments, equal to what their lines and entries give; every index
// of v3 answering with exactly the records it should; the lists read them after the upgrade.
import { isDeepStrictEqual } from 'node:util';
import { IDBKeyRange } from 'fake-indexeddb';
import { SegmentsDb, schemaV2, schemaV3 } from '../../src/store/db';
import { noOfInteractionsOf, segmentFiguresOf } from '../../src/store/figures';
import type { InteractionLogEntry, LoggedSegmentRecord } from '../../src/domain/log';
import type { SegmentLine } from '../../src/domain/segment';
import {
  frozenDb,
  indexLosses,
  loadAs,
  show,
  v3FigureFields,
  onWorkspace,
  type Row,
  type Tables,
} from './migrationChecks';

const fixture = frozenDb(2);
const loadV2 = (tables: Tables) => loadAs(2, schemaV2, tables);

describe('schema v3 from the frozen v2 database', () => {
  it('v3 adds no index: the fixture is of v2, and v3 keeps its schema', () => {
    expect(fixture.schemaVersion).toBe(2);
    expect({ ...schemaV2 }).toEqual(fixture.schema);
    expect(schemaV3).toEqual(schemaV2);
    // The fixture has what the figures are computed from.
    expect(fixture.tables.segments.length).toBeGreaterThan(0);
    expect(fixture.tables.segmentLines.length).toBeGreaterThan(0);
    expect(fixture.tables.loggedSegments.length).toBeGreaterThan(0);
    for (const r of [...fixture.tables.segments, ...fixture.tables.loggedSegments])
      expect(r).not.toHaveProperty('noOfLines');
  });

  it('keeps every record, adds only the figures, each equal to what the lines and entries give, and every index answers', async () => {
    const { factory, name } = await loadV2(fixture.tables);
    const db = new SegmentsDb(name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    try {
      expect(db.verno).toBe(4); // v4 (territories) follows on the same open
      const losses: string[] = [];
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const now = (await db.table(table).toArray()) as Row[];
        if (now.length !== rows.length) losses.push(`${table}: ${rows.length} records before, ${now.length} after`);
        rows.forEach((r, i) => {
          const added = v3FigureFields[table] ?? [];
          const kept = Object.fromEntries(Object.entries(now[i] ?? {}).filter(([k]) => !added.includes(k)));
          if (!isDeepStrictEqual(r, kept)) losses.push(`${table}[${i}]: ${show(r)} became ${show(now[i])}`);
          for (const k of added) if (typeof now[i]?.[k] !== 'number') losses.push(`${table}[${i}].${k} not filled`);
        });
      }
      expect(losses).toEqual([]);
      expect(await indexLosses(db, fixture.tables, schemaV3)).toEqual([]);

      const lines = fixture.tables.segmentLines as unknown as SegmentLine[];
      for (const h of await db.segments.toArray()) {
        const own = lines.filter((l) => l.segmentId === h.id);
        const actions = fixture.tables.criteriaActions.filter((a) => a.segmentId === h.id).length;
        expect({
          noOfLines: h.noOfLines,
          noOfCriteriaActions: h.noOfCriteriaActions,
          cost: h.cost,
          duration: h.duration,
        }).toEqual(segmentFiguresOf(own, actions));
      }
      expect((await db.segments.toArray()).some((h) => (h.noOfLines ?? 0) > 0)).toBe(true);
      const entries = fixture.tables.interactionLog as unknown as InteractionLogEntry[];
      for (const ls of await db.loggedSegments.toArray()) {
        const n = noOfInteractionsOf(
          ls,
          entries.filter((e) => e.loggedSegmentId === ls.id),
        );
        expect(ls.noOfInteractions).toBe(n);
      }
    } finally {
      db.close();
    }
  });

  it('the lists read the filled figures after the upgrade, and a cancel keeps them right', async () => {
    await onWorkspace(await loadV2(fixture.tables), async (ws) => {
      const lines = fixture.tables.segmentLines as unknown as SegmentLine[];
      for (const h of await ws.segments.list())
        expect(h.noOfLines).toBe(lines.filter((l) => l.segmentId === h.id && l.contactNo !== '').length);
      const [ls] = (await ws.loggedSegments.list()) as LoggedSegmentRecord[];
      const own = (fixture.tables.interactionLog as unknown as InteractionLogEntry[]).filter(
        (e) => e.loggedSegmentId === ls.id,
      );
      expect(ls.noOfInteractions).toBe(own.filter((e) => e.canceled === ls.canceled).length);
      await ws.loggedSegments.setCanceled(ls.entryNo, !ls.canceled);
      expect((await ws.loggedSegments.list())[0].noOfInteractions).toBe(own.length);
    });
  });
});
