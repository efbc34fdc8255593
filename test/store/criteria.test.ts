import { beforeEach, describe, expect, test } from 'vitest';
import { contactNosOf, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  no = (await ws.segments.create({ description: 'Campaign', interactionTemplateCode: 'ABSTRACT' })).no;
});
const linesNow = async () => contactNosOf((await ws.segments.get(no))!.lines);

describe('Add Contacts', () => {
  test('adds the matching contacts, skipping excluded ones, sorted by company name, company no., type and name', async () => {
    const r = await ws.segments.addContacts(no, {});
    expect(contactNosOf(r.added)).toEqual(['P300', 'C100', 'P101', 'P102', 'C200', 'P201']);
    expect(r.added.map((l) => l.lineNo)).toEqual([10000, 20000, 30000, 40000, 50000, 60000]);
    expect(r.noOfCriteriaActions).toBe(1);
  });

  test("text compares with the workspace locale's collation when sorting", async () => {
    await ws.contacts.upsert([
      { no: 'Z1', type: 'Company', name: 'Ärzte GmbH' },
      { no: 'Z2', type: 'Company', name: 'Zeta' },
      { no: 'Z3', type: 'Company', name: 'alfa minuscola' },
    ]);
    const r = await ws.segments.addContacts(no, { contact: { no: 'Z*' } });
    expect(contactNosOf(r.added)).toEqual(['Z3', 'Z1', 'Z2']);
  });

  test('new lines are appended after the last line, and a contact already on a line is skipped unless Allow Existing Contacts', async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Milano' } });
    const again = await ws.segments.addContacts(no, { contact: { city: 'Milano|Torino' } });
    expect(contactNosOf(again.added)).toEqual(['P300']);
    expect(again.added[0].lineNo).toBe(30000);
    const dup = await ws.segments.addContacts(no, { contact: { no: 'P201' } }, { allowExistingContacts: true });
    expect(contactNosOf(dup.added)).toEqual(['P201']);
    expect(await linesNow()).toEqual(['C200', 'P201', 'P300', 'P201']);
  });

  test('the action is recorded even when it adds nothing', async () => {
    const r = await ws.segments.addContacts(no, { contact: { city: 'Palermo' } });
    expect(r.added).toEqual([]);
    expect((await ws.segments.get(no))!.criteria).toEqual([
      { actionNo: 1, kind: 'Add Contacts', options: {}, filters: { contact: { city: 'Palermo' } } },
    ]);
  });

  test('Expand Companies replaces a matched contact that has a company by every contact of that company', async () => {
    const r = await ws.segments.addContacts(no, { contact: { no: 'P101' } }, { expandCompanies: true });
    expect(contactNosOf(r.added)).toEqual(['C100', 'P101', 'P102']);
  });

  test("Allow Related Companies also adds each matched person's company", async () => {
    const r = await ws.segments.addContacts(no, { contact: { no: 'P101|P201|P300' } }, { allowRelatedCompanies: true });
    expect(contactNosOf(r.added)).toEqual(['P300', 'C100', 'P101', 'C200', 'P201']);
  });

  test('Ignore Exclusion includes contacts marked Exclude from Segment', async () => {
    expect((await ws.segments.addContacts(no, { contact: { no: 'P400' } })).added).toEqual([]);
    expect(
      contactNosOf((await ws.segments.addContacts(no, { contact: { no: 'P400' } }, { ignoreExclusion: true })).added),
    ).toEqual(['P400']);
  });

  test('filters on related data: mailing group, industry group and business relation through the company, job responsibility, profile answer', async () => {
    const add = async (f: object) =>
      contactNosOf((await ws.segments.previewStep(no, { kind: 'Add Contacts', filters: f, options: {} })).added);
    expect(await add({ mailingGroup: 'XMAS' })).toEqual(['P101', 'P201']);
    expect(await add({ mailingGroup: 'XMAS', contact: { city: 'Milano' } })).toEqual(['P201']);
    expect(await add({ industryGroup: 'RETAIL' })).toEqual(['C100', 'P101', 'P102']);
    expect(await add({ businessRelation: 'CUST', contact: { type: 'Person' } })).toEqual(['P101', 'P102']);
    expect(await add({ jobResponsibility: 'PURCH' })).toEqual(['P101']);
    expect(await add({ profileAnswer: { questionnaire: 'HOBBY', answer: '@sail*' } })).toEqual(['P300']);
    expect(await add({ profileAnswer: { questionnaire: 'HOBBY', answer: 'Chess' } })).toEqual([]);
  });

  test("filters on imported extra columns compare by their value's kind", async () => {
    await ws.contacts.upsert([
      { no: 'X1', name: 'Big', extra: { Revenue: 120000, 'Last.Visit': '2026-01-15', VIP: true } },
      { no: 'X2', name: 'Small', extra: { Revenue: 9000, 'Last.Visit': '2025-06-01', VIP: false } },
    ]);
    const add = async (f: Record<string, string>) =>
      contactNosOf((await ws.segments.previewStep(no, { kind: 'Add Contacts', filters: { contact: f } })).added);
    expect(await add({ 'extra.Revenue': '>=100000' })).toEqual(['X1']);
    expect(await add({ 'extra.Last.Visit': '2026-01-01..' })).toEqual(['X1']);
    expect(await add({ 'extra.VIP': 'No' })).toEqual(['X2']);
  });

  test('previewStep shows +N / -M and writes nothing', async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    const before = await ws.segments.get(no);
    const p = await ws.segments.previewStep(no, {
      kind: 'Remove Contacts (Refine)',
      filters: { mailingGroup: 'XMAS' },
    });
    expect(contactNosOf(p.removed)).toEqual(['C100', 'P102']);
    expect(await ws.segments.get(no)).toEqual(before);
  });
});

describe('Reduce and Refine', () => {
  beforeEach(async () => {
    await ws.segments.addContacts(no, {});
  });

  test('Reduce deletes the lines whose contact matches; Refine keeps only those', async () => {
    const red = await ws.segments.reduceContacts(no, { contact: { city: 'Roma' } });
    expect(contactNosOf(red.removed)).toEqual(['C100', 'P101', 'P102']);
    expect(await linesNow()).toEqual(['P300', 'C200', 'P201']);
    const ref = await ws.segments.refineContacts(no, { mailingGroup: 'NEWS' });
    expect(contactNosOf(ref.removed)).toEqual(['P300', 'C200']);
    expect(await linesNow()).toEqual(['P201']);
  });

  test('with no filter every contact matches', async () => {
    expect((await ws.segments.refineContacts(no, {})).removed).toEqual([]);
    expect(await linesNow()).toHaveLength(6);
  });

  test('Entire Companies judges whole companies: one matching contact brings its whole company', async () => {
    const red = await ws.segments.reduceContacts(no, { mailingGroup: 'XMAS' }, { entireCompanies: true });
    expect(contactNosOf(red.removed)).toEqual(['C100', 'P101', 'P102', 'C200', 'P201']);
    await ws.segments.goBack(no);
    const ref = await ws.segments.refineContacts(no, { contact: { no: 'P102' } }, { entireCompanies: true });
    expect(contactNosOf(ref.removed)).toEqual(['P300', 'C200', 'P201']);
  });

  test('when a step empties a segment with more than one action, the answer to "reset the criteria?" is honoured', async () => {
    await ws.segments.reduceContacts(no, {}, { resetCriteriaWhenEmpty: true });
    expect((await ws.segments.get(no))!.criteria).toEqual([]);
    const other = (await ws.segments.create()).no;
    await ws.segments.addContacts(other, {});
    const r = await ws.segments.reduceContacts(other, {}, { resetCriteriaWhenEmpty: false });
    expect(r.noOfCriteriaActions).toBe(2);
    expect((await ws.segments.get(other))!.criteria).toHaveLength(2);
  });
});

describe('Go Back', () => {
  test('Better than BC: undoes any number of steps and restores lines exactly, overrides and comments included', async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    await ws.segments.updateLine(no, 20000, { comment: 'Ciao Anna', subject: 'Per te', cost: 9 });
    const snapshot = (await ws.segments.get(no))!.lines;
    await ws.segments.addContacts(no, { contact: { city: 'Milano' } });
    await ws.segments.reduceContacts(no, { contact: { no: 'P101|C200' } });
    await ws.segments.refineContacts(no, { contact: { city: 'Roma' } });
    expect(await linesNow()).toEqual(['C100', 'P102']);
    const back = await ws.segments.goBack(no);
    expect(contactNosOf(back.added)).toEqual(['P201']);
    await ws.segments.goBack(no);
    await ws.segments.goBack(no);
    const v = (await ws.segments.get(no))!;
    expect(v.lines).toEqual(snapshot);
    expect(v.criteria).toHaveLength(1);
    await ws.segments.goBack(no);
    await expect(ws.segments.goBack(no)).rejects.toMatchObject({ code: 'NOTHING_TO_UNDO' });
  });

  test('Better than BC: removes only the lines the action inserted, not every line of that contact', async () => {
    await ws.segments.addLine(no, 'P101');
    await ws.segments.addContacts(no, { contact: { no: 'P101' } }, { allowExistingContacts: true });
    expect(await linesNow()).toEqual(['P101', 'P101']);
    await ws.segments.goBack(no);
    expect((await ws.segments.get(no))!.lines.map((l) => [l.contactNo, l.lineNo])).toEqual([['P101', 10000]]);
  });
});

describe('Save and Reuse Criteria', () => {
  test("saves the actions under a code and replays them in order against today's contacts, each undoable", async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Roma|Milano' } });
    await ws.segments.refineContacts(no, { contact: { no: 'P102' } }, { entireCompanies: true });
    const saved = await ws.segments.saveCriteria(no, 'ROMA-MI', 'Roma and Milano');
    expect(saved).toMatchObject({
      code: 'ROMA-MI',
      userId: 'ANNA',
      actions: [{ kind: 'Add Contacts' }, { kind: 'Remove Contacts (Refine)', options: { entireCompanies: true } }],
    });
    await ws.contacts.upsert([{ no: 'P103', name: 'New Person', companyNo: 'C100', city: 'Roma' }]);
    const other = (await ws.segments.create()).no;
    const r = await ws.segments.reuseCriteria(other, 'ROMA-MI');
    expect(contactNosOf((await ws.segments.get(other))!.lines)).toEqual(['C100', 'P101', 'P102', 'P103']);
    expect(contactNosOf(r.added)).toEqual(['C100', 'P101', 'P102', 'P103']);
    expect((await ws.segments.get(other))!.criteria).toHaveLength(2);
    await ws.segments.goBack(other);
    expect(contactNosOf((await ws.segments.get(other))!.lines)).toHaveLength(6);
    expect((await ws.savedCriteria.list()).map((s) => s.code)).toEqual(['ROMA-MI']);
  });

  test('refuses a blank code, a code in use, a segment without actions; reuse of an unknown code is NOT_FOUND', async () => {
    await expect(ws.segments.saveCriteria(no, 'X')).rejects.toMatchObject({ code: 'NO_CRITERIA_ACTIONS' });
    await ws.segments.addContacts(no, {});
    await expect(ws.segments.saveCriteria(no, '  ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'code' },
    });
    await ws.segments.saveCriteria(no, 'ALL');
    await expect(ws.segments.saveCriteria(no, 'ALL')).rejects.toMatchObject({ code: 'SAVED_CRITERIA_EXISTS' });
    await expect(ws.segments.reuseCriteria(no, 'NONE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ws.savedCriteria.remove('ALL');
    expect(await ws.savedCriteria.get('ALL')).toBeUndefined();
  });

  test('a contact list action keeps its numbers so Reuse Criteria replays it', async () => {
    const r = await ws.segments.addContactList(no, ['P201', 'P101', 'P201'], { source: 'Contacts.xlsx / Sheet1' });
    expect(contactNosOf(r.added)).toEqual(['P101', 'P201']);
    expect((await ws.segments.get(no))!.criteria[0]).toMatchObject({
      filters: { contactList: { source: 'Contacts.xlsx / Sheet1', count: 2 } },
      contactNos: ['P201', 'P101'],
    });
    await ws.segments.saveCriteria(no, 'LIST');
    const other = (await ws.segments.create()).no;
    await ws.segments.reuseCriteria(other, 'LIST');
    expect(contactNosOf((await ws.segments.get(other))!.lines)).toEqual(['P101', 'P201']);
    await expect(ws.segments.addContactList(no, ['NOBODY'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { contactNo: 'NOBODY' },
    });
  });
});

describe('Reuse Segment and Apply Mailing Group', () => {
  test('Reuse Segment adds one line per entry of a logged segment, canceled ones included, skipping contacts already there', async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    const logged = await ws.segments.log(no);
    await ws.loggedSegments.toggleCanceled(logged.loggedSegment.entryNo);
    const other = (await ws.segments.create()).no;
    await ws.segments.addLine(other, 'P101');
    const r = await ws.segments.reuseLoggedSegment(other, logged.loggedSegment.entryNo);
    expect(contactNosOf(r.added)).toEqual(['C100', 'P102']);
    expect((await ws.segments.get(other))!.criteria[1]).toMatchObject({
      kind: 'Add Contacts',
      filters: { interactionLog: { loggedSegmentEntryNo: String(logged.loggedSegment.entryNo) } },
    });
    const withExisting = await ws.segments.reuseLoggedSegment(other, logged.loggedSegment.entryNo, {
      allowExistingContacts: true,
    });
    expect(withExisting.added).toHaveLength(3);
    await expect(ws.segments.reuseLoggedSegment(other, 999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('Apply Mailing Group adds the group to every contact of the segment; Delete Old Assignments first removes it from every contact', async () => {
    await ws.segments.addContacts(no, { contact: { city: 'Milano' } });
    await ws.segments.applyMailingGroup(no, 'NEWS');
    expect((await ws.contacts.get('C200'))!.mailingGroups).toEqual(['NEWS']);
    expect((await ws.contacts.get('P201'))!.mailingGroups).toEqual(['XMAS', 'NEWS']);
    await ws.segments.applyMailingGroup(no, 'XMAS', { deleteOldAssignments: true });
    expect((await ws.contacts.get('P101'))!.mailingGroups).toEqual([]);
    expect((await ws.contacts.get('C200'))!.mailingGroups).toEqual(['NEWS', 'XMAS']);
    await expect(ws.segments.applyMailingGroup(no, 'NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('filters on interaction log entries', () => {
  test('select contacts by their logged interactions: date, segment, template, evaluation', async () => {
    await ws.segments.addContacts(no, { contact: { no: 'P101|P201' } });
    const logged = await ws.segments.log(no);
    await ws.interactionLog.setEvaluation(logged.entries[0].entryNo, 'Positive');
    const other = (await ws.segments.create()).no;
    const add = async (f: Record<string, string>) =>
      contactNosOf(
        (await ws.segments.previewStep(other, { kind: 'Add Contacts', filters: { interactionLog: f } })).added,
      );
    expect(await add({ segmentNo: no })).toEqual(['P101', 'P201']);
    expect(await add({ date: '01/03/2026..' })).toEqual(['P101', 'P201']);
    expect(await add({ date: '..2026-03-01' })).toEqual([]);
    expect(await add({ evaluation: 'Positive', interactionTemplateCode: 'ABSTRACT' })).toEqual([
      contactNosOf(logged.entries)[0],
    ]);
    await expect(add({ colour: 'x' })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      details: { field: 'interactionLog.colour' },
    });
  });
});

describe('dates in recorded criteria', () => {
  test('a date typed in the workspace locale is recorded as ISO, so saved criteria mean the same for every user', async () => {
    await ws.setup.update({ locale: 'it-IT' });
    await ws.segments.addContacts(no, { interactionLog: { date: '01/02/2026..' } });
    expect((await ws.segments.get(no))!.criteria[0].filters).toEqual({ interactionLog: { date: '2026-02-01..' } });
  });
});
