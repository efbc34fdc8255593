import { describe, expect, test } from 'vitest';
import { emptyContactFields, type Contact } from '../../src/domain/contact';
import { emptyTemplateFields, type InteractionTemplate } from '../../src/domain/interaction';
import {
  correspondenceTypeFor,
  headerFromTemplate,
  languageFor,
  lettersWithDefaultSubject,
  lineDefaults,
  linesAfterLetterChange,
  ownLetterLanguages,
  subjectOfLanguage,
} from '../../src/domain/lineDefaults';
import type { SegmentHeaderInput, SegmentLine } from '../../src/domain/segment';

const base = { id: 'x', createdAt: '', updatedAt: '' };
const contact = (over: Partial<Contact> = {}): Contact => ({ ...emptyContactFields('C1'), ...base, ...over });
const template = (over: Partial<InteractionTemplate> = {}): InteractionTemplate => ({
  ...emptyTemplateFields('T'),
  ...base,
  ...over,
});
const header = (over: Partial<SegmentHeaderInput> = {}): SegmentHeaderInput => ({
  description: 'd',
  salespersonCode: '',
  date: '2026-03-02',
  campaignNo: '',
  campaignTarget: false,
  campaignResponse: false,
  interactionTemplateCode: 'T',
  interactionGroupCode: '',
  languageCodeDefault: 'ENU',
  subjectDefault: 'Hello',
  correspondenceTypeDefault: '',
  ignoreContactCorresType: false,
  informationFlow: '',
  initiatedBy: '',
  unitCost: 1,
  unitDuration: 2,
  sendWordDocsAsAttmt: false,
  letters: {},
  ...over,
});

describe('correspondence type of a new line', () => {
  test.each([
    [
      'header ignores the contact and has a default',
      header({ ignoreContactCorresType: true, correspondenceTypeDefault: 'Email' }),
      contact({ correspondenceType: 'Hard Copy' }),
      template(),
      'Email',
    ],
    [
      'header ignores but its default is blank: the template rule applies',
      header({ ignoreContactCorresType: true }),
      contact({ correspondenceType: 'Hard Copy' }),
      template({ correspondenceTypeDefault: 'Email' }),
      'Hard Copy',
    ],
    [
      'template ignores the contact',
      header(),
      contact({ correspondenceType: 'Hard Copy' }),
      template({ ignoreContactCorresType: true, correspondenceTypeDefault: 'Email' }),
      'Email',
    ],
    [
      'contact has none: the template default',
      header(),
      contact(),
      template({ correspondenceTypeDefault: 'Hard Copy' }),
      'Hard Copy',
    ],
    [
      "else the contact's own",
      header(),
      contact({ correspondenceType: 'Email' }),
      template({ correspondenceTypeDefault: 'Hard Copy' }),
      'Email',
    ],
    [
      "no template: the contact's own",
      header({ interactionTemplateCode: '' }),
      contact({ correspondenceType: 'Email' }),
      undefined,
      'Email',
    ],
  ] as const)('%s', (_name, h, c, t, expected) => {
    expect(correspondenceTypeFor(h, c, t)).toBe(expected);
  });
});

describe('language and salesperson of a new line', () => {
  test("the contact's language only where the segment has a letter for it", () => {
    const h = header({ letters: { ITA: { subject: 'Ciao', ooxml: '' } } });
    expect(languageFor(h, contact({ languageCode: 'ITA' }))).toBe('ITA');
    expect(languageFor(h, contact({ languageCode: 'DEU' }))).toBe('ENU');
    expect(lineDefaults(h, contact({ languageCode: 'ITA' }), undefined).subject).toBe('Ciao');
  });

  test("salesperson: the header's if set, else the contact's", () => {
    expect(
      lineDefaults(header({ salespersonCode: 'JR' }), contact({ salespersonCode: 'BD' }), undefined).salespersonCode,
    ).toBe('JR');
    expect(lineDefaults(header(), contact({ salespersonCode: 'BD' }), undefined).salespersonCode).toBe('BD');
  });
});

describe('a template chosen on the header', () => {
  test('brings its Campaign No. only when it has one (BC’s UpdateSegHeader); its flags always', () => {
    expect(headerFromTemplate(template({ campaignTarget: true }))).not.toHaveProperty('campaignNo');
    expect(headerFromTemplate(template({ campaignTarget: true }))).toMatchObject({ campaignTarget: true });
    expect(headerFromTemplate(template({ campaignNo: 'CP9' }))).toMatchObject({ campaignNo: 'CP9' });
  });

  test('the segment’s own letters it would replace: those that are neither the current template’s nor its own', () => {
    const given = { subject: 'Hello', ooxml: '<w:p>given</w:p>' };
    const own = { subject: 'Mine', ooxml: '<w:p>own</w:p>' };
    const current = template({ letters: { ENU: given } });
    const chosen = template({ code: 'FIERA', letters: { DEU: own } });
    const letters = { ENU: given, ITA: own, FRA: own, DEU: own, ESP: { subject: 'only a subject', ooxml: '' } };
    expect(ownLetterLanguages({ letters }, current, chosen)).toEqual(['FRA', 'ITA']);
    expect(ownLetterLanguages({ letters: { ENU: given } }, undefined, chosen)).toEqual(['ENU']);
    expect(ownLetterLanguages({ letters: { ENU: given } }, current, chosen)).toEqual([]);
  });
});

describe('subjects', () => {
  const letters = { ENU: { subject: 'Hello', ooxml: '' }, ITA: { subject: 'Ciao', ooxml: '' } };

  test("a line's new language: its letter's subject, Subject (Default) for the default language, else none", () => {
    expect(subjectOfLanguage(header({ letters }), 'ITA')).toBe('Ciao');
    expect(subjectOfLanguage(header({ letters: {} }), 'ENU')).toBe('Hello');
    expect(subjectOfLanguage(header({ letters }), 'DEU')).toBe('');
  });

  test('Subject (Default) is also the default language’s letter’s subject', () => {
    const h = header({ letters, subjectDefault: 'Hi there' });
    expect(lettersWithDefaultSubject(h)).toEqual({ ENU: { subject: 'Hi there', ooxml: '' }, ITA: letters.ITA });
    expect(lettersWithDefaultSubject(header({ letters: {} }))).toEqual({});
  });
});

describe('a letter added to or removed from the segment', () => {
  const contacts = new Map<string, Contact>(
    (
      [
        ['C-ENU', 'ENU'],
        ['C-ITA', 'ITA'],
        ['C-DEU', 'DEU'],
        ['C-NONE', ''],
      ] as const
    ).map(([no, languageCode]) => [no, contact({ no, languageCode })]),
  );
  const line = (contactNo: string, languageCode: string, subject: string): SegmentLine => ({
    ...lineDefaults(header(), contacts.get(contactNo), undefined),
    ...base,
    id: contactNo,
    segmentId: 's',
    segmentNo: 'SEG1',
    lineNo: 10000,
    contactNo,
    contactCompanyNo: '',
    addedByAction: 1,
    languageCode,
    subject,
  });
  const byContact = (lines: SegmentLine[]) =>
    Object.fromEntries(lines.map((l) => [l.contactNo, [l.languageCode, l.subject]]));
  const enu = { subject: 'Hello', ooxml: '<w:p/>' };
  const ita = { subject: 'Ciao', ooxml: '<w:p/>' };

  test('a new language’s letter: the lines of its contacts that still had the default language take it and its subject', () => {
    const before = header({ interactionTemplateCode: '', languageCodeDefault: '', subjectDefault: 'Hi' });
    const after = { ...before, letters: { ENU: enu, ITA: ita } };
    const lines = [line('C-ENU', '', 'Hi'), line('C-ITA', '', 'Hi'), line('C-DEU', '', 'Hi'), line('C-NONE', '', 'Hi')];
    expect(byContact(linesAfterLetterChange(before, after, lines, contacts))).toEqual({
      'C-ENU': ['ENU', 'Hello'],
      'C-ITA': ['ITA', 'Ciao'],
    });
  });

  test('lines with a language or a subject of their own keep them', () => {
    const before = header({ interactionTemplateCode: '', languageCodeDefault: '', subjectDefault: 'Hi' });
    const after = { ...before, letters: { ENU: enu, ITA: ita } };
    const lines = [line('C-ENU', 'DEU', ''), line('C-ITA', '', 'Mine')];
    expect(linesAfterLetterChange(before, after, lines, contacts)).toEqual([]);
  });

  test('a removed letter: the lines of its language that the rule gave it fall back to the default language', () => {
    const before = header({ languageCodeDefault: 'ENU', subjectDefault: 'Hello', letters: { ENU: enu, ITA: ita } });
    const after = { ...before, letters: { ENU: enu } };
    const lines = [line('C-ITA', 'ITA', 'Ciao'), line('C-ENU', 'ENU', 'Hello')];
    const own = { ...line('C-ITA', 'ITA', 'Mia'), id: 'own' };
    expect(byContact(linesAfterLetterChange(before, after, [...lines, own], contacts))).toEqual({
      'C-ITA': ['ENU', 'Hello'],
    });
  });

  test('the same languages (a letter replaced): no line changes', () => {
    const before = header({ languageCodeDefault: '', letters: { ITA: ita } });
    const after = { ...before, letters: { ITA: { subject: 'Ciao', ooxml: '<w:p>new</w:p>' } } };
    expect(linesAfterLetterChange(before, after, [line('C-ITA', 'ITA', 'Ciao')], contacts)).toEqual([]);
  });
});
