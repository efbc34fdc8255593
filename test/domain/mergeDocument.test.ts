// Word mail-merge documents converted, letters packed in blocks under the request cap and split back,
// and the merged .docx.
import { DOMParser } from '@xmldom/xmldom';
import { mergedDocx, readDocxParts } from '../../src/domain/docx';
import {
  planCommentBlocks,
  planMergeBlocks,
  splitMergedLetters,
  jsonSize,
  WORD_REQUEST_CAP,
} from '../../src/domain/mergeBlocks';
import { convertLegacyFields, fieldResolver } from '../../src/domain/mergeConvert';
import { compileLetter, LetterRenderer } from '../../src/domain/mergeRender';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { fieldControl, letterPackage, makeSource } from './mergeFixture';

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(
    xml,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
};

const resolve = fieldResolver([
  { key: 'contact.name', caption: 'Name', names: ['Name', 'Nome', 'Contact Name'] },
  { key: 'contact.city', caption: 'City', names: ['City', 'Città'] },
  { key: 'extra.Region', caption: 'Region', names: ['Region'] },
]);

describe('documents made for Word mail merge', () => {
  const simple =
    '<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r><w:fldSimple w:instr=" MERGEFIELD &quot;Contact Name&quot; \\* MERGEFORMAT "><w:r><w:rPr><w:b/></w:rPr><w:t>«Contact Name»</w:t></w:r></w:fldSimple></w:p>';
  const complex =
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD </w:instrText></w:r><w:r><w:instrText>City</w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«City»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
  const text =
    '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Region: «Region», shoe: «Shoe size»!</w:t></w:r></w:p>';
  const unknownField = '<w:p><w:fldSimple w:instr=" MERGEFIELD Fax "><w:r><w:t>«Fax»</w:t></w:r></w:fldSimple></w:p>';

  it('recognises simple and complex MERGEFIELDs and «Name» text, and converts the ones it can match', () => {
    const out = convertLegacyFields(letterPackage(simple + complex + text + unknownField), resolve);
    expect(out.fields).toEqual([
      { kind: 'MERGEFIELD', name: 'Contact Name', key: 'contact.name' },
      { kind: 'MERGEFIELD', name: 'Fax' },
      { kind: 'MERGEFIELD', name: 'City', key: 'contact.city' },
      { kind: 'text', name: 'Region', key: 'extra.Region' },
      { kind: 'text', name: 'Shoe size' },
    ]);
    parse(out.ooxml);
    const letter = compileLetter(out.ooxml);
    expect(letter.keys).toEqual(['contact.name', 'contact.city', 'extra.Region']);
    // formatting of the field is kept, unknown ones stay as they were
    expect(out.ooxml).toContain(
      '<w:alias w:val="Name"/><w:tag w:val="contact.name"/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t>«Name»</w:t>',
    );
    expect(out.ooxml).toContain('MERGEFIELD Fax');
    const src = makeSource(1, out.ooxml);
    expect(ooxmlToText(new LetterRenderer(src).render(src.lines[0])!.body)).toBe(
      'Dear Contact 0\nLondon\nRegion: South, shoe: «Shoe size»!\n«Fax»\n',
    );
  });

  it('works on bare body XML too and leaves a document without fields alone', () => {
    const out = convertLegacyFields(text, resolve);
    expect(out.ooxml.startsWith('<w:p>')).toBe(true);
    expect(out.fields.filter((f) => f.key)).toHaveLength(1);
    const none = letterPackage('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>');
    expect(convertLegacyFields(none, resolve).fields).toEqual([]);
  });
});

describe('blocks under the request cap', () => {
  const src = makeSource(1000);
  const rr = new LetterRenderer(src);
  const letters = src.lines.map((l) => rr.render(l)!);

  it('packs 1,000 letters of about 8 KB into 3 insertOoxml payloads, each under 4 MB, in order', () => {
    const blocks = planMergeBlocks(letters);
    expect(blocks).toHaveLength(3);
    for (const b of blocks) {
      expect(b.bytes).toBeLessThanOrEqual(WORD_REQUEST_CAP);
      expect(jsonSize(b.ooxml)).toBe(Buffer.byteLength(JSON.stringify(b.ooxml), 'utf8'));
    }
    expect(blocks.flatMap((b) => b.letters.map((l) => l.lineNo))).toEqual(src.lines.map((l) => l.lineNo));
    parse(blocks[1].ooxml);
    // every block after the first starts with a page break; letters are separated by one
    expect(parseLetter(blocks[1].ooxml).body.startsWith('<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:sdt>')).toBe(
      true,
    );
    expect(ooxmlToText(parseLetter(blocks[0].ooxml).body).split('\f')).toHaveLength(blocks[0].letters.length);
  });

  it('splits a small cap into more blocks and refuses a letter larger than the cap', () => {
    expect(planMergeBlocks(letters.slice(0, 10), 40_000).length).toBeGreaterThan(2);
    expect(() => planMergeBlocks(letters.slice(0, 1), 20_000)).toThrow(
      /line 10000 takes \d+ bytes, more than one Word request may carry \(20000 bytes\)/,
    );
  });

  it('packs comments by size', () => {
    const comments = letters.map((l) => ({ tag: l.tag, text: 'x'.repeat(2000) }));
    expect(planCommentBlocks(comments)).toHaveLength(1);
    expect(planCommentBlocks(comments, 1_000_000).length).toBe(
      Math.ceil(1000 / Math.floor((1_000_000 - 16384) / (2002 + 26 + 1024))),
    );
  });

  it('splits a package read back from the document into its letters', () => {
    const [block] = planMergeBlocks(letters.slice(0, 3));
    const back = splitMergedLetters(block.ooxml);
    expect(back.map((b) => [b.segmentNo, b.lineNo])).toEqual([
      ['SEG00001', 10000],
      ['SEG00001', 20000],
      ['SEG00001', 30000],
    ]);
    expect(parseLetter(back[1].ooxml).body).toBe(letters[1].body);
    expect(parseLetter(back[1].ooxml).parts.map((p) => p.name)).toContain('/word/styles.xml');
  });

  it('keeps with each letter read back only the parts it shows: styles, numbering, its own pictures', () => {
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const part = (name: string, type: string, data: string) =>
      `<pkg:part pkg:name="${name}" pkg:contentType="${type}">${data}</pkg:part>`;
    const sdt = (line: number, body: string) =>
      `<w:sdt><w:sdtPr><w:tag w:val="bcsegment:SEG1:${line}"/></w:sdtPr><w:sdtContent>${body}</w:sdtContent></w:sdt>`;
    const pic = '<w:p><w:r><w:drawing><a:blip xmlns:a="a" r:embed="rId9"/></w:drawing></w:r></w:p>';
    const pkg =
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      part(
        '/_rels/.rels',
        'application/vnd.openxmlformats-package.relationships+xml',
        '<pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/></pkg:xmlData>',
      ) +
      part(
        '/word/_rels/document.xml.rels',
        'application/vnd.openxmlformats-package.relationships+xml',
        `<pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'theme', 'theme/theme1.xml')}${rel('rId9', 'image', 'media/image1.png')}</Relationships></pkg:xmlData>`,
      ) +
      part(
        '/word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        `<pkg:xmlData><w:document xmlns:w="w" xmlns:r="r"><w:body>${sdt(1, '<w:p/>')}${sdt(2, pic)}</w:body></w:document></pkg:xmlData>`,
      ) +
      part(
        '/word/styles.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
        '<pkg:xmlData><w:styles xmlns:w="w"/></pkg:xmlData>',
      ) +
      part(
        '/word/theme/theme1.xml',
        'application/vnd.openxmlformats-officedocument.theme+xml',
        '<pkg:xmlData><a:theme xmlns:a="a"/></pkg:xmlData>',
      ) +
      part('/word/media/image1.png', 'image/png', '<pkg:binaryData>iVBORw0KGgo=</pkg:binaryData>') +
      '</pkg:package>';
    const [plain, withPicture] = splitMergedLetters(pkg).map((l) => parseLetter(l.ooxml).parts);
    expect(plain.map((p) => p.name).sort()).toEqual([
      '/_rels/.rels',
      '/word/_rels/document.xml.rels',
      '/word/styles.xml',
    ]);
    expect(withPicture.map((p) => p.name).sort()).toEqual([
      '/_rels/.rels',
      '/word/_rels/document.xml.rels',
      '/word/media/image1.png',
      '/word/styles.xml',
    ]);
    expect(withPicture.find((p) => p.name.endsWith('.rels') && p.name.startsWith('/word'))!.xml).toContain('Id="rId9"');
    expect(plain.find((p) => p.name.endsWith('.rels') && p.name.startsWith('/word'))!.xml).not.toContain('theme');
  });
});

describe('letters from several packages', () => {
  // Two letters, each with its own picture under the same relationship id, as Word writes them.
  const withPicture = (text: string, png: string) =>
    letterPackage(
      `<w:p><w:r><w:t xml:space="preserve">${text} </w:t></w:r>${fieldControl('contact.name')}</w:p><w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rId5"/></w:drawing></w:r></w:p>`,
    )
      .replace(
        '</Relationships></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml"',
        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml"',
      )
      .replace(
        '</pkg:package>',
        `<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png"><pkg:binaryData>${png}</pkg:binaryData></pkg:part></pkg:package>`,
      );

  it('share blocks: the other language brings its picture under a renamed id, and every reference resolves', () => {
    const src = makeSource(10, withPicture('Dear', 'RU5HTElTSA=='));
    src.header.letters.ITA = { subject: 'Offerta', ooxml: withPicture('Gentile', 'SVRBTElBTk8=') };
    const rr = new LetterRenderer(src);
    const letters = src.lines.map((l) => rr.render(l)!);
    expect(new Set(letters.map((l) => l.letter)).size).toBe(2);
    const blocks = planMergeBlocks(letters);
    expect(blocks).toHaveLength(1);
    const pkg = parseLetter(blocks[0].ooxml);
    parse(blocks[0].ooxml);
    const rels = pkg.parts.find((p) => p.name === '/word/_rels/document.xml.rels')!.xml!;
    const ids = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([
      ['rId1', 'styles.xml'],
      ['rId5', 'media/image1.png'],
      ['s1_rId5', 'media/s1_image1.png'],
    ]);
    expect(pkg.parts.find((p) => p.name === '/word/media/s1_image1.png')?.base64).toBe('SVRBTElBTk8=');
    const refs = [...pkg.body.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(src.lines.map((l) => (l.languageCode === 'ITA' ? 's1_rId5' : 'rId5')));
    expect(ooxmlToText(pkg.body)).toContain('Gentile Contact 1');

    const parts = readDocxParts(mergedDocx(letters, { author: 'Jo' }));
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="media/s1_image1.png"');
    expect([...parts['word/document.xml'].matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1])).toEqual(refs);
  });
});

describe('the merged .docx', () => {
  it('holds every letter in a section of its own and each comment in comments.xml, anchored in its letter', () => {
    const src = makeSource(3);
    src.lines[1] = { ...src.lines[1], comment: '' };
    src.lines[2] = { ...src.lines[2], comment: 'Two\nlines & <markup>' };
    const rr = new LetterRenderer(src);
    const parts = readDocxParts(
      mergedDocx(
        src.lines.map((l) => rr.render(l)!),
        { author: 'Jo Rossi', date: '2026-11-29T10:00:00Z' },
      ),
    );
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/comments.xml',
      'word/document.xml',
      'word/styles.xml',
    ]);
    const doc = parse(parts['word/document.xml']);
    expect(doc.getElementsByTagName('w:sdt').length).toBe(3 + 0);
    expect(doc.getElementsByTagName('w:commentReference').length).toBe(2);
    const comments = parse(parts['word/comments.xml']).getElementsByTagName('w:comment');
    expect(comments.length).toBe(2);
    expect(comments[1].getAttribute('w:id')).toBe('1');
    expect(comments[1].textContent).toBe('Twolines & <markup>');
    expect(comments[1].getElementsByTagName('w:p').length).toBe(2);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="comments.xml"');
    expect(parts['[Content_Types].xml']).toContain('PartName="/word/comments.xml"');
    // Each letter ends with its section properties (the last one with the body's).
    const sections = parts['word/document.xml'].split(/<w:sectPr\b/).slice(0, -1);
    expect(sections.map((x) => /Line 1: (.*)\n/.exec(ooxmlToText(x))?.[1])).toEqual([
      'Contact 0',
      'Contact 1',
      'Contact 2',
    ]);
  });
});
