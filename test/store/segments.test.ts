import { beforeEach, describe, expect, test } from 'vitest';
import type { WorkspaceHandle } from '../../src/store/index';
import { contactNosOf, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
});

const lineOf = async (w: WorkspaceHandle, no: string, contactNo: string) =>
  (await w.segments.get(no))!.lines.find((l) => l.contactNo === contactNo)!;

describe('creating a segment', () => {
  test('takes the next number of the series, today, the profile salesperson and Setup defaults', async () => {
    await ws.setup.update({ defaultCorrespondenceType: 'Email', defaultLanguageCode: 'ITA' });
    const a = await ws.segments.create({ description: 'Spring' });
    const b = await ws.segments.create();
    expect(a).toMatchObject({
      no: 'SEG00001',
      date: '2026-03-02',
      salespersonCode: 'JR',
      correspondenceTypeDefault: 'Email',
      languageCodeDefault: 'ITA',
      noOfLines: 0,
    });
    expect(b.no).toBe('SEG00002');
    expect(a.id).not.toBe(b.id);
    await ws.segments.remove('SEG00002');
    expect((await ws.segments.create()).no).toBe('SEG00003');
  });

  test('choosing an interaction template copies its values, letters and subject', async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    expect(h).toMatchObject({
      interactionGroupCode: 'LETTER',
      unitCost: 2.5,
      unitDuration: 10,
      informationFlow: 'Outbound',
      initiatedBy: 'Us',
      correspondenceTypeDefault: 'Hard Copy',
      languageCodeDefault: 'ENU',
      subjectDefault: 'Our news',
    });
    expect(Object.keys(h.letters).sort()).toEqual(['ENU', 'ITA']);
    await expect(ws.segments.create({ interactionTemplateCode: 'NOPE' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'interactionTemplateCode' },
    });
    await expect(ws.segments.create({ description: 'x'.repeat(101) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'description' },
    });
  });
});

describe("a line's defaults", () => {
  test("salesperson: the header's if set, else the contact's", async () => {
    const h = await ws.segments.create({ salespersonCode: '' });
    await ws.segments.addLine(h.no, 'C200');
    expect((await lineOf(ws, h.no, 'C200')).salespersonCode).toBe('BD');
    await ws.segments.updateHeader(h.no, { salespersonCode: 'JR' });
    expect((await lineOf(ws, h.no, 'C200')).salespersonCode).toBe('JR');
  });

  test("correspondence type: header default when it ignores the contact's, else the template's rule, else the contact's own", async () => {
    const withTemplate = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(withTemplate.no, { contact: { no: 'P101|P102' } });
    // Template does not ignore the contact's type: P102 keeps Email, P101 has none and takes Hard Copy.
    expect((await lineOf(ws, withTemplate.no, 'P102')).correspondenceType).toBe('Email');
    expect((await lineOf(ws, withTemplate.no, 'P101')).correspondenceType).toBe('Hard Copy');
    const memo = await ws.segments.create({ interactionTemplateCode: 'MEMO' });
    await ws.segments.addLine(memo.no, 'P102');
    expect((await lineOf(ws, memo.no, 'P102')).correspondenceType).toBe('Email');
    const ignoring = await ws.segments.create({
      interactionTemplateCode: 'ABSTRACT',
      ignoreContactCorresType: true,
      correspondenceTypeDefault: 'Hard Copy',
    });
    await ws.segments.addLine(ignoring.no, 'P102');
    expect((await lineOf(ws, ignoring.no, 'P102')).correspondenceType).toBe('Hard Copy');
  });

  test("language: the contact's if the segment has a letter for it, else the header default; subject follows the letter", async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.contacts.upsert([{ no: 'P500', name: 'Hans', languageCode: 'DEU' }]);
    await ws.segments.addContacts(h.no, { contact: { no: 'P101|P300|P500' } });
    expect(await lineOf(ws, h.no, 'P101')).toMatchObject({ languageCode: 'ITA', subject: 'Le nostre novità' });
    expect(await lineOf(ws, h.no, 'P300')).toMatchObject({ languageCode: 'ENU', subject: 'Our news' });
    expect(await lineOf(ws, h.no, 'P500')).toMatchObject({ languageCode: 'ENU', subject: 'Our news' });
  });
});

describe('header changes and the lines', () => {
  test('with updateLines the lines that follow the header template take the new value; lines with their own template keep theirs', async () => {
    const h = await ws.segments.create({ description: 'Old', interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(h.no, { contact: { no: 'P101|P201' } });
    const own = await lineOf(ws, h.no, 'P201');
    await ws.segments.updateLine(h.no, own.lineNo, { interactionTemplateCode: 'MEMO', description: 'Own description' });
    await ws.segments.updateHeader(h.no, { description: 'New', unitCost: 4 });
    expect(await lineOf(ws, h.no, 'P101')).toMatchObject({ description: 'New', cost: 4 });
    expect(await lineOf(ws, h.no, 'P201')).toMatchObject({
      description: 'Own description',
      cost: 1,
      interactionTemplateCode: 'MEMO',
    });
  });

  test('without updateLines the lines keep their values', async () => {
    const h = await ws.segments.create({ description: 'Old' });
    await ws.segments.addLine(h.no, 'P101');
    const v = await ws.segments.updateHeader(h.no, { description: 'New' }, { updateLines: false });
    expect(v.header.description).toBe('New');
    expect(v.lines[0].description).toBe('Old');
  });

  test('Better than BC: changing the template recomputes every template value on the lines, cost and duration included; clearing it is allowed', async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(h.no, { contact: { no: 'P101|P102' } });
    let v = await ws.segments.updateHeader(h.no, { interactionTemplateCode: 'MEMO' });
    expect(v.header).toMatchObject({
      unitCost: 1,
      unitDuration: 5,
      correspondenceTypeDefault: 'Email',
      cost: 2,
      duration: 10,
    });
    for (const l of v.lines)
      expect(l).toMatchObject({
        interactionTemplateCode: 'MEMO',
        cost: 1,
        duration: 5,
        correspondenceType: 'Email',
        interactionGroupCode: '',
      });
    v = await ws.segments.updateHeader(h.no, { interactionTemplateCode: '' });
    expect(v.header.interactionTemplateCode).toBe('');
    for (const l of v.lines) expect(l.interactionTemplateCode).toBe('');
  });

  test('derived figures: number of lines, total cost and duration, number of criteria actions', async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(h.no, { contact: { city: 'Roma' } });
    const v = (await ws.segments.get(h.no))!;
    expect(v.header).toMatchObject({ noOfLines: 3, cost: 7.5, duration: 30, noOfCriteriaActions: 1 });
    expect((await ws.segments.list()).map((x) => [x.no, x.noOfLines])).toEqual([[h.no, 3]]);
  });
});

describe('manual lines', () => {
  test('typing a contact records an Add Contacts action with No. = contact; deleting a line records a Reduce; both undo with Go Back', async () => {
    const h = await ws.segments.create();
    const line = await ws.segments.addLine(h.no, 'P101');
    expect(line).toMatchObject({ lineNo: 10000, contactNo: 'P101', contactCompanyNo: 'C100', addedByAction: 1 });
    await ws.segments.removeLine(h.no, 10000);
    let v = (await ws.segments.get(h.no))!;
    expect(v.criteria).toEqual([
      { actionNo: 1, kind: 'Add Contacts', options: {}, filters: { contact: { no: 'P101' } } },
      { actionNo: 2, kind: 'Remove Contacts (Reduce)', options: {}, filters: { contact: { no: 'P101' } } },
    ]);
    await ws.segments.goBack(h.no);
    v = (await ws.segments.get(h.no))!;
    expect(contactNosOf(v.lines)).toEqual(['P101']);
    await ws.segments.goBack(h.no);
    expect((await ws.segments.get(h.no))!.lines).toEqual([]);
  });

  test("a manual line's filter quotes a contact number that holds filter characters", async () => {
    await ws.contacts.upsert([{ no: 'A|B', name: 'Pipe Co' }]);
    const h = await ws.segments.create();
    await ws.segments.addLine(h.no, 'A|B');
    expect((await ws.segments.get(h.no))!.criteria[0].filters).toEqual({ contact: { no: "'A|B'" } });
  });

  test('Better than BC: a contact already in the segment is refused with DUPLICATE_CONTACT; an unknown contact with NOT_FOUND', async () => {
    const h = await ws.segments.create();
    await ws.segments.addLine(h.no, 'P101');
    await expect(ws.segments.addLine(h.no, 'P101')).rejects.toMatchObject({
      code: 'DUPLICATE_CONTACT',
      details: { contactNo: 'P101', lineNo: 10000 },
    });
    await expect(ws.segments.addLine(h.no, 'NOBODY')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { contactNo: 'NOBODY' },
    });
    await expect(ws.segments.addLine('SEG99999', 'P101')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await ws.segments.get(h.no))!.criteria).toHaveLength(1);
  });

  test('editing a line is a per-contact override, validated, and not a criteria action', async () => {
    const h = await ws.segments.create();
    await ws.segments.addLine(h.no, 'P101');
    const l = await ws.segments.updateLine(h.no, 10000, {
      comment: 'Grazie per la fiducia,\nAnna',
      subject: 'Personal',
      evaluation: 'Positive',
    });
    expect(l).toMatchObject({ comment: 'Grazie per la fiducia,\nAnna', subject: 'Personal', evaluation: 'Positive' });
    expect((await ws.segments.get(h.no))!.criteria).toHaveLength(1);
    await expect(ws.segments.updateLine(h.no, 10000, { cost: -1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'cost' },
    });
    await expect(ws.segments.updateLine(h.no, 10000, { date: '2026-02-30' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'date' },
    });
    await expect(ws.segments.updateLine(h.no, 20000, { comment: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { lineNo: 20000 },
    });
  });

  test("every change to lines or criteria moves the header's version", async () => {
    const h = await ws.segments.create();
    ws.clock.advance(1000);
    await ws.segments.addLine(h.no, 'P101');
    const after = (await ws.segments.get(h.no))!.header.updatedAt;
    expect(after > h.updatedAt).toBe(true);
    ws.clock.advance(1000);
    await ws.segments.updateLine(h.no, 10000, { comment: 'x' });
    expect((await ws.segments.get(h.no))!.header.updatedAt > after).toBe(true);
  });

  test('remove deletes the segment with its lines and criteria', async () => {
    const h = await ws.segments.create();
    await ws.segments.addContacts(h.no, {});
    await ws.segments.remove(h.no);
    expect(await ws.segments.get(h.no)).toBeUndefined();
    expect(await ws.ctx.db.segmentLines.count()).toBe(0);
    expect(await ws.ctx.db.criteriaActions.count()).toBe(0);
  });
});
