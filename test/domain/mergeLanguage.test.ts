// Dates and numbers in a letter follow the language of the letter (here each line's language has its own); a language code the Language list does not
// know (or knows without a locale) falls back to the workspace locale, and the merge check names it.
import { checkMerge } from '../../src/domain/mergeCheck';
import { ooxmlToText } from '../../src/domain/mergeOoxml';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { makeContact } from '../builders';
import { fieldControl, letterPackage, makeLine, makeSource } from './mergeFixture';

const letter = letterPackage(`<w:p>${fieldControl('interaction.date')}</w:p>`);

function source(fallbackLocale: string) {
  const src = makeSource(0, letter, {
    fallbackLocale,
    locales: new Map([
      ['ITA', 'it-IT'],
      ['ENU', 'en-GB'],
      ['FRA', ''],
    ]),
  });
  const codes = ['ITA', 'ENU', 'XYZ', 'FRA', ''];
  for (const code of codes) src.header.letters[code] = { subject: '', ooxml: letter };
  codes.forEach((languageCode, i) => {
    const c = makeContact(i);
    src.contacts.set(c.no, c);
    src.lines.push(makeLine(i, c, { languageCode, date: '2026-12-05' }));
  });
  return src;
}

test("each line's letter formats the date in its language; unknown codes take the workspace locale", () => {
  const src = source('it-IT');
  const rr = new LetterRenderer(src);
  const texts = src.lines.map((l) => ooxmlToText(rr.render(l)!.body).trim());
  expect(texts).toEqual([
    new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-05T00:00:00Z')),
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-05T00:00:00Z')),
    new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-05T00:00:00Z')),
    new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-05T00:00:00Z')),
    new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-05T00:00:00Z')),
  ]);
  expect(texts[0]).toContain('dicembre');
  expect(texts[2]).not.toContain('December');
});

test('the merge check names each language that fell back, with the locale used, per line', () => {
  const src = source('it-IT');
  const rr = new LetterRenderer(src);
  const rendered = src.lines.map((l) => rr.render(l));
  expect(rendered.map((r) => r!.languageFallback)).toEqual([undefined, undefined, 'XYZ', 'FRA', undefined]);
  const check = checkMerge(src.lines, rendered);
  expect(check.unknownLanguages).toEqual([
    { languageCode: 'XYZ', locale: 'it-IT', lines: 1 },
    { languageCode: 'FRA', locale: 'it-IT', lines: 1 },
  ]);
  expect(check.clean).toBe(false);
});
