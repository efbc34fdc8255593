import { describe, expect, test } from 'vitest';
import { emptyContactFields, type Contact } from '../../src/domain/contact';
import { emptyTemplateFields, type InteractionTemplate } from '../../src/domain/interaction';
import {
  correspondenceTypeFor,
  headerFromTemplate,
  languageFor,
  lettersWithDefaultSubject,
  lineDefaults,
  subjectOfLanguage,
} from '../../src/domain/lineDefaults';
import type { SegmentHeaderInput } from '../../src/domain/segment';

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
