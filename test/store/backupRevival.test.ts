// @vitest-environment jsdom
// A backup file can only describe values, never reach JavaScript's built-ins: dexie-export-import's
// `$types` paths through __proto__, constructor or prototype are refused and Object.prototype stays intact
// (issue: a crafted backup deleted Object.prototype.toString while being validated).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { SegmentsDb } from '../../src/store/db';
import type { StoreContext } from '../../src/store/context';
import { backupWorkspace, restoreWorkspace, validateBackup } from '../../src/store/backup';
import { isSegmentsError } from '../../src/domain/errors';
import { makeContact, makeLine, makeSegment } from '../builders';

const open: SegmentsDb[] = [];
let seq = 0;
function context(): StoreContext {
  const db = new SegmentsDb(`revival-${++seq}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  open.push(db);
  return { db, now: () => new Date('2026-03-01T10:00:00Z'), newId: () => `ID${++seq}`, locale: 'en-US' };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const builtIns = () => ({
  toString: Object.prototype.toString,
  hasOwnProperty: Object.prototype.hasOwnProperty,
  valueOf: Object.prototype.valueOf,
  keys: Object.keys,
  push: Array.prototype.push,
});

async function backupText(): Promise<{ ctx: StoreContext; file: any }> {
  const ctx = context();
  const seg = makeSegment('SEGA', 'SEG00001');
  await ctx.db.contacts.put(makeContact(1));
  await ctx.db.segments.put(seg);
  await ctx.db.segmentLines.put(makeLine(seg, 1, 'CT00001', { letter: undefined }));
  return { ctx, file: JSON.parse(await (await backupWorkspace(ctx)).text()) };
}

test.each([
  ['__proto__.toString', 'through __proto__'],
  ['constructor.prototype.hasOwnProperty', 'through constructor'],
  ['contactNo.constructor.prototype.valueOf', 'through a value’s constructor'],
  ['constructor.keys', 'to a constructor’s own functions'],
  ['segmentNo.__proto__.push', 'through a string’s __proto__'],
])('a backup with $types %s (%s) is refused with INVALID_PACKAGE and Object.prototype intact', async (path) => {
  const before = builtIns();
  const { ctx, file } = await backupText();
  const lines = file.data.data.find((t: { tableName: string }) => t.tableName === 'segmentLines');
  lines.rows[0].$types = { [path]: 'undef' };
  const text = JSON.stringify(file);
  let error: unknown;
  try {
    validateBackup(ctx, text);
  } catch (e) {
    error = e;
  }
  expect(isSegmentsError(error) && error.code).toBe('INVALID_PACKAGE');
  expect((error as Error).message).toMatch(/segmentLines row 1 holds values this workspace never stores/);
  await expect(restoreWorkspace(ctx, text)).rejects.toThrow(/holds values this workspace never stores/);
  expect(builtIns()).toEqual(before);
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
  expect(await ctx.db.segmentLines.count()).toBe(1);
});

test('an own "__proto__" key in a row (JSON keeps it as data) is refused, not turned into a prototype', async () => {
  const { ctx, file } = await backupText();
  const lines = file.data.data.find((t: { tableName: string }) => t.tableName === 'segmentLines');
  const text = JSON.stringify(file).replace('"contactNo":', '"__proto__":{"polluted":true},"contactNo":');
  expect(text).toContain('__proto__');
  expect(lines.rows[0].$types).toBeDefined();
  expect(() => validateBackup(ctx, text)).toThrow(/holds values this workspace never stores/);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('the plain undefined annotation still revives, on a copy: the parsed file is not changed', async () => {
  const { ctx, file } = await backupText();
  const lines = file.data.data.find((t: { tableName: string }) => t.tableName === 'segmentLines');
  expect(lines.rows[0].$types).toEqual({ letter: 'undef' });
  expect(validateBackup(ctx, JSON.stringify(file)).rows.segmentLines).toBe(1);
});
