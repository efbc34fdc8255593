import { DOMParser } from '@xmldom/xmldom';
import { checkMerge } from '../../src/domain/mergeCheck';
import { extraMergeFields, isKnownFieldKey, mergeFields } from '../../src/domain/mergeFields';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { compileLetter, LetterRenderer, letterTag, parseLetterTag, wrapLetter } from '../../src/domain/mergeRender';
import { makeContact } from '../builders';
import { fieldControl, letterPackage, makeLine, makeSource } from './mergeFixture';

const wellFormed = (xml: string) => {
  const errors: string[] = [];
  new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(xml, 'text/xml');
  return errors;
};

describe('merge fields', () => {
  it('lists contact, salesperson, segment, interaction and comment fields with caption keys, and extra columns from the contacts', () => {
    const groups = new Set(mergeFields.map((f) => f.group));
    expect([...groups]).toEqual(['contact', 'salesperson', 'segment', 'interaction', 'comment']);
    expect(mergeFields.find((f) => f.key === 'contact.name')?.captionKey).toBe('word.field.contact.name');
    expect(extraMergeFields([makeContact(1), makeContact(2, { extra: { Zone: 'A' } })]).map((f) => f.key)).toEqual([
      'extra.Member',
      'extra.Region',
      'extra.Score',
      'extra.Since',
      'extra.Zone',
    ]);
    expect(isKnownFieldKey('contact.city')).toBe(true);
    expect(isKnownFieldKey('contact.shoeSize')).toBe(false);
  });
});

describe('letter rendering', () => {
  it('fills every field of a 20-field letter with the line values and keeps the rest of the letter', () => {
    const src = makeSource(2);
    const r = new LetterRenderer(src).render(src.lines[0])!;
    const text = ooxmlToText(r.body);
    expect(text).toContain('Line 1: Contact 0\n');
    expect(text).toContain('Line 7: London\n');
    expect(text).toContain('Line 13: Jo Rossi\n');
    expect(text).toContain('Line 19: Remember the discount, Contact 0.\n');
    expect(text).toContain('Line 20: South\n');
    expect(text).toContain('We are pleased to offer you our autumn range, paragraph 1.');
    expect(text).not.toContain('«');
    expect(r.tag).toBe('bcsegment:SEG00001:10000');
    expect(r.comment).toBe('Remember the discount, Contact 0.');
    expect(r.blanks).toEqual(['contact.address2', 'contact.salutationCode']);
    expect(wellFormed(`<w:body xmlns:w="w" xmlns:w14="w14">${wrapLetter(r)}</w:body>`)).toEqual([]);
  });

  it("formats dates and numbers in the letter's language", () => {
    const body = ['interaction.date', 'interaction.cost', 'extra.Score', 'extra.Member', 'extra.Since']
      .map(fieldControl)
      .map((c) => `<w:p>${c}</w:p>`)
      .join('');
    const src = makeSource(2, letterPackage(body));
    src.header.letters.ITA = { subject: 'Offerta', ooxml: letterPackage(body) };
    src.lines[0] = { ...src.lines[0], cost: 1234.5 };
    src.lines[1] = { ...src.lines[1], cost: 1234.5 };
    const rr = new LetterRenderer(src);
    expect(ooxmlToText(rr.render(src.lines[0])!.body)).toBe('29 November 2026\n1,234.5\n0\nYes\n15 March 2024\n');
    expect(rr.render(src.lines[1])!.locale).toBe('it-IT');
    expect(ooxmlToText(rr.render(src.lines[1])!.body)).toBe('29 novembre 2026\n1234,5\n1,5\nNo\n15 marzo 2024\n');
  });

  it('formats dates in the language of the letter a line gets, not in its own Language Code', () => {
    const it = letterPackage(
      `<w:p><w:r><w:t xml:space="preserve">Lettera del </w:t></w:r>${fieldControl('interaction.date')}</w:p>`,
    );
    // The letter of the document is Italian; lines without a language, or in English without an English
    // letter, get it and read its date in Italian.
    const src = makeSource(3, it, { documentLanguageCode: 'ITA' });
    src.header.letters = { ITA: { subject: 'Offerta', ooxml: it } };
    src.lines = src.lines.map((l, i) => ({ ...l, languageCode: ['', 'ENU', 'ITA'][i], date: '2026-12-07' }));
    const rr = new LetterRenderer(src);
    expect(src.lines.map((l) => ooxmlToText(rr.render(l)!.body))).toEqual([
      'Lettera del 7 dicembre 2026\n',
      'Lettera del 7 dicembre 2026\n',
      'Lettera del 7 dicembre 2026\n',
    ]);
    expect(src.lines.map((l) => rr.render(l)!.locale)).toEqual(['it-IT', 'it-IT', 'it-IT']);
    // An Italian contact that gets the English letter (the segment has no Italian one) reads English dates.
    const en = makeSource(1, letterPackage(`<w:p>${fieldControl('interaction.date')}</w:p>`));
    en.lines[0] = { ...en.lines[0], languageCode: 'ITA', date: '2026-12-07' };
    expect(ooxmlToText(new LetterRenderer(en).render(en.lines[0])!.body)).toBe('7 December 2026\n');
  });

  it("writes an imported column's numbers as Excel's General format: a year stays 2015, amounts of the line stay grouped", () => {
    const body = ['interaction.cost', 'extra.Year', 'extra.Amount']
      .map(fieldControl)
      .map((c) => `<w:p>${c}</w:p>`)
      .join('');
    const src = makeSource(1, letterPackage(body));
    src.lines[0] = { ...src.lines[0], cost: 12345.5 };
    const contact = src.contacts.get(src.lines[0].contactNo)!;
    src.contacts.set(contact.no, { ...contact, extra: { ...contact.extra, Year: 2015, Amount: 1234567.25 } });
    expect(ooxmlToText(new LetterRenderer(src).render(src.lines[0])!.body)).toBe('12,345.5\n2015\n1234567.25\n');
  });

  it("uses the line's own letter, else the segment's letter for its language, else the document's", () => {
    const src = makeSource(3, letterPackage(`<w:p><w:r><w:t>EN </w:t></w:r>${fieldControl('contact.name')}</w:p>`));
    src.header.letters.ITA = {
      subject: 'Offerta',
      ooxml: `<w:p><w:r><w:t xml:space="preserve">IT </w:t></w:r>${fieldControl('contact.name')}</w:p>`,
    };
    src.lines[2] = {
      ...src.lines[2],
      letter: `<w:p><w:r><w:t xml:space="preserve">OWN </w:t></w:r>${fieldControl('contact.city')}</w:p>`,
    };
    const rr = new LetterRenderer(src);
    expect(src.lines.map((l) => ooxmlToText(rr.render(l)!.body))).toEqual([
      'EN Contact 0\n',
      'IT Contact 1\n',
      'OWN London\n',
    ]);
  });

  it('turns line breaks into Word line breaks and tabs into tabs, and escapes markup', () => {
    const src = makeSource(1, letterPackage(`<w:p>${fieldControl('contact.address')}</w:p>`));
    src.contacts.set(src.lines[0].contactNo, { ...makeContact(0), address: 'A & B <c>\r\nsecond\tline' });
    const r = new LetterRenderer(src).render(src.lines[0])!;
    expect(r.body).toContain(
      '<w:t xml:space="preserve">A &amp; B &lt;c&gt;</w:t><w:br/><w:t xml:space="preserve">second</w:t><w:tab/>',
    );
    expect(ooxmlToText(r.body)).toBe('A & B <c>\nsecond\tline\n');
  });

  it('drops characters XML cannot hold and reports them per field', () => {
    const src = makeSource(1, letterPackage(`<w:p>${fieldControl('extra.Region')}</w:p>`));
    src.contacts.set(src.lines[0].contactNo, makeContact(0, { extra: { Region: 'No\u0007rd\u0000' } }));
    const r = new LetterRenderer(src).render(src.lines[0])!;
    expect(ooxmlToText(r.body)).toBe('Nord\n');
    expect(r.dropped).toEqual([
      {
        key: 'extra.Region',
        chars: [
          { codePoint: 'U+0007', index: 2 },
          { codePoint: 'U+0000', index: 5 },
        ],
      },
    ]);
  });

  it('keeps the formatting of the field control and finds fields inside other content controls', () => {
    const own = `<w:sdt><w:sdtPr><w:tag w:val="my-own"/></w:sdtPr><w:sdtContent><w:p>${fieldControl('contact.city')}</w:p></w:sdtContent></w:sdt>`;
    const c = compileLetter(own);
    expect(c.keys).toEqual(['contact.city']);
    const src = makeSource(1, own);
    const body = new LetterRenderer(src).render(src.lines[0])!.body;
    expect(body).toMatch(
      /^<w:sdt><w:sdtPr><w:tag w:val="my-own"\/><\/w:sdtPr><w:sdtContent><w:p><w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"\/><w:sz w:val="22"\/><\/w:rPr><w:t xml:space="preserve">London<\/w:t><\/w:r><\/w:p>/,
    );
  });

  it('reads tags back and refuses what is not a letter', () => {
    expect(parseLetterTag(letterTag('SEG:1', 20000))).toEqual({ segmentNo: 'SEG:1', lineNo: 20000 });
    expect(parseLetterTag('contact.name')).toBeUndefined();
    expect(() => compileLetter('<pkg:package xmlns:pkg="x"></pkg:package>')).toThrow(/no \/word\/document.xml part/);
    expect(() => compileLetter('<w:p><w:sdt><w:sdtContent></w:p>')).toThrow(/not closed/);
    expect(parseLetter(letterPackage('<w:p/>')).sectPr).toMatch(/^<w:sectPr>/);
  });
});

describe('merge check', () => {
  it('reports unknown fields, fields no data fills, blanks per contact, dropped characters and lines without a letter', () => {
    const body = ['contact.name', 'contact.address2', 'contact.shoeSize', 'extra.Region']
      .map(fieldControl)
      .map((c) => `<w:p>${c}</w:p>`)
      .join('');
    const src = makeSource(3, letterPackage(body));
    src.contacts.set('CT00001', makeContact(1, { name: '', extra: { Region: 'X\u0001' } }));
    src.lines.push(makeLine(9, makeContact(9), { contactNo: '' }));
    const rr = new LetterRenderer(src);
    const check = checkMerge(
      src.lines,
      src.lines.map((l) => rr.render(l)),
    );
    expect(check.usedFields).toEqual(['contact.name', 'contact.address2', 'contact.shoeSize', 'extra.Region']);
    expect(check.unknownFields).toEqual(['contact.shoeSize']);
    expect(check.emptyFields).toEqual(['contact.address2']);
    expect(check.letters).toBe(3);
    expect(check.lines).toEqual([
      { lineNo: 10000, contactNo: 'CT00000', blanks: ['contact.address2'], dropped: [] },
      {
        lineNo: 20000,
        contactNo: 'CT00001',
        blanks: ['contact.name', 'contact.address2'],
        dropped: [{ key: 'extra.Region', codePoints: ['U+0001'] }],
      },
      { lineNo: 30000, contactNo: 'CT00002', blanks: ['contact.address2'], dropped: [] },
      { lineNo: 100000, contactNo: '', blanks: [], dropped: [], noLetter: 'no-contact' },
    ]);
    expect(check.clean).toBe(false);
  });

  it('is clean when every field is filled', () => {
    const src = makeSource(4, letterPackage(`<w:p>${fieldControl('contact.name')}</w:p>`));
    const rr = new LetterRenderer(src);
    expect(
      checkMerge(
        src.lines,
        src.lines.map((l) => rr.render(l)),
      ).clean,
    ).toBe(true);
  });
});

describe('the fixture', () => {
  it('renders letters of about 8 KB with 20 fields', () => {
    const src = makeSource(1);
    const r = new LetterRenderer(src).render(src.lines[0])!;
    expect(r.letter.keys).toHaveLength(20);
    expect(r.body.length).toBeGreaterThan(7500);
    expect(r.body.length).toBeLessThan(8500);
  });
});
