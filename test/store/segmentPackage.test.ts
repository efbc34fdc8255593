import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, test } from 'vitest';
import { SegmentsDb } from '../../src/store/db';
import type { StoreContext } from '../../src/store/context';
import {
  exportSegmentPackage,
  importSegmentPackage,
  previewSegmentPackage,
  readSegmentPackage,
} from '../../src/store/segmentPackage';
import { isSegmentsError } from '../../src/domain/errors';
import { replayAction } from '../../src/store/index';
import { ACTION_ROW, outboxMiddleware } from '../../src/store/outbox';
import { createSyncPort } from '../../src/store/syncPort';
import { makeContact, makeLine, makeSegment } from '../builders';
import { makeWorkspace } from './helpers';

const open: SegmentsDb[] = [];
let seq = 0;
function context(): StoreContext {
  const db = new SegmentsDb(`pkg-${++seq}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  open.push(db);
  return { db, now: () => new Date('2026-03-02T08:00:00Z'), newId: () => 'unused', locale: 'en-US' };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A workspace with segment SEG00001: two lines (a person of company CT00003 and another contact). */
async function source(): Promise<{ ctx: StoreContext; text: string }> {
  const ctx = context();
  const seg = makeSegment('SEG-A', 'SEG00001');
  await ctx.db.contacts.bulkPut([
    makeContact(1, { companyNo: 'CT00003' }),
    makeContact(2),
    makeContact(3, { type: 'Company', companyNo: 'CT00003' }),
    makeContact(4),
  ]);
  await ctx.db.segments.put(seg);
  await ctx.db.segmentLines.bulkPut([makeLine(seg, 1, 'CT00001', { comment: 'Ciao' }), makeLine(seg, 2, 'CT00002')]);
  await ctx.db.criteriaActions.put({
    id: 'ACT-1',
    segmentId: seg.id,
    segmentNo: seg.no,
    actionNo: 1,
    kind: 'Add Contacts',
    options: {},
    filters: { contact: { city: 'Roma|Milano' } },
    insertedLineIds: [`${seg.id}-L1`, `${seg.id}-L2`],
    deletedLines: [],
    createdAt: seg.createdAt,
    updatedAt: seg.updatedAt,
  });
  await ctx.db.series.put({ id: 'segment', lastNo: 'SEG00001', updatedAt: seg.updatedAt });
  return { ctx, text: JSON.stringify(await exportSegmentPackage(ctx, 'SEG00001')) };
}

describe('segment package', () => {
  test('carries the segment, its lines and criteria, and the contacts it needs with their companies', async () => {
    const { text } = await source();
    const pkg = JSON.parse(text);
    expect(pkg.format).toBe('segments-package');
    expect(pkg.version).toBe(1);
    expect(pkg.lines.map((l: any) => l.contactNo)).toEqual(['CT00001', 'CT00002']);
    expect(pkg.criteria).toHaveLength(1);
    expect(pkg.contacts.map((c: any) => c.no)).toEqual(['CT00001', 'CT00002', 'CT00003']);
  });

  test('imported into another workspace, then again: the same records, no duplicates', async () => {
    const { text } = await source();
    const b = context();
    const first = await importSegmentPackage(b, text);
    expect(first).toMatchObject({
      segmentNo: 'SEG00001',
      segment: 'inserted',
      lines: 2,
      criteriaActions: 1,
      contacts: { inserted: 3, updated: 0, unchanged: 0 },
    });
    expect(first.renumberedFrom).toBeUndefined();
    const second = await importSegmentPackage(b, text);
    // Nothing in the package differs from what the first import wrote: the segment and its contacts are unchanged.
    expect(second).toMatchObject({
      segmentNo: 'SEG00001',
      segment: 'unchanged',
      contacts: { inserted: 0, updated: 0, unchanged: 3 },
    });
    expect(await b.db.segments.count()).toBe(1);
    expect(await b.db.segmentLines.count()).toBe(2);
    expect(await b.db.criteriaActions.count()).toBe(1);
    expect(await b.db.contacts.count()).toBe(3);
    expect((await b.db.segmentLines.get('SEG-A-L1'))?.comment).toBe('Ciao');
    // The series moved past the imported number: the next new segment cannot take it again.
    expect((await b.db.series.get('segment'))?.lastNo).toBe('SEG00001');
  });

  test('a segment number used by another segment here is renumbered, and the report says so', async () => {
    const { text } = await source();
    const b = context();
    await b.db.segments.put(makeSegment('OTHER', 'SEG00001'));
    await b.db.series.put({ id: 'segment', lastNo: 'SEG00001', updatedAt: '' });
    const r = await importSegmentPackage(b, text);
    expect(r).toMatchObject({ segmentNo: 'SEG00002', renumberedFrom: 'SEG00001', segment: 'inserted' });
    const lines = await b.db.segmentLines.where('segmentId').equals('SEG-A').toArray();
    expect(lines.map((l) => l.segmentNo)).toEqual(['SEG00002', 'SEG00002']);
    expect((await b.db.segments.get('OTHER'))?.no).toBe('SEG00001');
    expect((await b.db.series.get('segment'))?.lastNo).toBe('SEG00002');
    // Importing it once more keeps the new number and still duplicates nothing.
    const again = await importSegmentPackage(b, text);
    expect(again.segmentNo).toBe('SEG00002');
    expect(await b.db.segments.count()).toBe(2);
  });

  test('a contact with the same number but another id is the same contact: updated in place', async () => {
    const { text } = await source();
    const b = context();
    await b.db.contacts.put(makeContact(1, { id: 'LOCAL-1', name: 'Old name' }));
    const r = await importSegmentPackage(b, text);
    expect(r.contacts).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    const c = await b.db.contacts.where('no').equals('CT00001').toArray();
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ id: 'LOCAL-1', name: 'Contact 1' });
  });

  test('a re-import of an unchanged package rewrites nothing: every record keeps its stamp', async () => {
    const { text } = await source();
    const b = context();
    await importSegmentPackage(b, text);
    const dump = async () => {
      const out: Record<string, unknown[]> = {};
      for (const t of ['segments', 'segmentLines', 'criteriaActions', 'contacts', 'series'])
        out[t] = await b.db.table(t).toArray();
      return out;
    };
    const before = await dump();
    const later = { ...b, now: () => new Date('2026-04-15T09:30:00Z') };
    const again = await importSegmentPackage(later, text);
    expect(again).toMatchObject({ segment: 'unchanged', contacts: { inserted: 0, updated: 0, unchanged: 3 } });
    expect(await dump()).toEqual(before);
  });

  test('a re-import writes only what the package changes: one contact updated, a changed line, a line gone', async () => {
    const { text } = await source();
    const b = context();
    await importSegmentPackage(b, text);
    const pkg = JSON.parse(text);
    const changed = JSON.stringify({
      ...pkg,
      contacts: pkg.contacts.map((c: any) => (c.no === 'CT00002' ? { ...c, city: 'Torino' } : c)),
      lines: [{ ...pkg.lines[0], comment: 'Ciao di nuovo' }],
    });
    const untouched = await b.db.contacts.get('C-CT00001');
    const later = { ...b, now: () => new Date('2026-04-15T09:30:00Z') };
    const r = await importSegmentPackage(later, changed);
    expect(r).toMatchObject({ segment: 'updated', contacts: { inserted: 0, updated: 1, unchanged: 2 } });
    expect(await b.db.contacts.get('C-CT00001')).toEqual(untouched);
    expect(await b.db.contacts.get('C-CT00002')).toMatchObject({
      city: 'Torino',
      updatedAt: '2026-04-15T09:30:00.000Z',
    });
    expect((await b.db.segmentLines.toArray()).map((l) => [l.id, l.comment])).toEqual([['SEG-A-L1', 'Ciao di nuovo']]);
  });

  test('a package that changes only a contact leaves the segment unchanged, and the report says so', async () => {
    const { text } = await source();
    const b = context();
    await importSegmentPackage(b, text);
    const pkg = JSON.parse(text);
    const changed = JSON.stringify({
      ...pkg,
      contacts: pkg.contacts.map((c: any) => (c.no === 'CT00003' ? { ...c, city: 'Torino' } : c)),
    });
    const segment = await b.db.segments.get('SEG-A');
    const r = await importSegmentPackage({ ...b, now: () => new Date('2026-04-15T09:30:00Z') }, changed);
    expect(r).toMatchObject({ segment: 'unchanged', contacts: { inserted: 0, updated: 1, unchanged: 2 } });
    expect(await b.db.segments.get('SEG-A')).toEqual(segment);
  });

  describe('the preview of an import', () => {
    const dump = async (ctx: StoreContext) => {
      const out: Record<string, unknown[]> = {};
      for (const t of ['segments', 'segmentLines', 'criteriaActions', 'contacts', 'series', 'outbox'])
        out[t] = await ctx.db.table(t).toArray();
      return out;
    };

    test('of a segment not here: inserted, with its contacts new or found here, and nothing written', async () => {
      const { text } = await source();
      const b = context();
      await b.db.contacts.put(makeContact(2));
      await b.db.contacts.put(makeContact(3, { type: 'Company', city: 'Bari' }));
      const before = await dump(b);
      const preview = await previewSegmentPackage(b, text);
      expect(preview).toMatchObject({
        id: 'SEG-A',
        segmentNo: 'SEG00001',
        lines: 2,
        criteriaActions: 1,
        segment: 'inserted',
        contacts: { inserted: 1, updated: 1, unchanged: 1 },
      });
      expect(preview.here).toBeUndefined();
      expect(await dump(b)).toEqual(before);
      const r = await importSegmentPackage(b, text);
      expect({ segment: r.segment, contacts: r.contacts }).toEqual({
        segment: preview.segment,
        contacts: preview.contacts,
      });
    });

    test('of a package imported before and unchanged since: nothing would change', async () => {
      const { text } = await source();
      const b = context();
      await importSegmentPackage(b, text);
      const preview = await previewSegmentPackage(b, text);
      expect(preview).toMatchObject({
        here: { segmentNo: 'SEG00001', description: 'Segment SEG00001', lines: 2, criteriaActions: 1 },
        segment: 'unchanged',
        changes: { description: false, otherFields: false, lines: false, criteria: false },
        contacts: { inserted: 0, updated: 0, unchanged: 3 },
      });
    });

    test('of a changed package: which parts of the segment here change, and how many contacts, as the import then reports', async () => {
      const { text } = await source();
      const b = context();
      await importSegmentPackage(b, text);
      const pkg = JSON.parse(text);
      const changed = JSON.stringify({
        ...pkg,
        segment: { ...pkg.segment, description: 'Fiera 2027' },
        contacts: pkg.contacts.map((c: any) => (c.no === 'CT00002' ? { ...c, city: 'Torino' } : c)),
        lines: [{ ...pkg.lines[0], comment: 'Ciao di nuovo' }],
      });
      const before = await dump(b);
      const preview = await previewSegmentPackage(b, changed);
      expect(preview).toMatchObject({
        description: 'Fiera 2027',
        lines: 1,
        here: { segmentNo: 'SEG00001', description: 'Segment SEG00001', lines: 2, criteriaActions: 1 },
        segment: 'updated',
        changes: { description: true, otherFields: false, lines: true, criteria: false },
        contacts: { inserted: 0, updated: 1, unchanged: 2 },
      });
      expect(await dump(b)).toEqual(before);
      const r = await importSegmentPackage(b, changed);
      expect({ segment: r.segment, contacts: r.contacts }).toEqual({
        segment: preview.segment,
        contacts: preview.contacts,
      });
    });

    test('a header field other than the description is a change of its other fields', async () => {
      const { text } = await source();
      const b = context();
      await importSegmentPackage(b, text);
      const pkg = JSON.parse(text);
      const changed = JSON.stringify({ ...pkg, segment: { ...pkg.segment, salespersonCode: 'ZZ' } });
      expect(await previewSegmentPackage(b, changed)).toMatchObject({
        segment: 'updated',
        changes: { description: false, otherFields: true, lines: false, criteria: false },
      });
    });

    test('a package renumbered here is compared with the segment under its number here', async () => {
      const { text } = await source();
      const b = context();
      await b.db.segments.put(makeSegment('OTHER', 'SEG00001'));
      await importSegmentPackage(b, text);
      expect(await previewSegmentPackage(b, text)).toMatchObject({
        here: { segmentNo: 'SEG00002' },
        segment: 'unchanged',
      });
    });

    test('a damaged package is refused as the import refuses it', async () => {
      const { text } = await source();
      const pkg = JSON.parse(text);
      const tampered = JSON.stringify({ ...pkg, lines: [{ ...pkg.lines[0], date: '31/02/2026' }] });
      await expect(previewSegmentPackage(context(), tampered)).rejects.toThrow(/lines\.0\.date/);
    });
  });

  const bad: [string, (p: any) => unknown, RegExp][] = [
    ['a foreign file', () => ({ hello: 1 }), /not a segment package/],
    ['an unknown version', (p) => ({ ...p, version: 2 }), /version 2/],
    [
      'a line with a bad date',
      (p) => ({ ...p, lines: [{ ...p.lines[0], date: '31/02/2026' }, p.lines[1]] }),
      /lines\.0\.date/,
    ],
    [
      'a line whose contact is missing',
      (p) => ({ ...p, contacts: p.contacts.slice(1) }),
      /CT00001, which the package does not carry/,
    ],
    [
      'a line of another segment',
      (p) => ({ ...p, lines: [{ ...p.lines[0], segmentId: 'X' }, p.lines[1]] }),
      /belongs to another segment/,
    ],
  ];
  test('a package cut off before its end is said to be cut off or damaged; a file of another kind is not JSON', async () => {
    const { text } = await source();
    const b = context();
    const cut = await importSegmentPackage(b, text.slice(0, text.length - 10)).catch((e: unknown) => e);
    expect(isSegmentsError(cut, 'INVALID_PACKAGE') && cut.message).toMatch(
      /^The segment package is cut off or damaged/,
    );
    const other = await importSegmentPackage(b, 'Nome;Città').catch((e: unknown) => e);
    expect(isSegmentsError(other, 'INVALID_PACKAGE') && other.message).toMatch(/^The file is not JSON/);
    expect(await b.db.segments.count()).toBe(0);
  });

  test('readSegmentPackage validates the whole package as an import would, and writes nothing', async () => {
    const { text } = await source();
    const pkg = JSON.parse(text);
    expect(readSegmentPackage(text)).toMatchObject({ segmentNo: pkg.segment.no, lines: pkg.lines.length });
    const tampered = JSON.stringify({ ...pkg, lines: [{ ...pkg.lines[0], date: '31/02/2026' }] });
    expect(() => readSegmentPackage(tampered)).toThrow(/lines\.0\.date/);
  });

  test.each(bad)('%s is refused with INVALID_PACKAGE and nothing is written', async (_n, corrupt, message) => {
    const { text } = await source();
    const b = context();
    const err = await importSegmentPackage(b, JSON.stringify(corrupt(JSON.parse(text)))).catch((e: unknown) => e);
    expect(isSegmentsError(err, 'INVALID_PACKAGE')).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect(await b.db.contacts.count()).toBe(0);
    expect(await b.db.segments.count()).toBe(0);
  });

  test('an unknown segment cannot be exported', async () => {
    const { ctx } = await source();
    await expect(exportSegmentPackage(ctx, 'NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('in the shared workspace', () => {
    const workspaces: { close(): void }[] = [];
    afterEach(() => {
      for (const w of workspaces.splice(0)) w.close();
    });
    async function synced() {
      const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware()] });
      workspaces.push(ws);
      return ws;
    }
    const dump = async (ws: Awaited<ReturnType<typeof synced>>) => {
      const out: Record<string, unknown[]> = {};
      for (const t of ['segments', 'segmentLines', 'criteriaActions', 'contacts', 'series'])
        out[t] = await ws.ctx.db.table(t).toArray();
      return out;
    };

    test('an import is one action, packages.import with the file as its argument: every row it writes is in its changeset', async () => {
      const { text } = await source();
      const ws = await synced();
      await ws.packages.import(text);
      const outbox = await ws.ctx.db.outbox.toArray();
      const actionRows = outbox.filter((r) => r.table === ACTION_ROW);
      expect(actionRows).toHaveLength(1);
      expect(actionRows[0].action).toMatchObject({
        name: 'packages.import',
        args: [text],
        at: ws.clock.now().toISOString(),
      });
      expect(new Set(outbox.map((r) => r.txId))).toEqual(new Set([actionRows[0].txId]));
      const [changeset] = await createSyncPort(ws).pending(10);
      expect(changeset.action?.name).toBe('packages.import');
      const written = changeset.changes.map((c) => `${c.table}:${c.id}`).sort();
      expect(written).toEqual([
        'contacts:C-CT00001',
        'contacts:C-CT00002',
        'contacts:C-CT00003',
        'criteriaActions:ACT-1',
        'segmentLines:SEG-A-L1',
        'segmentLines:SEG-A-L2',
        'segments:SEG-A',
        'series:segment',
      ]);
    });

    test('a re-import of an unchanged package writes nothing, so there is nothing to push', async () => {
      const { text } = await source();
      const ws = await synced();
      await ws.packages.import(text);
      const pushed = await ws.ctx.db.outbox.count();
      ws.clock.advance(60_000);
      const again = await ws.packages.import(text);
      expect(again).toMatchObject({ segment: 'unchanged', contacts: { inserted: 0, updated: 0, unchanged: 3 } });
      expect(await ws.ctx.db.outbox.count()).toBe(pushed);
    });

    test('the recorded import replayed on another workspace, on another clock, gives the same rows', async () => {
      const { text } = await source();
      const a = await synced();
      await a.packages.import(text);
      const recorded = (await a.ctx.db.outbox.toArray()).find((r) => r.table === ACTION_ROW)!.action as Parameters<
        typeof replayAction
      >[1];
      const b = await synced();
      b.clock.set('2031-05-05T05:05:05');
      await replayAction(b, recorded);
      expect(await dump(b)).toEqual(await dump(a));
    });

    test('a rebase that pulls another segment with the package’s number replays the import under the next number, and says so', async () => {
      const { text } = await source();
      const ws = await synced();
      const report = await ws.packages.import(text);
      expect(report.segmentNo).toBe('SEG00001');
      const theirs = { ...makeSegment('THEIRS', 'SEG00001'), description: 'theirs' };
      const rebase = await createSyncPort(ws).rebase(
        [
          { table: 'segments', id: 'THEIRS', rev: 3, deleted: false, value: theirs },
          {
            table: 'series',
            id: 'segment',
            rev: 3,
            deleted: false,
            value: { id: 'segment', lastNo: 'SEG00001', updatedAt: theirs.updatedAt },
          },
        ],
        3,
      );
      expect(rebase).toMatchObject({ replayed: 1, failed: [] });
      expect(rebase.renumbered).toEqual([
        { table: 'segments', id: 'SEG-A', from: 'SEG00001', to: 'SEG00002', action: 'packages.import' },
      ]);
      expect(
        (await ws.ctx.db.segmentLines.where('segmentId').equals('SEG-A').toArray()).map((l) => l.segmentNo),
      ).toEqual(['SEG00002', 'SEG00002']);
      expect((await ws.ctx.db.segments.get('THEIRS'))?.no).toBe('SEG00001');
    });
  });
});
