// The migration harness (house rules, Persistence): a released schema version is frozen, and a change is a
// new version with its upgrade() tested from a frozen fixture of the old one. test/fixtures/db-v1.json is
// a dump of every table written by the real v1 store (scripts/freeze-db-fixture.ts); it is never
// regenerated here. A test-only v2 proves the harness: it splits a field, renames another, adds an index,
// and the comparison shows that nothing was lost. Broken upgrades prove the comparison can fail.
import { isDeepStrictEqual } from 'node:util';
import Dexie, { type Transaction } from 'dexie';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { schemaV1 } from '../../src/store/db';
import { openWorkspace } from '../../src/store/index';
import { dumpAll, frozenDb, indexLosses, loadAs, parseStores, show, type Row, type Tables } from './migrationChecks';

const fixture = frozenDb(1);

const deps = (factory: IDBFactory) => ({ indexedDB: factory, IDBKeyRange });

/** The fixture written into a fresh database opened with exactly schema v1 (plain Dexie), then closed. */
const loadFixtureV1 = () => loadAs(1, schemaV1, fixture.tables);

// ---- The comparison: what an upgrade must keep -----------------------------------------------------

/**
 * How a table's records change: the old fields `from` become the fields `to` (a split, a rename, or a
 * field rewritten in place when it is in both), and `meaning` says what must hold between the old value
 * and the new ones. Every other field must be equal.
 */
interface TableChange {
  from: string[];
  to: string[];
  meaning(old: Row, now: Row): string[];
}

/** Every loss between the records before and after an upgrade, as readable lines (none: nothing lost). */
function migrationLosses(
  before: Tables,
  after: Tables,
  schema: Record<string, string>,
  changes: Record<string, TableChange>,
): string[] {
  const losses: string[] = [];
  for (const [table, oldRows] of Object.entries(before)) {
    const newRows = after[table];
    if (!newRows) {
      losses.push(`${table}: the table is gone`);
      continue;
    }
    if (newRows.length !== oldRows.length)
      losses.push(`${table}: ${oldRows.length} records before, ${newRows.length} after`);
    const { primaryKey } = parseStores(schema[table]);
    const newByKey = new Map(newRows.map((r) => [show(r[primaryKey]), r]));
    const change = changes[table];
    for (const old of oldRows) {
      const key = show(old[primaryKey]);
      const now = newByKey.get(key);
      if (!now) {
        losses.push(`${table} ${key}: the record is lost`);
        continue;
      }
      newByKey.delete(key);
      for (const [field, value] of Object.entries(old)) {
        if (change?.from.includes(field)) continue;
        if (!isDeepStrictEqual(value, now[field]))
          losses.push(`${table} ${key}: ${field} was ${show(value)}, is ${show(now[field])}`);
      }
      for (const field of Object.keys(now)) {
        if (!(field in old) && !change?.to.includes(field)) losses.push(`${table} ${key}: unexpected field ${field}`);
      }
      for (const field of change?.from ?? []) {
        if (!change!.to.includes(field) && field in now) losses.push(`${table} ${key}: still has ${field}`);
      }
      if (change) losses.push(...change.meaning(old, now).map((m) => `${table} ${key}: ${m}`));
    }
    for (const key of newByKey.keys()) losses.push(`${table} ${key}: a record that was not there before`);
  }
  return losses;
}

// ---- A test-only v2: contact address split into street and house number, line comment renamed ---------

const schemaV2 = { ...schemaV1, contacts: `${schemaV1.contacts}, street` };

const houseNoAtEnd = /^(.*\S)\s+(\d+[A-Za-z]?(?:\/\d+)?)$/;
function splitAddress(address: string): { street: string; houseNo: string } {
  const m = houseNoAtEnd.exec(address);
  return m ? { street: m[1], houseNo: m[2] } : { street: address, houseNo: '' };
}
const joinAddress = (street: unknown, houseNo: unknown) =>
  houseNo ? `${String(street)} ${String(houseNo)}` : String(street);

function renameComment(line: Row): Row {
  const { comment, ...rest } = line;
  return { ...rest, letterComment: comment };
}

type Upgrade = (tx: Transaction) => Promise<void>;

/** v2's first two steps: the contact address split, the line comment renamed (not the history). */
const shapeContactsAndLines: Upgrade = async (tx) => {
  await tx
    .table('contacts')
    .toCollection()
    .modify((c: Row) => {
      Object.assign(c, splitAddress(c.address as string));
      delete c.address;
    });
  await tx
    .table('segmentLines')
    .toCollection()
    .modify((l: Row) => {
      l.letterComment = l.comment;
      delete l.comment;
    });
};

const upgradeToV2: Upgrade = async (tx) => {
  await shapeContactsAndLines(tx);
  // Go Back restores the whole deleted lines kept in the criteria history: they take the new shape too.
  await tx
    .table('criteriaActions')
    .toCollection()
    .modify((a: Row) => {
      a.deletedLines = (a.deletedLines as Row[]).map(renameComment);
    });
};

/** The database as v2 declares it: version 1 exactly as released, version 2 with its upgrade. */
function segmentsDbV2(name: string, factory: IDBFactory, upgrade: Upgrade = upgradeToV2): Dexie {
  const db = new Dexie(name, deps(factory));
  db.version(1).stores(schemaV1);
  db.version(2).stores(schemaV2).upgrade(upgrade);
  return db;
}

/** What v2 must keep: the meaning of the split and renamed fields, everywhere they are stored. */
function lineMeaning(old: Row, now: Row): string[] {
  const out: string[] = [];
  if (now.letterComment !== old.comment)
    out.push(`letterComment is ${show(now.letterComment)}, the comment was ${show(old.comment)}`);
  if ('comment' in now) out.push('still has comment');
  for (const [field, value] of Object.entries(old)) {
    if (field !== 'comment' && !isDeepStrictEqual(value, now[field]))
      out.push(`${field} was ${show(value)}, is ${show(now[field])}`);
  }
  return out;
}

const v2Changes: Record<string, TableChange> = {
  contacts: {
    from: ['address'],
    to: ['street', 'houseNo'],
    meaning: (old, now) => {
      const out: string[] = [];
      if (typeof now.street !== 'string' || typeof now.houseNo !== 'string')
        out.push(`street ${show(now.street)} and houseNo ${show(now.houseNo)} must be text`);
      if (joinAddress(now.street, now.houseNo) !== old.address)
        out.push(
          `street ${show(now.street)} + houseNo ${show(now.houseNo)} do not give the address ${show(old.address)}`,
        );
      return out;
    },
  },
  segmentLines: { from: ['comment'], to: ['letterComment'], meaning: lineMeaning },
  criteriaActions: {
    from: ['deletedLines'],
    to: ['deletedLines'],
    meaning: (old, now) => {
      const was = old.deletedLines as Row[];
      const is = now.deletedLines as Row[];
      if (!Array.isArray(is) || is.length !== was.length)
        return [`deletedLines held ${was.length} lines, holds ${show(is?.length)}`];
      return was.flatMap((line, i) =>
        lineMeaning(line, is[i]).map((m) => `deletedLines[${i}] (${String(line.contactNo)}): ${m}`),
      );
    },
  },
};

async function upgradeFixture(upgrade?: Upgrade): Promise<{ db: Dexie; after: Tables; losses: string[] }> {
  const { factory, name } = await loadFixtureV1();
  const db = segmentsDbV2(name, factory, upgrade);
  await db.open();
  const after = await dumpAll(db);
  const losses = [
    ...migrationLosses(fixture.tables, after, schemaV2, v2Changes),
    ...(await indexLosses(db, fixture.tables, schemaV1)),
  ];
  return { db, after, losses };
}

// ---- The tests -------------------------------------------------------------------------------------

describe('the frozen v1 fixture', () => {
  it('was written with the released schema v1, which is frozen (a change is a new version)', () => {
    expect(fixture.schemaVersion).toBe(1);
    expect({ ...schemaV1 }).toEqual(fixture.schema);
  });

  it('holds every table with meaningful data, and loads into a v1 database unchanged', async () => {
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(schemaV1).sort());
    const t = fixture.tables;
    expect(new Set(t.contacts.map((c) => c.type))).toEqual(new Set(['Company', 'Person']));
    expect(
      t.contacts.some((c) => Object.keys(c.extra as object).length > 0 && (c.mailingGroups as string[]).length > 0),
    ).toBe(true);
    expect(t.criteriaActions.some((a) => (a.deletedLines as Row[]).some((l) => l.comment !== ''))).toBe(true);
    expect(t.segmentLines.some((l) => l.comment !== '')).toBe(true);
    for (const table of [
      'setup',
      'profile',
      'series',
      'savedCriteria',
      'loggedSegments',
      'interactionLog',
      'interactionTemplates',
      'segments',
    ])
      expect(t[table].length, table).toBeGreaterThan(0);

    const { factory, name } = await loadFixtureV1();
    const db = new Dexie(name, deps(factory));
    db.version(1).stores(schemaV1);
    await db.open();
    expect(db.verno).toBe(1);
    expect(await dumpAll(db)).toEqual(fixture.tables);
    expect(await indexLosses(db, fixture.tables, schemaV1)).toEqual([]);
    db.close();
  });
});

describe('upgrade from the frozen v1 fixture to a test-only v2', () => {
  it('keeps every record of every table, every untouched field, and the meaning of the changed ones', async () => {
    const { db, after, losses } = await upgradeFixture();
    expect(db.verno).toBe(2);
    expect(losses).toEqual([]);
    for (const [table, rows] of Object.entries(fixture.tables)) expect(after[table].length, table).toBe(rows.length);

    // The split and the rename, seen from a reader of v2.
    const alfa = after.contacts.find((c) => c.no === 'C100')!;
    expect([alfa.street, alfa.houseNo, 'address' in alfa]).toEqual(['Via del Corso', '12', false]);
    const lone = after.contacts.find((c) => c.no === 'P300')!;
    expect([lone.street, lone.houseNo]).toEqual(['Lungo Po', '']);
    const commented = fixture.tables.segmentLines.find((l) => l.comment !== '')!;
    expect(after.segmentLines.find((l) => l.id === commented.id)!.letterComment).toBe(commented.comment);
    db.close();
  });

  it('leaves indexes that still answer queries, and builds the new one', async () => {
    const { db } = await upgradeFixture();
    const companyNos = (await db.table('contacts').where('companyNo').equals('C100').toArray()).map((c) => c.no).sort();
    expect(companyNos).toEqual(['C100', 'P101', 'P102']);
    const line = fixture.tables.segmentLines[1];
    const byKey = await db
      .table('segmentLines')
      .where('[segmentId+lineNo]')
      .equals([line.segmentId as string, line.lineNo as number])
      .first();
    expect(byKey?.id).toBe(line.id);
    expect(byKey?.letterComment).toBe(line.comment);
    expect(
      (await db.table('contacts').where('mailingGroups').equals('XMAS').toArray()).map((c) => c.no).sort(),
    ).toEqual(['P101', 'P201']);
    expect(
      (await db.table('contacts').where('street').equals('Corso Buenos Aires').toArray()).map((c) => c.no).sort(),
    ).toEqual(['C200', 'P201']);
    await expect(db.table('contacts').add({ ...fixture.tables.contacts[0], id: 'another-id' })).rejects.toThrow(
      /constraint/i,
    );
    db.close();
  });
});

describe('the comparison catches a broken upgrade', () => {
  const dropsHouseNumbers: Upgrade = async (tx) => {
    await upgradeToV2(tx);
    await tx
      .table('contacts')
      .toCollection()
      .modify((c: Row) => {
        delete c.houseNo;
      });
  };
  const forgetsHistory: Upgrade = shapeContactsAndLines;
  const losesRecords: Upgrade = async (tx) => {
    await upgradeToV2(tx);
    await tx
      .table('segmentLines')
      .filter((l: Row) => l.letterComment === '')
      .delete();
  };
  const rewritesAField: Upgrade = async (tx) => {
    await upgradeToV2(tx);
    await tx
      .table('contacts')
      .toCollection()
      .modify((c: Row) => {
        c.postCode = Number(c.postCode);
      });
  };

  it.each([
    [
      'drops the house numbers',
      dropsHouseNumbers,
      /^contacts "[^"]+": street "Via del Corso" \+ houseNo undefined do not give the address "Via del Corso 12"$/,
    ],
    [
      'forgets the lines kept in the criteria history',
      forgetsHistory,
      /^criteriaActions "[^"]+": deletedLines\[0\] \(P300\): letterComment is undefined, the comment was "Sailing club member"$/,
    ],
    ['loses records', losesRecords, /^segmentLines: 6 records before, 4 after$/],
    ['rewrites a field it should not touch', rewritesAField, /^contacts "[^"]+": postCode was "00186", is 186$/],
  ])('an upgrade that %s is reported', async (_what, upgrade, expected) => {
    const { db, losses } = await upgradeFixture(upgrade);
    expect(losses.length).toBeGreaterThan(0);
    expect(losses).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    db.close();
  });

  it('an index that no longer answers is reported', async () => {
    const { factory, name } = await loadFixtureV1();
    const db = new Dexie(name, deps(factory));
    db.version(1).stores(schemaV1);
    db.version(2).stores({ ...schemaV1, contacts: schemaV1.contacts.replace(', companyNo', '') });
    await db.open();
    const losses = await indexLosses(db, fixture.tables, schemaV1);
    expect(losses).toEqual([expect.stringMatching(/^contacts\.companyNo: the index does not answer/)]);
    db.close();
  });
});

describe('the current store on the frozen v1 database', () => {
  it('opens it and reads, changes and logs its segment', async () => {
    const { factory, name } = await loadFixtureV1();
    const ws = await openWorkspace({ name, indexedDB: factory, IDBKeyRange });
    try {
      const view = await ws.segments.get('SEG00001');
      const frozenLines = fixture.tables.segmentLines.filter((l) => l.segmentNo === 'SEG00001');
      expect(view?.header.description).toBe('Spring newsletter 2026');
      expect(view?.lines.map((l) => [l.lineNo, l.contactNo, l.comment])).toEqual(
        frozenLines.map((l) => [l.lineNo, l.contactNo, l.comment]),
      );
      expect(view?.criteria.map((a) => a.kind)).toEqual([
        'Add Contacts',
        'Add Contacts',
        'Add Contacts',
        'Remove Contacts (Reduce)',
        'Remove Contacts (Reduce)',
      ]);

      const contacts = await ws.contacts.list();
      expect(contacts.map((c) => c.no)).toEqual(fixture.tables.contacts.map((c) => c.no as string).sort());
      expect((await ws.contacts.list({ mailingGroup: 'XMAS', contact: { city: 'Milano' } })).map((c) => c.no)).toEqual([
        'P201',
      ]);

      // Go Back on the frozen history brings the deleted lines back exactly as they were frozen.
      const undone = await ws.segments.goBack('SEG00001');
      const lastAction = fixture.tables.criteriaActions.find((a) => a.segmentNo === 'SEG00001' && a.actionNo === 5)!;
      expect(undone.added).toEqual(lastAction.deletedLines);

      const result = await ws.segments.log('SEG00001');
      expect(result.loggedSegment.entryNo).toBe(2);
      expect(result.entries.map((e) => e.entryNo)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(result.entries.find((e) => e.contactNo === 'P101')?.comment).toBe('Grazie P101, riga 2');
      expect(await ws.segments.get('SEG00001')).toBeUndefined();
      expect((await ws.interactionLog.list()).length).toBe(fixture.tables.interactionLog.length + 6);
      expect((await ws.loggedSegments.list()).map((ls) => [ls.entryNo, ls.segmentNo])).toEqual([
        [1, 'SEG00002'],
        [2, 'SEG00001'],
      ]);
    } finally {
      ws.close();
    }
  });
});
