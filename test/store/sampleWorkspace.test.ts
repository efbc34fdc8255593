// The sample workspace: one action loads it, one action removes exactly what it created.
import { expect, test } from 'vitest';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { compileLetter } from '../../src/domain/mergeRender';
import { rowIdSchema } from '../../src/domain/syncProtocol';
import { actionRecorder, makeWorkspace } from './helpers';

test('load gives companies with their persons, salespeople, mailing groups, languages and two templates with English and Italian letters', async () => {
  const ws = await makeWorkspace();
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: false });
  const r = await ws.sampleWorkspace.load();
  expect(r.kept).toEqual([]);
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: true });

  const contacts = await ws.contacts.list();
  const companies = contacts.filter((c) => c.type === 'Company');
  expect(companies.length).toBeGreaterThanOrEqual(5);
  const persons = contacts.filter((c) => c.type === 'Person');
  for (const p of persons.filter((x) => x.companyNo)) {
    const co = companies.find((c) => c.no === p.companyNo);
    expect(co, p.no).toBeDefined();
    expect(p.companyName).toBe(co!.name);
  }
  expect((await ws.salespeople.list()).length).toBeGreaterThanOrEqual(2);
  expect((await ws.mailingGroups.list()).map((m) => m.code)).toContain('NEWSLETTER');
  expect((await ws.languages.list()).map((l) => [l.code, l.locale])).toEqual([
    ['ENU', 'en-GB'],
    ['ITA', 'it-IT'],
  ]);
  const templates = await ws.interactionTemplates.list();
  expect(templates).toHaveLength(2);
  for (const t of templates) {
    expect(Object.keys(t.letters).sort()).toEqual(['ENU', 'ITA']);
    expect(compileLetter(t.letters.ITA.ooxml).keys).toContain('contact.name');
    expect(ooxmlToText(parseLetter(t.letters.ITA.ooxml).body)).toContain('Cordiali saluti');
    expect(ooxmlToText(parseLetter(t.letters.ENU.ooxml).body)).toContain('Kind regards');
  }
  // Every contact's codes are in their lists: the sample is consistent.
  const mailing = new Set((await ws.mailingGroups.list()).map((m) => m.code));
  const salespeople = new Set((await ws.salespeople.list()).map((m) => m.code));
  for (const c of contacts) {
    expect(
      c.mailingGroups.every((m) => mailing.has(m)),
      c.no,
    ).toBe(true);
    expect(salespeople.has(c.salespersonCode), c.no).toBe(true);
  }
  // Filters with apostrophes find the sample's Italian names.
  expect((await ws.contacts.list({ contact: { name: "@*dell'orto*" } })).map((c) => c.no)).toEqual(['SC0001']);
  ws.close();
});

test("remove deletes only what the sample created: the user's own contacts, codes and changes stay", async () => {
  const ws = await makeWorkspace();
  await ws.mailingGroups.upsert([{ code: 'NEWSLETTER', description: 'My own newsletter' }]);
  await ws.contacts.upsert([{ no: 'CT00001', name: 'My customer', mailingGroups: ['NEWSLETTER'] }]);
  const loaded = await ws.sampleWorkspace.load();
  expect(loaded.kept).toEqual([{ table: 'mailingGroups', key: 'NEWSLETTER' }]);
  expect((await ws.mailingGroups.get('NEWSLETTER'))?.description).toBe('My own newsletter');

  const removed = await ws.sampleWorkspace.remove();
  expect(removed.counts.contacts).toBe(loaded.counts.contacts);
  expect(removed.counts.mailingGroups).toBe(loaded.counts.mailingGroups);
  expect((await ws.contacts.list()).map((c) => c.no)).toEqual(['CT00001']);
  expect((await ws.mailingGroups.list()).map((m) => [m.code, m.description])).toEqual([
    ['NEWSLETTER', 'My own newsletter'],
  ]);
  expect(await ws.interactionTemplates.list()).toEqual([]);
  expect(await ws.salespeople.list()).toEqual([]);
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: false });
  ws.close();
});

test('load and remove are one recorded action each (the shared workspace replays them)', async () => {
  const seen: { table: string; action: { name: string } }[] = [];
  const ws = await makeWorkspace({ dbCoreMiddlewares: [actionRecorder(seen as never)] });
  await ws.sampleWorkspace.load();
  expect(new Set(seen.map((x) => x.action.name))).toEqual(new Set(['sampleWorkspace.load']));
  seen.length = 0;
  await ws.sampleWorkspace.remove();
  expect(new Set(seen.map((x) => x.action.name))).toEqual(new Set(['sampleWorkspace.remove']));
  // Loading twice creates nothing more.
  await ws.sampleWorkspace.load();
  expect((await ws.sampleWorkspace.load()).counts.contacts).toBe(0);
  ws.close();
});

test('every record the sample creates has an id the shared workspace accepts (letters, digits, _ and -)', async () => {
  const ws = await makeWorkspace();
  await ws.sampleWorkspace.load();
  const ids = [
    ...(await ws.contacts.list()),
    ...(await ws.salespeople.list()),
    ...(await ws.mailingGroups.list()),
    ...(await ws.languages.list()),
    ...(await ws.interactionTemplates.list()),
  ].map((r) => r.id);
  expect(ids.length).toBeGreaterThan(20);
  expect(ids.filter((id) => !rowIdSchema.safeParse(id).success)).toEqual([]);
  // Removing it still finds every record it created.
  await ws.sampleWorkspace.remove();
  expect(await ws.contacts.list()).toEqual([]);
  ws.close();
});

test('the sample is said to be in the workspace while any of its records is, so that it can still be removed', async () => {
  const ws = await makeWorkspace();
  await ws.sampleWorkspace.load();
  // The user deleted the sample's contacts and templates by hand: its salespeople and groups are still there.
  for (const c of await ws.contacts.list()) await ws.contacts.remove(c.no);
  for (const t of await ws.interactionTemplates.list()) await ws.interactionTemplates.remove(t.code);
  expect((await ws.salespeople.list()).length).toBeGreaterThan(0);
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: true });
  const removed = await ws.sampleWorkspace.remove();
  expect(removed.counts.contacts).toBe(0);
  expect(removed.counts.salespeople).toBeGreaterThan(0);
  expect(await ws.salespeople.list()).toEqual([]);
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: false });
  ws.close();
});
