// The page a log filter opens with (issue 13: Interaction Log Entries by segment under 100 ms on a
// 100,000-entry log): the first entries in entry order and whether more follow, reading only those
// entries when the filter's index answers it alone, and the same entries as the whole list otherwise;
// the count apart.
import { afterEach, describe, expect, test } from 'vitest';
import { isSegmentsError } from '../../src/domain/errors';
import { quoteFilterValue } from '../../src/domain/filterExpression';
import type { WorkspaceHandle } from '../../src/store/index';
import { makeWorkspace, rowsRead, seedMarket } from './helpers';

const open: WorkspaceHandle[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

async function loggedWorkspace() {
  const counter = rowsRead();
  const ws = await makeWorkspace({ dbCoreMiddlewares: [counter.middleware] });
  open.push(ws);
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  const nos = Array.from({ length: 30 }, (_, i) => `L${String(i).padStart(3, '0')}`);
  await ws.contacts.upsert(nos.map((no) => ({ no, type: 'Person', name: `Person ${no}`, city: 'Roma' })));
  const segs: string[] = [];
  for (const template of ['ABSTRACT', 'MEMO', 'ABSTRACT']) {
    const s = await ws.segments.create({ description: template, interactionTemplateCode: template });
    await ws.segments.addContactList(s.no, nos);
    await ws.segments.log(s.no);
    segs.push(s.no);
  }
  return { ws, counter, segs };
}

describe('interaction log page', () => {
  test('by segment: the first entries in entry order, reading no entry beyond the page (and one more)', async () => {
    const { ws, counter, segs } = await loggedWorkspace();
    const all = await ws.interactionLog.list({ segmentNo: segs[1] });
    expect(all).toHaveLength(30);
    let page: Awaited<ReturnType<typeof ws.interactionLog.page>> | undefined;
    const read = await counter.during(async () => (page = await ws.interactionLog.page({ segmentNo: segs[1] }, 10)));
    expect(page).toEqual({ entries: all.slice(0, 10), more: true });
    // The page and one more, to know that more follow.
    expect(read.interactionLog).toBe(11);
    expect(await ws.interactionLog.count({ segmentNo: segs[1] })).toBe(30);
    // By contact and by logged segment, as their indexes give them.
    const byContact = await ws.interactionLog.list({ contactNo: 'L007' });
    expect(await ws.interactionLog.page({ contactNo: 'L007' }, 2)).toEqual({
      entries: byContact.slice(0, 2),
      more: true,
    });
    expect(await ws.interactionLog.page({ contactNo: 'L007' }, 3)).toEqual({ entries: byContact, more: false });
    const [ls] = await ws.loggedSegments.list();
    const byLogged = await ws.interactionLog.list({ loggedSegmentEntryNo: ls.entryNo });
    expect(await ws.interactionLog.page({ loggedSegmentEntryNo: ls.entryNo }, 50)).toEqual({
      entries: byLogged,
      more: false,
    });
    expect(await ws.interactionLog.page({ segmentNo: 'NONE' }, 10)).toEqual({ entries: [], more: false });
    expect(await ws.interactionLog.count({ segmentNo: 'NONE' })).toBe(0);
  });

  test('with filters the index does not answer: the same entries as the whole list, and its count', async () => {
    const { ws, segs } = await loggedWorkspace();
    for (const filter of [
      { segmentNo: segs[0], interactionTemplateCode: 'ABSTRACT' },
      { interactionTemplateCode: 'ABSTRACT' },
      { contactNo: 'L003', segmentNo: segs[2] },
      { segmentNo: segs[0], canceled: true },
    ]) {
      const all = await ws.interactionLog.list(filter);
      expect(await ws.interactionLog.page(filter, 5), JSON.stringify(filter)).toEqual({
        entries: all.slice(0, 5),
        more: all.length > 5,
      });
      expect(await ws.interactionLog.count(filter), JSON.stringify(filter)).toBe(all.length);
    }
    expect(await ws.interactionLog.count()).toBe(90);
  });

  test('a page size that is not a whole number from 0 is refused in words', async () => {
    const { ws } = await loggedWorkspace();
    const refused = await ws.interactionLog.page({}, -1).catch((e: unknown) => e);
    expect(isSegmentsError(refused) && refused.code).toBe('INVALID_INPUT');
    expect((refused as Error).message).toBe('The page size must be a whole number from 0, got -1');
  });

  describe('Contact No. and Segment No. as BC filter expressions', () => {
    test('wildcards, alternatives, <> and ranges pick what they say, in entry order, the page and the count agreeing', async () => {
      const { ws, segs } = await loggedWorkspace();
      const all = await ws.interactionLog.list();
      const cases: [Record<string, string>, (e: (typeof all)[number]) => boolean][] = [
        [{ contactNo: 'L00*' }, (e) => e.contactNo.startsWith('L00')],
        [{ contactNo: 'L001|L002' }, (e) => e.contactNo === 'L001' || e.contactNo === 'L002'],
        [{ contactNo: '<>L001' }, (e) => e.contactNo !== 'L001'],
        [{ contactNo: 'L010..L012' }, (e) => e.contactNo >= 'L010' && e.contactNo <= 'L012'],
        [{ contactNo: '@l02?' }, (e) => /^L02.$/.test(e.contactNo)],
        [{ contactNo: '*9' }, (e) => e.contactNo.endsWith('9')],
        [{ segmentNo: `${segs[0]}|${segs[2]}` }, (e) => e.segmentNo !== segs[1]],
        [{ segmentNo: 'SEG*', contactNo: 'L001' }, (e) => e.contactNo === 'L001'],
        [
          { segmentNo: segs[1], contactNo: 'L00*|L029' },
          (e) => e.segmentNo === segs[1] && (e.contactNo.startsWith('L00') || e.contactNo === 'L029'),
        ],
      ];
      for (const [filter, meaning] of cases) {
        const want = all.filter(meaning);
        expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(await ws.interactionLog.list(filter), JSON.stringify(filter)).toEqual(want);
        expect(await ws.interactionLog.page(filter, 5), JSON.stringify(filter)).toEqual({
          entries: want.slice(0, 5),
          more: want.length > 5,
        });
        expect(await ws.interactionLog.count(filter), JSON.stringify(filter)).toBe(want.length);
      }
    });

    test('the index narrows what it can: a prefix or a list of numbers reads only their entries', async () => {
      const { ws, counter } = await loggedWorkspace();
      let read = await counter.during(() => ws.interactionLog.page({ contactNo: 'L00*' }, 10));
      expect(read.interactionLog).toBe(30); // L000…L009 in three segments, of 90
      read = await counter.during(() => ws.interactionLog.count({ contactNo: 'L001|L002' }));
      expect(read.interactionLog).toBe(6);
    });

    test('a malformed expression is INVALID_FILTER naming the field and the position', async () => {
      const { ws } = await loggedWorkspace();
      for (const [filter, field, position] of [
        [{ contactNo: '(((' }, 'contactNo', 4],
        [{ segmentNo: 'SEG|' }, 'segmentNo', 5],
      ] as const) {
        const refused = await ws.interactionLog.page(filter, 10).catch((e: unknown) => e);
        expect(isSegmentsError(refused, 'INVALID_FILTER'), JSON.stringify(filter)).toBe(true);
        expect((refused as { details: unknown }).details).toMatchObject({ field, position });
        await expect(ws.interactionLog.count(filter)).rejects.toMatchObject({ code: 'INVALID_FILTER' });
      }
    });

    test('a number holding filter characters matches itself once quoted', async () => {
      const { ws } = await loggedWorkspace();
      await ws.contacts.upsert([{ no: 'K&1', type: 'Person', name: 'Kappa' }]);
      const s = await ws.segments.create({ description: 'K', interactionTemplateCode: 'MEMO' });
      await ws.segments.addContactList(s.no, ['K&1']);
      await ws.segments.log(s.no);
      const entries = await ws.interactionLog.list({ contactNo: quoteFilterValue('K&1') });
      expect(entries.map((e) => e.contactNo)).toEqual(['K&1']);
    });
  });
});
