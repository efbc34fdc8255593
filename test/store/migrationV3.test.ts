// Schema version 3 (stored list figures) from the frozen v2 database a user already has
// (test/fixtures/db-v2.json, written by the real v2 store): every record of every table kept, only the
// figures added to segments and logged segments, equal to what their lines and entries give; every index
// of v3 answering with exactly the records it should; the lists read them after the upgrade.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SegmentsDb, schemaV2, schemaV3 } from '../../src/store/db';
import { noOfInteractionsOf, segmentFiguresOf } from '../../src/store/figures';
import { openWorkspace } from '../../src/store/index';
import type { InteractionLogEntry, LoggedSegmentRecord } from '../../src/domain/log';
import type { SegmentLine } from '../../src/domain/segment';

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/db-v2.json', import.meta.url), 'utf8')) as {
  schemaVersion: number;
  schema: Record<string, string>;
  tables: Tables;
};

let dbNo = 0;
async function loadV2(tables: Tables): Promise<{ factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  const name = `migration-v3-${++dbNo}`;
  const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  db.version(2).stores(schemaV2);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) if (rows.length) await db.table(table).bulkAdd(rows);
  });
  db.close();
  return { factory, name };
}

const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';
const figureFields: Record<string, string[]> = {
  segments: ['noOfLines', 'noOfCriteriaActions', 'cost', 'duration'],
  loggedSegments: ['noOfInteractions'],
};

/** For every index of `schema` and every value the records hold: the records the index gives, against those expected. */
async function indexLosses(db: Dexie, tables: Tables, schema: Record<string, string>): Promise<string[]> {
  const losses: string[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    const [pk, ...rest] = schema[table].split(',').map((s) => s.trim());
    const primaryKey = pk.replace(/^\+\+/, '');
    for (const raw of rest) {
      const name = raw.replace(/^[&*]+/, '');
      const fields = name.replace(/^\[|\]$/g, '').split('+');
      const multi = raw.startsWith('*');
      const expected = new Map<string, { value: unknown; keys: string[] }>();
      for (const r of rows) {
        const values = multi
          ? (r[fields[0]] as unknown[])
          : [fields.length > 1 ? fields.map((f) => r[f]) : r[fields[0]]];
        for (const value of values) {
          const entry = expected.get(show(value)) ?? { value, keys: [] };
          entry.keys.push(show(r[primaryKey]));
          expected.set(show(value), entry);
        }
      }
      for (const { value, keys } of expected.values()) {
        const found = (
          await db
            .table(table)
            .where(name)
            .equals(value as string)
            .primaryKeys()
        ).map(show);
        if (!isDeepStrictEqual([...found].sort(), [...keys].sort()))
          losses.push(`${table}.${name} = ${show(value)}: ${show(keys)} expected, found ${show(found)}`);
      }
    }
  }
  return losses;
}

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
      expect(db.verno).toBe(3);
      const losses: string[] = [];
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const now = (await db.table(table).toArray()) as Row[];
        if (now.length !== rows.length) losses.push(`${table}: ${rows.length} records before, ${now.length} after`);
        rows.forEach((r, i) => {
          const added = figureFields[table] ?? [];
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
    const { factory, name } = await loadV2(fixture.tables);
    const ws = await openWorkspace({ name, indexedDB: factory, IDBKeyRange });
    try {
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
    } finally {
      ws.close();
    }
  });
});
