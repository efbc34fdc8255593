// A letter's headers and footers are part of the letter: their merge fields («Name», MERGEFIELD, the
// add-in's field controls) are the letter's fields, filled for each line, checked like the body's, and
// the ones that match no field are named by the check.
import { checkMerge } from '../../src/domain/mergeCheck';
import { ooxmlToText } from '../../src/domain/mergeOoxml';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { makeContact } from '../builders';
import { letterWithLayout, mixed, resolve } from './layoutFixture';
import { fieldControl, letterPackage, makeSource } from './mergeFixture';

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const body = `<w:p>${run('Dear ')}${fieldControl('contact.name')}</w:p>`;

/** letterWithLayout with its header and footer text replaced. */
function withHeaderFooter(header: string, footer: string): string {
  return letterWithLayout(body)
    .replace(/<w:hdr\b([^>]*)>[\s\S]*?<\/w:hdr>/, `<w:hdr$1><w:p>${header}</w:p></w:hdr>`)
    .replace(/<w:ftr\b([^>]*)>[\s\S]*?<\/w:ftr>/, `<w:ftr$1><w:p>${footer}</w:p></w:ftr>`);
}

const mergeField = (name: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${name} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

describe('the fields of headers and footers', () => {
  test('are fields of the letter, filled for each line in its language', () => {
    const { src } = mixed();
    const rr = new LetterRenderer({ ...src, resolve });
    const ita = rr.render(src.lines[1])!;
    expect(ita.letter.keys).toEqual(['contact.name', 'contact.city']);
    expect(ita.parts?.map((p) => [p.name, ooxmlToText(p.xml).trim()])).toEqual([
      ['/word/header1.xml', 'INTESTAZIONE Contact 1'],
      ['/word/footer1.xml', 'PIE DI PAGINA Milano'],
    ]);
    expect(ooxmlToText(rr.render(src.lines[3])!.parts![0].xml).trim()).toBe('INTESTAZIONE Contact 3');
  });

  test('a header field blank for a contact is named by the check', () => {
    const src = makeSource(2, letterPackage(body), { resolve });
    src.header.letters.ENU.ooxml = letterWithLayout(body);
    src.contacts.set('CT00001', makeContact(1, { city: '' }));
    const rr = new LetterRenderer(src);
    const rendered = src.lines.map((l) => rr.render(l));
    const check = checkMerge(src.lines, rendered);
    expect(check.usedFields).toEqual(['contact.name', 'contact.city']);
    expect(check.lines).toEqual([{ lineNo: 20000, contactNo: 'CT00001', blanks: ['contact.city'], dropped: [] }]);
    expect(check.clean).toBe(false);
  });

  test('fields of a header or footer that match no field are named by the check, which is not clean', () => {
    const letter = withHeaderFooter(run('Header «Bogus Header Field» «Name»'), mergeField('Nothing'));
    const src = makeSource(2, letter, { resolve });
    const rr = new LetterRenderer(src);
    const check = checkMerge(
      src.lines,
      src.lines.map((l) => rr.render(l)),
    );
    expect(check.legacy.map((f) => [f.kind, f.name, f.key])).toEqual([
      ['text', 'Bogus Header Field', undefined],
      ['MERGEFIELD', 'Nothing', undefined],
    ]);
    expect(check.usedFields).toEqual(['contact.name']);
    expect(check.clean).toBe(false);
  });

  test('a field of the body that matches no field (kept as text by an upload) is named too', () => {
    const src = makeSource(2, letterPackage(`<w:p>${run('Dear «Shoe size» ')}${fieldControl('contact.name')}</w:p>`), {
      resolve,
    });
    const rr = new LetterRenderer(src);
    const check = checkMerge(
      src.lines,
      src.lines.map((l) => rr.render(l)),
    );
    expect(check.legacy.map((f) => f.name)).toEqual(['Shoe size']);
    expect(check.clean).toBe(false);
  });

  test('a field named both by the document and by the letter is listed once', () => {
    const src = makeSource(1, letterPackage(`<w:p>${run('Dear «Shoe size»')}</w:p>`), { resolve });
    const rr = new LetterRenderer(src);
    const check = checkMerge(src.lines, [rr.render(src.lines[0])], [{ kind: 'text', name: 'Shoe size' }]);
    expect(check.legacy).toEqual([{ kind: 'text', name: 'Shoe size' }]);
  });
});

describe('a segment without lines', () => {
  test('has nothing to merge: the check is not clean and says so', () => {
    const check = checkMerge([], []);
    expect(check.noLines).toBe(true);
    expect(check.clean).toBe(false);
    expect(checkMerge(makeSource(1).lines, [undefined]).noLines).toBe(false);
  });
});
