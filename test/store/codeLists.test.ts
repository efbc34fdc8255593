// The code lists' own rules: a new record never overwrites one with the same code, a code's uses are
// counted before it is removed, and removing a mailing group, industry group, job responsibility or business
// relation takes it off the contacts that have it (BC deletes their Contact … rows with the code).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { RecordedAction } from '../../src/store/index';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let writes: { table: string; action: RecordedAction }[];
beforeEach(async () => {
  writes = [];
  ws = await makeWorkspace({ dbCoreMiddlewares: [actionRecorder(writes)] });
  await seedMarket(ws);
});
afterEach(() => ws.close());

describe('insert', () => {
  test('a code already in the list is refused as BC refuses it, and nothing is written', async () => {
    await expect(ws.salespeople.insert([{ code: 'JR', name: 'Dup' }])).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { code: 'JR', field: 'code' },
    });
    expect((await ws.salespeople.get('JR'))?.name).toBe('John Roberts');
    await expect(
      ws.mailingGroups.insert([
        { code: 'FIERA', description: 'Fair' },
        { code: 'NEWS', description: 'Overwritten' },
      ]),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', details: { code: 'NEWS' } });
    expect((await ws.mailingGroups.get('NEWS'))?.description).toBe('Newsletter');
    expect(await ws.mailingGroups.get('FIERA')).toBeUndefined();
  });

  test('a new code is inserted', async () => {
    const report = await ws.salespeople.insert([{ code: 'AS', name: 'Alice Smith' }]);
    expect(report.inserted).toBe(1);
    expect((await ws.salespeople.get('AS'))?.name).toBe('Alice Smith');
  });
});

describe('usage and remove', () => {
  test('where a code is used: contacts, segments, templates, interaction log entries', async () => {
    const h = await ws.segments.create({ description: 'Fair', salespersonCode: 'BD', interactionTemplateCode: 'MEMO' });
    await ws.segments.addContactList(h.no, ['P101', 'P201']);
    expect(await ws.salespeople.usage('BD')).toEqual({
      contacts: 1,
      segments: 1,
      interactionTemplates: 0,
      interactionLogEntries: 0,
    });
    expect((await ws.mailingGroups.usage('XMAS')).contacts).toBe(2);
    expect((await ws.languages.usage('ITA')).contacts).toBe(1);
    expect((await ws.languages.usage('ITA')).interactionTemplates).toBe(1);
    expect((await ws.interactionGroups.usage('LETTER')).interactionTemplates).toBeGreaterThan(0);
    expect(await ws.industryGroups.usage('NOSUCH')).toEqual({
      contacts: 0,
      segments: 0,
      interactionTemplates: 0,
      interactionLogEntries: 0,
    });
  });

  test('removing a mailing group takes it off its contacts in the same transaction', async () => {
    writes.length = 0;
    await ws.mailingGroups.remove('XMAS');
    expect((await ws.contacts.get('P101'))?.mailingGroups).toEqual([]);
    expect((await ws.contacts.get('P201'))?.mailingGroups).toEqual(['NEWS']);
    expect(await ws.mailingGroups.get('XMAS')).toBeUndefined();
    // One action, one transaction: the contacts and the group.
    expect(new Set(writes.map((w) => w.action.txId)).size).toBe(1);
    expect(new Set(writes.map((w) => w.table))).toEqual(new Set(['contacts', 'mailingGroups']));
  });

  test.each([
    ['industryGroups', 'RETAIL', 'C100'],
    ['jobResponsibilities', 'PURCH', 'P101'],
    ['businessRelations', 'CUST', 'C100'],
  ] as const)('removing from %s takes the code off its contacts in the same transaction', async (list, code, no) => {
    expect((await ws.contacts.get(no))?.[list]).toEqual([code]);
    expect((await ws[list].usage(code)).contacts).toBe(1);
    writes.length = 0;
    await ws[list].remove(code);
    expect((await ws.contacts.get(no))?.[list]).toEqual([]);
    expect(await ws[list].get(code)).toBeUndefined();
    expect(new Set(writes.map((w) => w.action.txId)).size).toBe(1);
    expect(new Set(writes.map((w) => w.table))).toEqual(new Set(['contacts', list]));
  });
});
