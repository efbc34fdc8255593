// @vitest-environment jsdom
// dexie-export-import needs the browser's self, Blob and FileReader: jsdom gives them.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { SegmentsDb } from '../../src/store/db';
import type { StoreContext } from '../../src/store/context';
import { backupWorkspace, restoreWorkspace, validateBackup } from '../../src/store/backup';
import { exportSegmentPackage, importSegmentPackage, readSegmentPackage } from '../../src/store/segmentPackage';
import { isSegmentsError } from '../../src/domain/errors';
import { outboxMiddleware } from '../../src/store/outbox';
import { fillAllFigures } from '../../src/store/figures';
import { createSyncPort } from '../../src/store/syncPort';
import { makeContact, makeLine, makeSegment } from '../builders';
import { makeWorkspace } from './helpers';

const open: SegmentsDb[] = [];
let seq = 0;
function context(): StoreContext {
  const db = new SegmentsDb(`backup-${++seq}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  open.push(db);
  let n = 0;
  return {
    db,
    now: () => new Date('2026-03-01T10:00:00Z'),
    newId: () => `ID${String(++n).padStart(8, '0')}`,
    locale: 'en-US',
  };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function seed(ctx: StoreContext, contacts = 3) {
  const seg = makeSegment('SEGA', 'SEG00001');
  await ctx.db.contacts.bulkPut(Array.from({ length: contacts }, (_, i) => makeContact(i + 1)));
  await ctx.db.segments.put(seg);
  // A property stored as undefined (an optional field) travels through the backup as undefined.
  await ctx.db.segmentLines.bulkPut([makeLine(seg, 1, 'CT00001', { letter: undefined }), makeLine(seg, 2, 'CT00002')]);
  await ctx.db.outbox.put({ txId: 't1', table: 'contacts', key: 'x', op: 'put' });
  // Written past the store's actions: the stored list figures are filled as the store would have.
  await fillAllFigures(ctx.db);
}

async function snapshot(ctx: StoreContext) {
  const out: Record<string, unknown[]> = {};
  for (const t of ctx.db.tables) if (t.name !== 'outbox' && t.name !== 'syncState') out[t.name] = await t.toArray();
  return out;
}

describe('backup and restore of the whole workspace', () => {
  test('a backup restored into an empty workspace gives back every row, and not the sync outbox', async () => {
    const a = context();
    await seed(a);
    const text = await (await backupWorkspace(a)).text();
    const b = context();
    const summary = await restoreWorkspace(b, text);
    expect(summary.rows.contacts).toBe(3);
    expect(summary.rows.segmentLines).toBe(2);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(await b.db.outbox.count()).toBe(0);
  });

  test('a restore replaces what was there: rows absent from the backup are gone', async () => {
    const a = context();
    await seed(a, 2);
    const text = await (await backupWorkspace(a)).text();
    const b = context();
    await seed(b, 5);
    await restoreWorkspace(b, text);
    expect((await b.db.contacts.toArray()).map((c) => c.no)).toEqual(['CT00001', 'CT00002']);
  });

  test('a restore keeps this pane’s own profile: a colleague’s backup does not change who the user is', async () => {
    const a = context();
    await seed(a, 1);
    await a.db.profile.put({
      id: 'profile',
      userId: 'WALKER2',
      salespersonCode: 'MR',
      uiLanguage: 'en',
      updatedAt: '2026-03-01T10:00:00Z',
    });
    const text = await (await backupWorkspace(a)).text();
    const b = context();
    await b.db.profile.put({
      id: 'profile',
      userId: 'ANNA',
      salespersonCode: '',
      uiLanguage: 'it',
      updatedAt: '2026-03-01T10:00:00Z',
    });
    await restoreWorkspace(b, text);
    expect(await b.db.profile.get('profile')).toMatchObject({ userId: 'ANNA', salespersonCode: '' });
    expect(await b.db.contacts.count()).toBe(1);
    // A browser whose user has saved no profile yet (restoring their own backup) takes the backup's.
    const c = context();
    await restoreWorkspace(c, text);
    expect(await c.db.profile.get('profile')).toMatchObject({ userId: 'WALKER2', salespersonCode: 'MR' });
  });

  test('a backup of schema version 1 (records of the same shape, fewer indexes) restores into the current version', async () => {
    const a = context();
    await seed(a, 3);
    const text = await (await backupWorkspace(a)).text();
    expect(text).toContain(`"databaseVersion":${a.db.verno}`);
    const b = context();
    await restoreWorkspace(b, text.replace(/"databaseVersion":\d+/, '"databaseVersion":1'));
    expect((await b.db.contacts.toArray()).map((c) => c.no)).toEqual(['CT00001', 'CT00002', 'CT00003']);
  });

  const bad: [string, (t: string) => string, RegExp][] = [
    ['not JSON', () => 'Nome;Città\nRossi;Roma', /not JSON/],
    ['a backup cut off halfway', (t) => t.slice(0, t.length / 2), /backup is cut off or damaged/],
    ['a backup cut off in its list of tables', (t) => t.slice(0, t.indexOf('"tables"') + 30), /cut off or damaged/],
    [
      'another Dexie database’s export cut off',
      (t) => t.replaceAll('"segments"', '"orders"').slice(0, t.length / 2),
      /not JSON/,
    ],
    ['a foreign JSON file', () => JSON.stringify({ hello: 'world' }), /not a workspace backup/],
    [
      'a backup of another Dexie database',
      (t) => t.replaceAll('"segments"', '"orders"').replace('"contacts"', '"customers"'),
      /another database/,
    ],
    ['an unknown schema version', (t) => t.replace(/"databaseVersion":\d+/, '"databaseVersion":7'), /schema version 7/],
    [
      'a row that fails its schema',
      (t) => t.replace('"name":"Contact 2"', '"name":42'),
      /contacts row \d+ is invalid at name/,
    ],
    ['two contacts with one number', (t) => t.replace('"no":"CT00002"', '"no":"CT00001"'), /unique key/],
    [
      'an unknown table',
      (t) => t.replace('"tableName":"languages"', '"tableName":"invoices"'),
      /does not know: invoices/,
    ],
  ];
  test.each(bad)('%s is refused with INVALID_PACKAGE and the data is untouched', async (_name, corrupt, message) => {
    const a = context();
    await seed(a);
    const text = corrupt(await (await backupWorkspace(a)).text());
    const b = context();
    await seed(b, 4);
    const before = await snapshot(b);
    const err = await restoreWorkspace(b, text).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSegmentsError(err, 'INVALID_PACKAGE')).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect(await snapshot(b)).toEqual(before);
  });

  test('in the shared workspace a restore records nothing to push, empties the outbox and pulls again from the start', async () => {
    const a = context();
    await seed(a);
    const text = await (await backupWorkspace(a)).text();
    let recorded = 0;
    // Below the outbox's middleware: counts the rows it writes into the outbox.
    const outboxWrites: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'count-outbox-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name !== 'outbox'
            ? t
            : {
                ...t,
                mutate: (req) => (
                  (recorded += req.type === 'add' || req.type === 'put' ? req.values.length : 0),
                  t.mutate(req)
                ),
              };
        },
      }),
    };
    const b = await makeWorkspace({ dbCoreMiddlewares: [outboxWrites, outboxMiddleware()] });
    try {
      const port = createSyncPort(b);
      const clientId = await port.clientId();
      await b.segments.create({ description: 'Made before the restore' });
      expect(recorded).toBeGreaterThan(0);
      await port.rebase(
        [
          {
            table: 'series',
            id: 'segment',
            rev: 12,
            deleted: false,
            value: { id: 'segment', lastNo: 'SEG00009', updatedAt: '' },
          },
        ],
        12,
      );
      expect(await port.pendingCount()).toBe(1);
      expect(await port.cursor()).toBe(12);
      recorded = 0;

      await restoreWorkspace(b.ctx, text);
      expect(recorded).toBe(0);
      expect(await b.ctx.db.outbox.count()).toBe(0);
      expect(await port.pendingCount()).toBe(0);
      expect(await port.cursor()).toBe(0);
      expect(await b.ctx.db.syncState.where('key').startsWith('rev:').count()).toBe(0);
      // The pane stays the same client of the server.
      expect(await port.clientId()).toBe(clientId);
      expect((await b.ctx.db.segments.toArray()).map((x) => x.no)).toEqual(['SEG00001']);
      // What happens after the restore is recorded again.
      await b.segments.create({ description: 'Made after the restore' });
      expect(await port.pendingCount()).toBe(1);
    } finally {
      b.close();
    }
  });

  test('a segment package given to restore is said to be a segment package, whole or cut off, and nothing changes', async () => {
    const a = context();
    await seed(a);
    const pkg = JSON.stringify(await exportSegmentPackage(a, 'SEG00001'));
    const b = context();
    await seed(b, 4);
    const before = await snapshot(b);
    for (const text of [pkg, JSON.stringify(JSON.parse(pkg), null, 2), pkg.slice(0, pkg.length / 2)]) {
      const err = await restoreWorkspace(b, text).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isSegmentsError(err, 'INVALID_PACKAGE') && err.details).toEqual({ reason: 'segmentPackage' });
      expect((err as Error).message).toMatch(/is a segment package, not a workspace backup/);
      expect(() => validateBackup(b, text)).toThrow(/is a segment package/);
    }
    expect(await snapshot(b)).toEqual(before);
  });

  test('a backup given to the package import is said to be a backup, whole or cut off, and nothing changes', async () => {
    const a = context();
    await seed(a);
    const backup = await (await backupWorkspace(a)).text();
    const b = context();
    await seed(b, 4);
    const before = await snapshot(b);
    for (const text of [backup, backup.slice(0, backup.length / 2)]) {
      const err = await importSegmentPackage(b, text).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isSegmentsError(err, 'INVALID_PACKAGE') && err.details).toEqual({ reason: 'backup' });
      expect((err as Error).message).toMatch(/is a workspace backup, not a segment package/);
      expect(() => readSegmentPackage(text)).toThrow(/is a workspace backup/);
    }
    expect(await snapshot(b)).toEqual(before);
  });

  test('validateBackup counts rows without writing', async () => {
    const a = context();
    await seed(a);
    const text = await (await backupWorkspace(a)).text();
    const b = context();
    expect(validateBackup(b, text).total).toBe(6);
    expect(await b.db.contacts.count()).toBe(0);
  });
});
