import { IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openWorkspace } from '../../src/store/index';
import { contactNosOf, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  no = (
    await ws.segments.create({
      description: 'Christmas letter',
      interactionTemplateCode: 'ABSTRACT',
      campaignNo: 'CP1001',
    })
  ).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
});

/** Every table's rows, to compare the database before and after. */
async function dump(w: typeof ws) {
  const out: Record<string, unknown[]> = {};
  for (const t of w.ctx.db.tables) if (t.name !== 'outbox') out[t.name] = await t.toArray();
  return out;
}

describe('Log', () => {
  test('turns every line into an interaction log entry, the segment into a logged segment, and deletes the segment', async () => {
    await ws.segments.updateLine(no, 20000, { comment: 'Buon Natale!', evaluation: 'Positive' });
    const r = await ws.segments.log(no);
    expect(r.loggedSegment).toMatchObject({
      entryNo: 1,
      segmentNo: no,
      description: 'Christmas letter',
      creationDate: '2026-03-02',
      userId: 'ANNA',
      canceled: false,
      noOfInteractions: 3,
    });
    expect(r.entries.map((e) => [e.entryNo, e.contactNo])).toEqual([
      [1, 'C100'],
      [2, 'P101'],
      [3, 'P102'],
    ]);
    expect(r.entries[1]).toMatchObject({
      loggedSegmentEntryNo: 1,
      segmentNo: no,
      contactCompanyNo: 'C100',
      date: '2026-03-02',
      time: '09:30:00',
      description: 'Christmas letter',
      subject: 'Le nostre novità',
      interactionTemplateCode: 'ABSTRACT',
      interactionGroupCode: 'LETTER',
      correspondenceType: 'Hard Copy',
      languageCode: 'ITA',
      salespersonCode: 'JR',
      informationFlow: 'Outbound',
      initiatedBy: 'Us',
      cost: 2.5,
      duration: 10,
      campaignNo: 'CP1001',
      evaluation: 'Positive',
      comment: 'Buon Natale!',
      userId: 'ANNA',
      canceled: false,
      deliveryStatus: '',
    });
    expect(await ws.segments.get(no)).toBeUndefined();
    expect(await ws.segments.list()).toEqual([]);
    expect(await ws.ctx.db.segmentLines.count()).toBe(0);
    expect(await ws.ctx.db.criteriaActions.count()).toBe(0);
    expect((await ws.loggedSegments.list()).map((l) => [l.entryNo, l.noOfInteractions])).toEqual([[1, 3]]);
    const next = (await ws.segments.create({ description: 'Second', interactionTemplateCode: 'MEMO' })).no;
    expect(next).not.toBe(no);
    await ws.segments.addLine(next, 'P201');
    const r2 = await ws.segments.log(next);
    expect(r2.loggedSegment.entryNo).toBe(2);
    expect(r2.entries[0].entryNo).toBe(4);
  });

  test('stores the merged letters read back from Word with their entries', async () => {
    const r = await ws.segments.log(no, {
      letters: [{ lineNo: 20000, ooxml: '<w:p><w:r><w:t>Cara Anna</w:t></w:r></w:p>' }],
    });
    expect(r.entries.find((e) => e.contactNo === 'P101')!.letter).toContain('Cara Anna');
    expect((await ws.interactionLog.get(r.entries[1].entryNo))!.letter).toContain('Cara Anna');
    expect(r.entries[0].letter).toBeUndefined();
  });

  test('an Email line whose contact has no e-mail becomes a blank-type line; with Send Attachments it is EMAIL_MISSING naming the contact', async () => {
    await ws.contacts.upsert([{ no: 'P102', email: '' }]);
    const preview = await ws.segments.previewLog(no, { sendAttachments: true });
    expect(preview.blockers).toEqual([
      expect.objectContaining({ code: 'EMAIL_MISSING', contactNo: 'P102', lineNo: 30000 }),
    ]);
    await expect(ws.segments.log(no, { sendAttachments: true })).rejects.toMatchObject({
      code: 'EMAIL_MISSING',
      details: { contactNo: 'P102' },
    });
    expect(await ws.loggedSegments.list()).toEqual([]);
    const r = await ws.segments.log(no);
    expect(r.entries.find((e) => e.contactNo === 'P102')!.correspondenceType).toBe('');
  });

  test('Send Attachments: a Hard Copy line needs a letter, merged or from the template; each entry keeps the letter the contact gets', async () => {
    await ws.segments.updateHeader(no, { letters: {} }, { updateLines: false });
    await ws.interactionTemplates.upsert([{ code: 'ABSTRACT', letters: {} }]);
    await expect(ws.segments.log(no, { sendAttachments: true })).rejects.toMatchObject({
      code: 'LETTER_MISSING',
      details: { lineNo: 10000 },
    });
    const letters = [10000, 20000].map((lineNo) => ({ lineNo, ooxml: `<w:p>letter ${lineNo}</w:p>` }));
    await ws.contacts.upsert([{ no: 'P102', email: 'marco@alfa.it' }]);
    const r = await ws.segments.log(no, { sendAttachments: true, letters });
    expect(r.entries.map((e) => e.letter)).toEqual(['<w:p>letter 10000</w:p>', '<w:p>letter 20000</w:p>', undefined]);
  });

  test('refuses a blank description, an empty segment, a segment logged already', async () => {
    await ws.segments.updateHeader(no, { description: '' }, { updateLines: false });
    await expect(ws.segments.log(no)).rejects.toMatchObject({ code: 'DESCRIPTION_REQUIRED' });
    const empty = (await ws.segments.create({ description: 'Empty' })).no;
    await expect(ws.segments.log(empty)).rejects.toMatchObject({ code: 'SEGMENT_EMPTY' });
    await ws.segments.updateHeader(no, { description: 'Back' }, { updateLines: false });
    await ws.segments.log(no);
    await expect(ws.segments.log(no)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The same number again (a segment imported from a package, say) is refused.
    await ws.ctx.db.segments.put({
      ...(await ws.ctx.db.segments.where('no').equals(empty).first())!,
      no,
      id: 'OTHER-ID',
    });
    await ws.segments.addLine(no, 'P300');
    await expect(ws.segments.log(no)).rejects.toMatchObject({ code: 'ALREADY_LOGGED' });
  });

  test('a line missing date, salesperson or template is LINE_INCOMPLETE naming the line and the field', async () => {
    await ws.segments.updateLine(no, 20000, { salespersonCode: '' });
    await ws.segments.updateLine(no, 30000, { date: '' });
    const p = await ws.segments.previewLog(no);
    expect(p.blockers.map((b) => [b.code, b.lineNo, b.field])).toEqual([
      ['LINE_INCOMPLETE', 20000, 'salespersonCode'],
      ['LINE_INCOMPLETE', 30000, 'date'],
    ]);
    await expect(ws.segments.log(no)).rejects.toMatchObject({
      code: 'LINE_INCOMPLETE',
      details: { lineNo: 20000, field: 'salespersonCode' },
    });
    await ws.contacts.remove('C100');
    expect((await ws.segments.previewLog(no)).blockers[0]).toMatchObject({ code: 'NOT_FOUND', contactNo: 'C100' });
  });

  test('the pre-flight lists exactly the entries log writes', async () => {
    const preview = await ws.segments.previewLog(no);
    expect(preview.blockers).toEqual([]);
    const r = await ws.segments.log(no);
    expect(
      r.entries.map(
        ({
          id: _i,
          entryNo: _e,
          createdAt: _c,
          updatedAt: _u,
          loggedSegmentId: _l,
          loggedSegmentEntryNo: _n,
          ...rest
        }) => rest,
      ),
    ).toEqual(preview.entries);
  });

  test('Create Follow-up Segment: a new segment with the same campaign and one line per logged entry, as an Add Contacts action', async () => {
    const r = await ws.segments.log(no, { createFollowUp: true });
    const f = (await ws.segments.get(r.followUpSegmentNo!))!;
    expect(f.header).toMatchObject({ description: `Follow-up on segment ${no}`, campaignNo: 'CP1001', noOfLines: 3 });
    expect(contactNosOf(f.lines)).toEqual(['C100', 'P101', 'P102']);
    expect(f.criteria).toEqual([
      { actionNo: 1, kind: 'Add Contacts', options: {}, filters: { interactionLog: { loggedSegmentEntryNo: '1' } } },
    ]);
  });

  test('an error in the middle of log, after some entries were written, leaves the database exactly as before', async () => {
    const big = (await ws.segments.create({ description: 'Big', interactionTemplateCode: 'MEMO' })).no;
    await ws.contacts.upsert(
      Array.from({ length: 2500 }, (_, i) => ({ no: `B${i}`, name: `Bulk ${i}`, email: `b${i}@x.it` })),
    );
    await ws.segments.addContacts(big, { contact: { no: 'B*' } });
    const faulty = await openWorkspace({
      name: ws.dbName,
      indexedDB: ws.factory,
      IDBKeyRange,
      now: ws.clock.now,
      faults: {
        duringLog: (written) => {
          if (written >= 2000) throw new Error('disk full');
        },
      },
    });
    const before = await dump(ws);
    await expect(faulty.segments.log(big, { createFollowUp: true })).rejects.toThrow('disk full');
    expect(await dump(ws)).toEqual(before);
    faulty.close();
  });

  test('two workspaces on the same database log the same segment at once: one logged segment, one set of entries, the other fails', async () => {
    const other = await openWorkspace({ name: ws.dbName, indexedDB: ws.factory, IDBKeyRange, now: ws.clock.now });
    const results = await Promise.allSettled([ws.segments.log(no), other.segments.log(no)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(['NOT_FOUND', 'ALREADY_LOGGED']).toContain(failed[0].reason.code);
    expect(await ws.ctx.db.loggedSegments.count()).toBe(1);
    expect(await ws.ctx.db.interactionLog.count()).toBe(3);
    other.close();
  });

  test('entry numbers follow the series and any entry ahead of it; numbers of deleted entries are not given again', async () => {
    const first = await ws.segments.log(no);
    expect(first.entries.map((e) => e.entryNo)).toEqual([1, 2, 3]);
    const db = ws.ctx.db;
    // Entries that came in past the series (another pane's, a restore), the highest first deleted.
    const copy = (entryNo: number) => ({ ...first.entries[0], id: `AHEAD-${entryNo}`, entryNo });
    await db.interactionLog.bulkAdd([copy(7), copy(40), copy(41)]);
    await db.interactionLog.bulkDelete(['AHEAD-41']);
    const again = async () => {
      const s = await ws.segments.create({ description: 'Again', interactionTemplateCode: 'ABSTRACT' });
      await ws.segments.addContacts(s.no, { contact: { city: 'Roma' } });
      return ws.segments.log(s.no);
    };
    const second = await again();
    expect(second.entries.map((e) => e.entryNo)).toEqual([41, 42, 43]);
    expect(second.loggedSegment.entryNo).toBe(2);
    // The newest entries deleted: the series still holds their numbers.
    await db.interactionLog.bulkDelete(second.entries.map((e) => e.id));
    await db.loggedSegments.delete(second.loggedSegment.id);
    const third = await again();
    expect(third.entries.map((e) => e.entryNo)).toEqual([44, 45, 46]);
    expect(third.loggedSegment.entryNo).toBe(3);
  });
});

describe('Logged Segments and Interaction Log Entries', () => {
  let entryNo: number;
  beforeEach(async () => {
    entryNo = (await ws.segments.log(no)).loggedSegment.entryNo;
  });

  test('Switch Check Mark in Canceled cascades to the entries; the number of interactions follows the canceled state', async () => {
    const c = await ws.loggedSegments.toggleCanceled(entryNo);
    expect(c).toMatchObject({ canceled: true, noOfInteractions: 3 });
    expect((await ws.interactionLog.list({ loggedSegmentEntryNo: entryNo })).every((e) => e.canceled)).toBe(true);
    await expect(ws.interactionLog.toggleCanceled(1)).rejects.toMatchObject({ code: 'LOGGED_SEGMENT_CANCELED' });
    await ws.loggedSegments.toggleCanceled(entryNo);
    const e = await ws.interactionLog.toggleCanceled(1);
    expect(e.canceled).toBe(true);
    expect((await ws.loggedSegments.get(entryNo))!.noOfInteractions).toBe(2);
  });

  test('Create Follow-up Segment from a logged segment has exactly the same contacts', async () => {
    const h = await ws.loggedSegments.createFollowUp(entryNo);
    expect(h).toMatchObject({
      description: `Follow-up on segment ${no}`,
      campaignNo: 'CP1001',
      noOfLines: 3,
      noOfCriteriaActions: 1,
    });
    expect(contactNosOf((await ws.segments.get(h.no))!.lines)).toEqual(['C100', 'P101', 'P102']);
  });

  test('Delete Canceled Segments deletes only canceled ones; their entries stay, detached', async () => {
    expect(await ws.loggedSegments.deleteCanceled()).toBe(0);
    await ws.loggedSegments.toggleCanceled(entryNo);
    expect(await ws.loggedSegments.deleteCanceled()).toBe(1);
    expect(await ws.loggedSegments.list()).toEqual([]);
    const entries = await ws.interactionLog.list();
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.loggedSegmentId === '' && e.canceled)).toBe(true);
    expect(await ws.interactionLog.deleteCanceled()).toBe(3);
    expect(await ws.interactionLog.list()).toEqual([]);
  });

  test('entries list by contact, segment, canceled, template, salesperson and a date filter; evaluation and delivery status are validated', async () => {
    expect((await ws.interactionLog.list({ contactNo: 'P101' })).map((e) => e.entryNo)).toEqual([2]);
    expect(await ws.interactionLog.list({ segmentNo: no, canceled: true })).toEqual([]);
    expect(await ws.interactionLog.list({ interactionTemplateCode: 'ABSTRACT', salespersonCode: 'JR' })).toHaveLength(
      3,
    );
    expect(await ws.interactionLog.list({ date: '>2026-03-02' })).toEqual([]);
    expect(await ws.interactionLog.list({ date: 't' })).toHaveLength(3);
    await expect(ws.interactionLog.list({ date: '32/13/2026' })).rejects.toMatchObject({ code: 'INVALID_FILTER' });
    expect((await ws.interactionLog.setEvaluation(2, 'Very Positive')).evaluation).toBe('Very Positive');
    await expect(ws.interactionLog.setEvaluation(2, 'Great' as 'Positive')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'evaluation' },
    });
    expect((await ws.interactionLog.setDeliveryStatus(2, 'Error')).deliveryStatus).toBe('Error');
    await expect(ws.interactionLog.setEvaluation(99, 'Positive')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
