// Reading records by many index keys gives exactly what Dexie's anyOf gives, on both of its paths
// (one range read when the keys are dense, one read per key when they are sparse).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { emptyContactFields, type Contact } from '../../src/domain/contact';
import { SegmentsDb } from '../../src/store/db';
import { readByIndexKeys } from '../../src/store/indexReads';

const no = (i: number) => `CT${String(i).padStart(4, '0')}`;

async function seeded(): Promise<SegmentsDb> {
  const db = new SegmentsDb('index-reads', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const contacts: Contact[] = Array.from({ length: 300 }, (_, i) => ({
    ...emptyContactFields(no(i)),
    id: `ID${String(299 - i).padStart(4, '0')}`,
    createdAt: '',
    updatedAt: '',
    name: `Contact ${i}`,
    companyNo: no(i - (i % 3)),
    type: i % 3 ? 'Person' : 'Company',
  }));
  await db.contacts.bulkAdd(contacts);
  return db;
}

const ids = (rows: Contact[]) => rows.map((c) => c.id);

describe('readByIndexKeys', () => {
  // `reads` is how many queries it makes: 2 for a range read (count, then the records), 1 + one per key otherwise.
  it.each([
    ['no keys', [], 0],
    ['one key', [no(7)], 1],
    ['dense keys, out of order and repeated', [no(12), no(10), no(11), no(11), no(13)], 2],
    ['sparse keys', [no(299), no(0), no(150)], 4],
    ['keys that match nothing', ['NONE', no(5), 'ZZZ'], 4],
  ])('gives what anyOf gives on a unique index: %s', async (_what, keys, reads) => {
    const db = await seeded();
    const expected = keys.length ? await db.contacts.where('no').anyOf(keys).toArray() : [];
    const where = vi.spyOn(db.contacts, 'where');
    expect(ids(await readByIndexKeys(db.contacts, 'no', keys))).toEqual(ids(expected));
    expect(where).toHaveBeenCalledTimes(reads);
    db.close();
  });

  it.each([
    ['dense', [no(6), no(0), no(3)], 2],
    ['sparse', [no(0), no(297)], 3],
  ])('gives every record of each key, in anyOf order, on a non-unique index (%s)', async (_what, keys, reads) => {
    const db = await seeded();
    const expected = await db.contacts.where('companyNo').anyOf(keys).toArray();
    const where = vi.spyOn(db.contacts, 'where');
    const found = await readByIndexKeys(db.contacts, 'companyNo', keys);
    expect(found).toHaveLength(keys.length * 3);
    expect(ids(found)).toEqual(ids(expected));
    expect(where).toHaveBeenCalledTimes(reads);
    db.close();
  });
});
