// What the migration tests share: the frozen databases (test/fixtures/db-v*.json, written by the real
// store of each version by scripts/freeze-db-fixture.ts), loading one into a database of exactly its
// version, and the comparisons that say what an upgrade lost (none: nothing lost).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWorkspace, type WorkspaceHandle } from '../../src/store/index';

export type Row = Record<string, unknown>;
export type Tables = Record<string, Row[]>;
export interface DbFixture {
  schemaVersion: number;
  schema: Record<string, string>;
  tables: Tables;
}

/** The frozen database of schema version `version`. */
export function frozenDb(version: number): DbFixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/db-v${version}.json`, import.meta.url), 'utf8')) as DbFixture;
}

let dbNo = 0;

/** The tables written into a fresh database opened with exactly `schema` as `version` (plain Dexie), then closed. */
export async function loadAs(
  version: number,
  schema: Record<string, string>,
  tables: Tables,
): Promise<{ factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  const name = `migration-from-v${version}-${++dbNo}`;
  const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  db.version(version).stores(schema);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) if (rows.length) await db.table(table).bulkAdd(rows);
  });
  db.close();
  return { factory, name };
}

/** The current store opened on a loaded database, for `run`, then closed. */
export async function onWorkspace<T>(
  db: { factory: IDBFactory; name: string },
  run: (ws: WorkspaceHandle) => Promise<T>,
): Promise<T> {
  const ws = await openWorkspace({ name: db.name, indexedDB: db.factory, IDBKeyRange });
  try {
    return await run(ws);
  } finally {
    ws.close();
  }
}

export const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';

export interface IndexSpec {
  name: string;
  fields: string[];
  multi: boolean;
}

/** Every index named in a table's schema string (primary key first), with its key path. */
export function parseStores(spec: string): { primaryKey: string; indexes: IndexSpec[] } {
  const [pk, ...rest] = spec.split(',').map((s) => s.trim());
  const indexes = rest.map((raw) => {
    const name = raw.replace(/^[&*]+/, '');
    return { name, fields: name.replace(/^\[|\]$/g, '').split('+'), multi: raw.startsWith('*') };
  });
  return { primaryKey: pk.replace(/^\+\+/, ''), indexes };
}

/** Every index of `schema` must answer for every value the old records hold, with exactly those records. */
export async function indexLosses(db: Dexie, before: Tables, schema: Record<string, string>): Promise<string[]> {
  const losses: string[] = [];
  for (const [table, rows] of Object.entries(before)) {
    const { primaryKey, indexes } = parseStores(schema[table]);
    for (const index of indexes) {
      const expected = new Map<string, { value: unknown; keys: string[] }>();
      for (const r of rows) {
        const values = index.multi
          ? (r[index.fields[0]] as unknown[])
          : [index.fields.length > 1 ? index.fields.map((f) => r[f]) : r[index.fields[0]]];
        for (const value of values) {
          const entry = expected.get(show(value)) ?? { value, keys: [] };
          entry.keys.push(show(r[primaryKey]));
          expected.set(show(value), entry);
        }
      }
      for (const { value, keys } of expected.values()) {
        let found: string[];
        try {
          found = (
            await db
              .table(table)
              .where(index.name)
              .equals(value as string)
              .primaryKeys()
          ).map(show);
        } catch (e) {
          losses.push(`${table}.${index.name}: the index does not answer (${(e as Error).message})`);
          break;
        }
        if (!isDeepStrictEqual([...found].sort(), [...keys].sort()))
          losses.push(`${table}.${index.name} = ${show(value)}: ${show(keys)} expected, found ${show(found)}`);
      }
    }
  }
  return losses;
}

/** Every difference between two dumps, table by table and record by record. */
export function rowLosses(before: Tables, after: Tables): string[] {
  return Object.entries(before).flatMap(([table, rows]) => {
    const now = after[table];
    if (!now) return [`${table}: the table is gone`];
    const count = now.length === rows.length ? [] : [`${table}: ${rows.length} records before, ${now.length} after`];
    const changed = rows.flatMap((r, i) =>
      isDeepStrictEqual(r, now[i]) ? [] : [`${table}[${i}]: ${show(r)} became ${show(now[i])}`],
    );
    return [...count, ...changed];
  });
}

/** Every table's records, in primary-key order. */
export async function dumpAll(db: Dexie): Promise<Tables> {
  const out: Tables = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Row[];
  return out;
}

/** The figures schema version 3 adds to segments and logged segments. */
export const v3FigureFields: Record<string, string[]> = {
  segments: ['noOfLines', 'noOfCriteriaActions', 'cost', 'duration'],
  loggedSegments: ['noOfInteractions'],
};

/** The dump without the figures version 3 adds (checked in migrationV3.test.ts). */
export function withoutFigures(tables: Tables): Tables {
  const out: Tables = { ...tables };
  for (const [table, keys] of Object.entries(v3FigureFields))
    out[table] = (tables[table] ?? []).map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))),
    );
  return out;
}
