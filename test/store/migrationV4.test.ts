// Schema version 4 (the Territories table) from the database a user already has: the frozen v1 records
// (test/fixtures/db-v1.json, written by the real v1 store) in a database at schema v2, the last released
// version. Opened by the store, it reaches version 4 with the new table empty and every record of every
// other table exactly as it was; the store then reads and writes territories there.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SegmentsDb, schemaV1, schemaV2 } from '../../src/store/db';
import { openWorkspace } from '../../src/store/index';
import { withoutFigures } from './migrationChecks';

type Tables = Record<string, Record<string, unknown>[]>;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  tables: Tables;
};

/** The fixture written at schema v1, then the database upgraded to the frozen v2 (plain Dexie), closed. */
async function userDatabaseAtV2(): Promise<{ factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  const name = 'migration-v4';
  const v1 = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  v1.version(1).stores(schemaV1);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await v1.table(table).bulkAdd(rows);
  });
  v1.close();
  const v2 = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  v2.version(1).stores(schemaV1);
  v2.version(2).stores(schemaV2);
  await v2.open();
  expect(v2.verno).toBe(2);
  v2.close();
  return { factory, name };
}

async function dumpAll(db: Dexie): Promise<Tables> {
  const out: Tables = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Tables[string];
  return out;
}

test('a v2 database reaches version 4 with Territories empty and every other record intact', async () => {
  const { factory, name } = await userDatabaseAtV2();
  const db = new SegmentsDb(name, { indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(4);
  // Version 3 on the way fills the list figures of segments and logged segments; the rest is as it was.
  const after = withoutFigures(await dumpAll(db));
  expect(after.territories).toEqual([]);
  const lost: string[] = [];
  for (const [table, rows] of Object.entries(fixture.tables)) {
    if (!after[table]) lost.push(`${table}: the table is gone`);
    else if (JSON.stringify(after[table]) !== JSON.stringify(rows)) lost.push(`${table}: its records changed`);
  }
  expect(lost).toEqual([]);
  // Only the new table was added: the same tables as before, and territories.
  expect(Object.keys(after).sort()).toEqual([...Object.keys(fixture.tables), 'territories'].sort());
  // Its code is unique, as in the other code lists.
  await db.territories.add({ id: 'T1', code: 'NORD', name: '', createdAt: '', updatedAt: '' });
  await expect(
    db.territories.add({ id: 'T2', code: 'NORD', name: '', createdAt: '', updatedAt: '' }),
  ).rejects.toThrow();
  db.close();
});

test('the store opens the upgraded database and keeps territories beside the old records', async () => {
  const { factory, name } = await userDatabaseAtV2();
  const ws = await openWorkspace({ name, indexedDB: factory, IDBKeyRange });
  expect(await ws.territories.list()).toEqual([]);
  await ws.territories.upsert([{ code: 'NORD', name: 'Nord Italia' }]);
  expect(await ws.territories.get('NORD')).toMatchObject({ name: 'Nord Italia' });
  expect((await ws.contacts.list()).length).toBe(fixture.tables.contacts.length);
  ws.close();
});
