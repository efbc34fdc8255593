// BC's rules for the header fields that flow to the lines: the campaign a template leaves alone, the
// default subject and its language's letter, and a line's subject when its language changes.
import { beforeEach, describe, expect, test } from 'vitest';
import type { WorkspaceHandle } from '../../src/store/index';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  await ws.interactionTemplates.upsert([
    { code: 'CAMP', description: 'Campaign letter', campaignNo: 'CP9', campaignTarget: true },
  ]);
});

const lineOf = async (w: WorkspaceHandle, no: string, contactNo: string) =>
  (await w.segments.get(no))!.lines.find((l) => l.contactNo === contactNo)!;

describe('choosing an interaction template and the segment’s campaign', () => {
  test('a template without a campaign keeps the segment’s Campaign No., on the header and the lines', async () => {
    const h = await ws.segments.create({ campaignNo: 'CP2002' });
    expect((await ws.segments.updateHeader(h.no, { interactionTemplateCode: 'ABSTRACT' })).header.campaignNo).toBe(
      'CP2002',
    );
    await ws.segments.addContacts(h.no, { contact: { no: 'P101|P300' } });
    const v = await ws.segments.updateHeader(h.no, { interactionTemplateCode: 'MEMO' }, { updateLines: true });
    expect(v.header).toMatchObject({ interactionTemplateCode: 'MEMO', campaignNo: 'CP2002' });
    expect(v.lines.map((l) => [l.contactNo, l.interactionTemplateCode, l.campaignNo]).sort()).toEqual([
      ['P101', 'MEMO', 'CP2002'],
      ['P300', 'MEMO', 'CP2002'],
    ]);
  });

  test('a template with a campaign brings it', async () => {
    const h = await ws.segments.create({ campaignNo: 'CP2002', interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addLine(h.no, 'P101');
    const v = await ws.segments.updateHeader(h.no, { interactionTemplateCode: 'CAMP' }, { updateLines: true });
    expect(v.header).toMatchObject({ campaignNo: 'CP9', campaignTarget: true });
    expect(v.lines[0]).toMatchObject({ campaignNo: 'CP9', campaignTarget: true });
  });
});

describe('Subject (Default)', () => {
  async function segmentWithLines() {
    // ABSTRACT: default language ENU ("Our news"), and an Italian letter ("Le nostre novità").
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(h.no, { contact: { no: 'P101|P201|P300' } });
    const own = await lineOf(ws, h.no, 'P201');
    await ws.segments.updateLine(h.no, own.lineNo, { subject: 'Personal' });
    return h.no;
  }

  test('becomes the subject of the default language’s letter; with Yes, the default-language lines that had the old subject take it', async () => {
    const no = await segmentWithLines();
    const v = await ws.segments.updateHeader(no, { subjectDefault: 'Big news' }, { updateLines: true });
    expect(v.header.subjectDefault).toBe('Big news');
    expect(v.header.letters.ENU.subject).toBe('Big news');
    expect(v.header.letters.ITA.subject).toBe('Le nostre novità');
    const subjects = Object.fromEntries(v.lines.map((l) => [l.contactNo, [l.languageCode, l.subject]]));
    expect(subjects).toEqual({
      P101: ['ITA', 'Le nostre novità'],
      P201: ['ENU', 'Personal'],
      P300: ['ENU', 'Big news'],
    });
    // A new line of the default language takes it.
    await ws.segments.addLine(no, 'P102');
    expect(await lineOf(ws, no, 'P102')).toMatchObject({ languageCode: 'ENU', subject: 'Big news' });
  });

  test('with No the lines keep theirs, and the letter and new lines take the new subject', async () => {
    const no = await segmentWithLines();
    const v = await ws.segments.updateHeader(no, { subjectDefault: 'Big news' }, { updateLines: false });
    expect(v.header.letters.ENU.subject).toBe('Big news');
    expect((await lineOf(ws, no, 'P300')).subject).toBe('Our news');
    await ws.segments.addLine(no, 'P102');
    expect((await lineOf(ws, no, 'P102')).subject).toBe('Big news');
  });

  test('a segment without letters: the lines that had the old subject take the new one', async () => {
    const h = await ws.segments.create({ subjectDefault: 'Hi', languageCodeDefault: 'ITA' });
    await ws.segments.addLine(h.no, 'P101');
    const v = await ws.segments.updateHeader(h.no, { subjectDefault: 'Hello' }, { updateLines: true });
    expect(v.header.letters).toEqual({});
    expect(v.lines[0]).toMatchObject({ languageCode: 'ITA', subject: 'Hello' });
  });
});

describe('Language Code (Default)', () => {
  test('a language the segment has a letter for brings its subject as Subject (Default); with Yes, the lines take it', async () => {
    // ABSTRACT: default language ENU ("Our news"), and an Italian letter ("Le nostre novità").
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addContacts(h.no, { contact: { no: 'P201|P300' } });
    const v = await ws.segments.updateHeader(h.no, { languageCodeDefault: 'ITA' }, { updateLines: true });
    expect(v.header).toMatchObject({ languageCodeDefault: 'ITA', subjectDefault: 'Le nostre novità' });
    expect(v.header.letters.ENU.subject).toBe('Our news');
    expect(v.lines.map((l) => [l.contactNo, l.languageCode, l.subject]).sort()).toEqual([
      ['P201', 'ITA', 'Le nostre novità'],
      // A contact whose own language has a letter keeps it (the line's language rule).
      ['P300', 'ENU', 'Our news'],
    ]);
    // Back to ENU: its letter's subject again.
    expect((await ws.segments.updateHeader(h.no, { languageCodeDefault: 'ENU' })).header.subjectDefault).toBe(
      'Our news',
    );
  });

  test('a language without a letter keeps Subject (Default); a subject given with it is the user’s', async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    expect((await ws.segments.updateHeader(h.no, { languageCodeDefault: 'DEU' })).header.subjectDefault).toBe(
      'Our news',
    );
    const v = await ws.segments.updateHeader(h.no, { languageCodeDefault: 'ITA', subjectDefault: 'Mine' });
    expect(v.header.subjectDefault).toBe('Mine');
    expect(v.header.letters.ITA.subject).toBe('Mine');
  });
});

describe('a line’s Language Code', () => {
  test('changing it takes the segment’s subject for the new language: its letter’s, the default subject, or none', async () => {
    const h = await ws.segments.create({ interactionTemplateCode: 'ABSTRACT' });
    await ws.segments.addLine(h.no, 'P101');
    expect(await lineOf(ws, h.no, 'P101')).toMatchObject({ languageCode: 'ITA', subject: 'Le nostre novità' });
    expect(await ws.segments.updateLine(h.no, 10000, { languageCode: 'ENU' })).toMatchObject({
      languageCode: 'ENU',
      subject: 'Our news',
    });
    expect(await ws.segments.updateLine(h.no, 10000, { languageCode: 'DEU' })).toMatchObject({
      languageCode: 'DEU',
      subject: '',
    });
    // A subject typed with the language is the user's.
    expect(await ws.segments.updateLine(h.no, 10000, { languageCode: 'ITA', subject: 'Mia' })).toMatchObject({
      languageCode: 'ITA',
      subject: 'Mia',
    });
    // The same language again changes nothing.
    expect((await ws.segments.updateLine(h.no, 10000, { languageCode: 'ITA' })).subject).toBe('Mia');
  });

  test('a segment without letters: the default language takes Subject (Default), another none', async () => {
    const h = await ws.segments.create({ subjectDefault: 'Hi', languageCodeDefault: 'ITA' });
    await ws.segments.addLine(h.no, 'P300');
    expect(await ws.segments.updateLine(h.no, 10000, { languageCode: 'ENU' })).toMatchObject({ subject: '' });
    expect(await ws.segments.updateLine(h.no, 10000, { languageCode: 'ITA' })).toMatchObject({ subject: 'Hi' });
  });
});

describe('a letter added to or removed from the segment', () => {
  const letter = (subject: string) => ({ subject, ooxml: '<w:p/>' });

  test('letters uploaded after the lines exist: the lines of their contacts take their language and subject, in the same action', async () => {
    const writes: Parameters<typeof actionRecorder>[0] = [];
    const w = await makeWorkspace({ dbCoreMiddlewares: [actionRecorder(writes)] });
    await seedMarket(w);
    const shown = async (no: string) =>
      Object.fromEntries((await w.segments.get(no))!.lines.map((l) => [l.contactNo, [l.languageCode, l.subject]]));
    // No template, blank Language Code (Default): every line gets a blank language.
    const h = await w.segments.create({ subjectDefault: 'News' });
    await w.segments.addContacts(h.no, { contact: { no: 'P101|P201|P300|P102' } });
    // A language set by hand stays the user's.
    await w.segments.updateLine(h.no, (await lineOf(w, h.no, 'P102')).lineNo, { languageCode: 'ITA' });
    expect(await shown(h.no)).toEqual({
      P101: ['', 'News'],
      P102: ['ITA', ''],
      P201: ['', 'News'],
      P300: ['', 'News'],
    });
    writes.length = 0;
    await w.segments.updateHeader(
      h.no,
      { letters: { ENU: letter('News'), ITA: letter('Novità') } },
      { updateLines: false },
    );
    expect(await shown(h.no)).toEqual({
      P101: ['ITA', 'Novità'],
      P102: ['ITA', ''],
      P201: ['', 'News'],
      P300: ['ENU', 'News'],
    });
    // One action writes the letters and the lines.
    expect(new Set(writes.map((x) => x.table))).toEqual(new Set(['segments', 'segmentLines']));
    expect(new Set(writes.map((x) => x.action.txId)).size).toBe(1);

    // The Italian letter removed: its lines fall back to the default language and its subject.
    await w.segments.updateHeader(h.no, { letters: { ENU: letter('News') } }, { updateLines: false });
    expect(await shown(h.no)).toEqual({
      P101: ['', 'News'],
      P102: ['ITA', ''],
      P201: ['', 'News'],
      P300: ['ENU', 'News'],
    });
    w.close();
  });

  test('a line with a subject of its own keeps its language when its letter comes', async () => {
    const h = await ws.segments.create({ subjectDefault: 'News' });
    await ws.segments.addLine(h.no, 'P101');
    await ws.segments.updateLine(h.no, 10000, { subject: 'Per Anna' });
    await ws.segments.updateHeader(h.no, { letters: { ITA: letter('Novità') } });
    expect(await lineOf(ws, h.no, 'P101')).toMatchObject({ languageCode: '', subject: 'Per Anna' });
  });
});
