// The merged .docx keeps each letter's own layout: every letter is a section of its own (its page
// setup, its header and footer, carried from its package under names that cannot clash), the header
// and footer fields filled for the letter's line, and a comment on a one-paragraph letter never ends
// in the first paragraph of the letter's content control.
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { mergedDocx, readDocxParts } from '../../src/domain/docx';
import { ooxmlToText } from '../../src/domain/mergeOoxml';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { letterWithLayout, mixed, R, resolve, W } from './layoutFixture';
import { makeSource } from './mergeFixture';

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(
    xml,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
};

function sections(parts: Record<string, string>) {
  const doc = parse(parts['word/document.xml']);
  const rels = new Map(
    [...parts['word/_rels/document.xml.rels'].matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1],
      /Target="([^"]+)"/.exec(m[0])![1],
    ]),
  );
  return Array.from(doc.getElementsByTagNameNS(W, 'sectPr')).map((s) => {
    const ref = (kind: string) => {
      const el = s.getElementsByTagNameNS(W, `${kind}Reference`)[0];
      if (!el) return undefined;
      const target = rels.get(el.getAttributeNS(R, 'id') ?? '');
      expect(target).toBeDefined();
      const xml = parts[`word/${target}`];
      parse(xml);
      return ooxmlToText(xml).trim();
    };
    return {
      width: s.getElementsByTagNameNS(W, 'pgSz')[0]?.getAttributeNS(W, 'w'),
      type: s.getElementsByTagNameNS(W, 'type')[0]?.getAttributeNS(W, 'val') ?? 'nextPage',
      header: ref('header'),
      footer: ref('footer'),
    };
  });
}

describe('the merged .docx of letters with their own layout', () => {
  it('makes every letter a section of its own, with its page setup, header and footer', () => {
    const { letters } = mixed();
    const docx = mergedDocx(letters, { author: 'Jo' });
    const parts = readDocxParts(docx);
    const files = Object.keys(unzipSync(docx));
    // ENU first (no header of its own: an empty one, so that it never shows the ITA letter's), then ITA.
    expect(sections(parts)).toEqual([
      { width: '11906', type: 'nextPage', header: '', footer: '' },
      { width: '16838', type: 'nextPage', header: 'INTESTAZIONE «Name»', footer: 'PIE DI PAGINA «City»' },
      { width: '11906', type: 'nextPage', header: '', footer: '' },
      { width: '16838', type: 'nextPage', header: 'INTESTAZIONE «Name»', footer: 'PIE DI PAGINA «City»' },
    ]);
    // The header's logo came along under a name of its own, and every part has its content type.
    const headerRels = Object.keys(parts).filter((k) => /^word\/_rels\/.*header.*\.rels$/.test(k));
    expect(headerRels.length).toBeGreaterThan(0);
    for (const k of headerRels) {
      const target = /Target="([^"]+)"/.exec(parts[k])![1];
      expect(files).toContain(`word/${target}`);
    }
    const types = parts['[Content_Types].xml'];
    for (const k of Object.keys(parts).filter((n) => /^word\/.*(header|footer).*\.xml$/.test(n)))
      expect(types).toContain(`PartName="/${k}"`);
    expect(types).toContain('Extension="png"');
  });

  it('fills the header and footer fields for each letter in its language', () => {
    const { src, letters } = mixed();
    const parts = readDocxParts(mergedDocx(letters, { author: 'Jo', fields: { source: src, resolve } }));
    expect(sections(parts).map((s) => [s.header, s.footer])).toEqual([
      ['', ''],
      ['INTESTAZIONE Contact 1', 'PIE DI PAGINA Milano'],
      ['', ''],
      ['INTESTAZIONE Contact 3', 'PIE DI PAGINA Milano'],
    ]);
  });

  it('anchors the comment of a one-paragraph letter over the letter, its end after the first paragraph', () => {
    const { letters } = mixed();
    const doc = parse(readDocxParts(mergedDocx(letters, { author: 'Jo' }))['word/document.xml']);
    const sdts = Array.from(doc.getElementsByTagNameNS(W, 'sdt'));
    const letterSdts = sdts.filter((s) =>
      s.getElementsByTagNameNS(W, 'tag')[0]?.getAttributeNS(W, 'val')?.startsWith('bcsegment:'),
    );
    expect(letterSdts).toHaveLength(4);
    for (const s of letterSdts) {
      const content = s.getElementsByTagNameNS(W, 'sdtContent')[0];
      const paras = Array.from(content.getElementsByTagNameNS(W, 'p')).filter((p) => p.parentNode === content);
      expect(paras[0].getElementsByTagNameNS(W, 'commentRangeStart')).toHaveLength(1);
      expect(paras[0].getElementsByTagNameNS(W, 'commentReference')).toHaveLength(0);
      expect(content.getElementsByTagNameNS(W, 'commentRangeEnd')).toHaveLength(1);
      expect(content.getElementsByTagNameNS(W, 'commentReference')).toHaveLength(1);
    }
  });

  it('gives a letter without a page size the paper of the workspace country, beside the landscape A4 of another', () => {
    const src = makeSource(2, '<w:p><w:r><w:t>Plain English letter</w:t></w:r></w:p>');
    src.header.letters.ITA = {
      subject: 'Offerta',
      ooxml: letterWithLayout('<w:p><w:r><w:t>Lettera</w:t></w:r></w:p>'),
    };
    const rr = new LetterRenderer(src);
    const letters = src.lines.map((l) => rr.render(l)!);
    const widths = (pageLocale?: string) =>
      sections(readDocxParts(mergedDocx(letters, { author: 'Jo', pageLocale }))).map((s) => s.width);
    expect(widths('it-IT')).toEqual(['11906', '16838']);
    expect(widths('en-US')).toEqual(['12240', '16838']);
    expect(widths('en-CA')).toEqual(['12240', '16838']);
    // Without the workspace's locale, the letter's own language's (ENU is en-GB here).
    expect(widths()).toEqual(['11906', '16838']);
    // Not the page of the letter merged first (a landscape A4): the letter has no page size of its own.
    const reversed = sections(
      readDocxParts(mergedDocx([letters[1], letters[0]], { author: 'Jo', pageLocale: 'en-US' })),
    );
    expect(reversed.map((s) => s.width)).toEqual(['16838', '12240']);
  });
});
