import { describe, expect, test } from 'vitest';
import { makeContactRow as makeContact } from '../builders';
import { companyHasPersonsIssue, readCompanyHasPersonsIssue } from '../../src/domain/contact';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { makeWorkspace, seedMarket } from './helpers';

describe('contacts.upsert', () => {
  test('inserts new rows and merges later rows into the stored record, absent fields keeping their value', async () => {
    const ws = await makeWorkspace();
    const first = await ws.contacts.upsert([makeContact(1, { mailingGroups: ['XMAS'], extra: { Segment: 'Gold' } })]);
    expect(first).toMatchObject({ inserted: 1, updated: 0, rejected: [] });
    const before = await ws.contacts.get('CT00001');
    ws.clock.advance(60_000);
    const second = await ws.contacts.upsert([{ no: 'CT00001', city: 'Napoli', mailingGroups: [] }]);
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    expect(second.results).toEqual([{ index: 0, key: 'CT00001', outcome: 'updated' }]);
    const after = await ws.contacts.get('CT00001');
    expect(after).toMatchObject({
      city: 'Napoli',
      name: 'Contact 1',
      postCode: '00101',
      mailingGroups: [],
      extra: { Segment: 'Gold' },
    });
    expect(after!.id).toBe(before!.id);
    expect(after!.createdAt).toBe(before!.createdAt);
    expect(after!.updatedAt).not.toBe(before!.updatedAt);
  });

  test('malformed rows are rejected with readable reasons and never cost a valid row its place', async () => {
    const ws = await makeWorkspace();
    const rows: unknown[] = [
      makeContact(1),
      { name: 'No number' },
      { no: 'CT9', type: 'Robot', name: 'Unknown type' },
      { no: 'CT10', name: 'Bad mail', email: 'not-an-address' },
      { no: 'CT11', name: 'x'.repeat(10_000) },
      { no: 'CT12', name: 'Bell\u0007Char' },
      { no: 'CT13', name: 'Number post code', postCode: 184 },
      makeContact(2),
      { no: 'CT14' },
      'just text',
      { no: 'CT15', name: 'Odd field', colour: 'blue' },
      { no: 12345, name: 'Numeric key' },
      { no: 'CT16', name: 'Flag', excludeFromSegment: 'maybe' },
    ];
    const r = await ws.contacts.upsert(rows);
    expect(r.inserted).toBe(2);
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.index, x.issues.join(' | ')]));
    expect(Object.keys(reasons).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(reasons[1]).toMatch(/No\. is required/);
    expect(reasons[2]).toMatch(/^type: /);
    expect(reasons[3]).toMatch(/email: is not an e-mail address/);
    expect(reasons[4]).toMatch(/name: is longer than 100 characters \(10000\)/);
    expect(reasons[5]).toMatch(/name: contains control characters/);
    expect(reasons[6]).toMatch(/postCode: must be text, got the number 184/);
    expect(reasons[8]).toMatch(/name: is required for a new contact/);
    expect(reasons[9]).toMatch(/not a record of fields/);
    expect(reasons[10]).toMatch(/unknown field "colour"/);
    expect(reasons[11]).toMatch(/No\. must be text/);
    expect(reasons[12]).toMatch(/excludeFromSegment: must be Yes or No/);
    expect((await ws.contacts.list()).map((c) => c.no)).toEqual(['CT00001', 'CT00002']);
  });

  test('a key that appears twice in one call: the later row wins and the earlier is reported as superseded', async () => {
    const ws = await makeWorkspace();
    const r = await ws.contacts.upsert([
      makeContact(1, { city: 'First' }),
      makeContact(2),
      makeContact(1, { city: 'Second' }),
    ]);
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([{ index: 0, key: 'CT00001', issues: ['superseded by row 2 with the same No.'] }]);
    expect((await ws.contacts.get('CT00001'))!.city).toBe('Second');
  });

  test('a company is its own company and a person takes its company name', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Gamma Srl' },
      { no: 'P1', name: 'Pia', companyNo: 'C1' },
    ]);
    expect(await ws.contacts.get('C1')).toMatchObject({ companyNo: 'C1', companyName: 'Gamma Srl' });
    expect(await ws.contacts.get('P1')).toMatchObject({ type: 'Person', companyNo: 'C1', companyName: 'Gamma Srl' });
    await ws.contacts.upsert([{ no: 'P2', name: 'Paolo', companyNo: 'C1' }]);
    expect((await ws.contacts.get('P2'))!.companyName).toBe('Gamma Srl');
  });

  test('a company that persons are linked to cannot become a person: its row is rejected, the others written', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Acme, Inc.', email: 'info@acme.example' },
      { no: 'P2', name: 'Pat', companyNo: 'C1' },
      { no: 'P1', name: 'Pia', companyNo: 'C1' },
    ]);
    const before = await ws.contacts.get('C1');
    const r = await ws.contacts.importRows({
      rows: [
        { no: 'C1', type: 'Person', name: 'Acme, Inc.', email: '' },
        { no: 'X1', name: 'Other' },
        { no: 'P3', name: 'New person', companyNo: 'C1' },
      ],
    });
    expect(r).toMatchObject({ inserted: 2, updated: 0 });
    expect(r.rejected).toEqual([{ index: 0, key: 'C1', issues: [companyHasPersonsIssue(3, 'P1')] }]);
    expect(readCompanyHasPersonsIssue(r.rejected[0].issues[0])).toEqual({ persons: 3, personNo: 'P1' });
    expect(r.rejected[0].issues[0]).toMatch(/^type: .*3 persons.*P1/);
    // Nothing of the row is written: the company keeps its type and its e-mail.
    expect(await ws.contacts.get('C1')).toEqual(before);
    expect(await ws.contacts.get('X1')).toMatchObject({ name: 'Other' });
    expect(await ws.contacts.get('P3')).toMatchObject({ companyNo: 'C1', companyName: 'Acme, Inc.' });
    // One person is enough; the same through upsert.
    const one = await makeWorkspace();
    await one.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Acme' },
      { no: 'P1', name: 'Pia', companyNo: 'C1' },
    ]);
    const r1 = await one.contacts.upsert([{ no: 'C1', type: 'Person' }]);
    expect(r1.rejected).toEqual([{ index: 0, key: 'C1', issues: [companyHasPersonsIssue(1, 'P1')] }]);
    expect(r1.rejected[0].issues[0]).toMatch(/1 person is linked/);
    expect((await one.contacts.get('C1'))!.type).toBe('Company');
  });

  test('a company becomes a person once no person is linked to it: its own Company No. and Company Name are cleared', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Lone Co' },
      { no: 'C2', type: 'Company', name: 'Other Co' },
      { no: 'C3', type: 'Company', name: 'Was Linked' },
      { no: 'P1', name: 'Pia', companyNo: 'C3' },
    ]);
    // C3's only person moves to C2 in the same call, so C3 may become a person.
    const r = await ws.contacts.upsert([
      { no: 'C1', type: 'Person' },
      { no: 'C3', type: 'Person' },
      { no: 'P1', companyNo: 'C2', companyName: '' },
    ]);
    expect(r).toMatchObject({ updated: 3, rejected: [] });
    expect(await ws.contacts.get('C1')).toMatchObject({ type: 'Person', companyNo: '', companyName: '' });
    expect(await ws.contacts.get('C3')).toMatchObject({ type: 'Person', companyNo: '', companyName: '' });
    expect(await ws.contacts.get('P1')).toMatchObject({ companyNo: 'C2', companyName: 'Other Co' });
  });

  test('a person who becomes a company is its own company, by its own name', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Acme' },
      { no: 'P1', name: 'Pia Srl', companyNo: 'C1' },
    ]);
    expect(await ws.contacts.get('P1')).toMatchObject({ companyNo: 'C1', companyName: 'Acme' });
    await ws.contacts.upsert([{ no: 'P1', type: 'Company' }]);
    expect(await ws.contacts.get('P1')).toMatchObject({ type: 'Company', companyNo: 'P1', companyName: 'Pia Srl' });
    // A company row naming another company as its Company No. is still its own company.
    await ws.contacts.upsert([{ no: 'C2', type: 'Company', name: 'Big Co', companyNo: 'C1' }]);
    expect(await ws.contacts.get('C2')).toMatchObject({ companyNo: 'C2', companyName: 'Big Co' });
  });

  test('a person whose Company No. is a person or no contact keeps the number but takes no company name', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'C1', type: 'Company', name: 'Acme' },
      { no: 'P1', name: 'Pat', companyNo: 'C1' },
    ]);
    await ws.contacts.upsert([
      { no: 'P2', name: 'Ann', companyNo: 'P1' },
      { no: 'P3', name: 'Gus', companyNo: 'C999' },
      { no: 'P4', name: 'Hal', companyNo: 'P5' },
      { no: 'P5', name: 'Ida' },
    ]);
    expect(await ws.contacts.get('P2')).toMatchObject({ companyNo: 'P1', companyName: '' });
    expect(await ws.contacts.get('P3')).toMatchObject({ companyNo: 'C999', companyName: '' });
    expect(await ws.contacts.get('P4')).toMatchObject({ companyNo: 'P5', companyName: '' });
    // A person linked to a person is no company's person: that person's type may change freely.
    expect((await ws.contacts.upsert([{ no: 'P1', type: 'Person', city: 'Roma' }])).rejected).toEqual([]);
  });

  test('nextNos issues numbers of the contact series that are not in use, never twice', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'CT00002', name: 'Taken' }]);
    expect(await ws.contacts.nextNos(3)).toEqual(['CT00001', 'CT00003', 'CT00004']);
    expect(await ws.contacts.nextNos(1)).toEqual(['CT00005']);
    await ws.setup.update({ contactNos: 'K-0001' });
    expect(await ws.contacts.nextNos(2)).toEqual(['K-0001', 'K-0002']);
    await expect(ws.contacts.nextNos(-1)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  test('list by criteria, remove, and NOT_FOUND for a contact that does not exist', async () => {
    const ws = await makeWorkspace();
    await seedMarket(ws);
    expect((await ws.contacts.list({ contact: { city: 'Roma' }, mailingGroup: 'XMAS' })).map((c) => c.no)).toEqual([
      'P101',
    ]);
    expect((await ws.contacts.list({ industryGroup: 'RETAIL' })).map((c) => c.no)).toEqual(['C100', 'P101', 'P102']);
    await ws.contacts.remove('P400');
    expect(await ws.contacts.get('P400')).toBeUndefined();
    await expect(ws.contacts.remove('P400')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { contactNo: 'P400' },
    });
  });

  test("the Contacts page hint's examples find the contacts they speak of, in both languages", async () => {
    const ws = await makeWorkspace();
    await seedMarket(ws);
    for (const lang of ['en', 'it'] as const) {
      const hint = paneCatalogs.map((c) => c[lang]['contacts.filterHint']).find(Boolean) ?? '';
      const [, byName, byCity] = /(@\S+) (?:or|o) (\S+)/.exec(hint) ?? [];
      expect((await ws.contacts.list({ contact: { name: byName } })).map((c) => c.name)).toContain('Marco Rossi');
      expect((await ws.contacts.list({ contact: { city: byCity } })).length).toBeGreaterThan(2);
    }
  });

  test('a malformed filter is INVALID_FILTER with its field and position, never a silent empty result', async () => {
    const ws = await makeWorkspace();
    await seedMarket(ws);
    await expect(ws.contacts.list({ contact: { city: 'Roma|' } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      details: { field: 'contact.city', position: 6 },
    });
    await expect(ws.contacts.list({ contact: { colour: 'blue' } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      details: { field: 'contact.colour' },
    });
  });

  test('an imported column of dates or numbers refuses a value it cannot read, as Add Contacts does', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      makeContact(1, { name: 'Early', extra: { Since: '2025-07-07', Score: 6 } }),
      makeContact(2, { name: 'Mid', extra: { Since: '2026-02-02', Score: 31 } }),
    ]);
    expect((await ws.contacts.list({ contact: { 'extra.Since': '1/1/26..12/31/26' } })).map((c) => c.name)).toEqual([
      'Mid',
    ]);
    // 31/12/26 is no date in the workspace's en-US: an error at its position, not every date compared as text.
    await expect(ws.contacts.list({ contact: { 'extra.Since': '01/01/26..31/12/26' } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      details: { field: 'contact.extra.Since', position: 11 },
    });
    await expect(ws.contacts.list({ contact: { 'extra.Score': 'abc' } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      details: { field: 'contact.extra.Score' },
    });
  });
});

describe('code lists and setup', () => {
  test('code lists upsert by code, refuse long codes, and remove', async () => {
    const ws = await makeWorkspace();
    const r = await ws.mailingGroups.upsert([
      { code: 'XMAS', description: 'Christmas' },
      { code: 'X'.repeat(21) },
      { description: 'no code' },
    ]);
    expect(r.inserted).toBe(1);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.rejected[0].issues.join()).toMatch(/code: is longer than 20 characters/);
    await ws.mailingGroups.upsert([{ code: 'XMAS', description: 'Natale' }]);
    expect(await ws.mailingGroups.list()).toMatchObject([{ code: 'XMAS', description: 'Natale' }]);
    await ws.mailingGroups.remove('XMAS');
    await expect(ws.mailingGroups.remove('XMAS')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const lang = await ws.languages.upsert([
      { code: 'ITA', name: 'Italiano', locale: 'it-IT' },
      { code: 'BAD', locale: 'not a locale!' },
    ]);
    expect(lang.rejected[0].issues.join()).toMatch(/locale/);
  });

  test("setup is validated and shared; the profile is this pane's own", async () => {
    const ws = await makeWorkspace();
    expect(await ws.setup.get()).toMatchObject({ segmentNos: 'SEG00001', contactNos: 'CT00001' });
    await expect(ws.setup.update({ segmentNos: 'NODIGITS' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'segmentNos' },
    });
    await ws.setup.update({ segmentNos: 'CAMP-100', locale: 'it-IT' });
    expect(await ws.setup.get()).toMatchObject({ segmentNos: 'CAMP-100', locale: 'it-IT' });
    await ws.profile.update({ userId: 'MARIA', salespersonCode: 'JR', uiLanguage: 'it' });
    expect(await ws.profile.get()).toMatchObject({ userId: 'MARIA', uiLanguage: 'it' });
    await expect(ws.profile.update({ uiLanguage: 'fr' as 'it' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
