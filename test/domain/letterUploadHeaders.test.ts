// An uploaded letter's headers and footers are part of the letter: their «Field» text and MERGEFIELDs are
// converted like the body's, counted with them, and the ones that match no field are listed.
import { strToU8, zipSync } from 'fflate';
import { letterFromDocx } from '../../src/domain/letterUpload';
import { fieldResolver } from '../../src/domain/mergeConvert';
import { parseLetter } from '../../src/domain/mergeOoxml';
import { compileLetter } from '../../src/domain/mergeRender';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const resolve = fieldResolver([
  { key: 'contact.name', caption: 'Name', names: ['Name', 'Nome'] },
  { key: 'contact.no', caption: 'Contact No.', names: ['Contact No.', 'Nr. contatto'] },
  { key: 'contact.city', caption: 'City', names: ['City', 'Città'] },
  { key: 'segment.no', caption: 'Segment No.', names: ['Segment No.', 'Nr. segmento'] },
]);

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const simpleField = (name: string) =>
  `<w:fldSimple w:instr=" MERGEFIELD &quot;${name}&quot; "><w:r><w:t>«${name}»</w:t></w:r></w:fldSimple>`;
const complexField = (name: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${name} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A .docx as Word saves one: a body, a header and a footer (each a paragraph of the given runs). */
function docx(body: string, header: string, footer: string): Uint8Array {
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="${R}/header" Target="header1.xml"/><Relationship Id="rIdF1" Type="${R}/footer" Target="footer1.xml"/></Relationships>`,
    ),
    'word/document.xml': xml(
      `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p>${body}</w:p><w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
    'word/header1.xml': xml(`<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p>${header}</w:p></w:hdr>`),
    'word/footer1.xml': xml(`<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p>${footer}</w:p></w:ftr>`),
  });
}

describe('the header and footer of an uploaded letter', () => {
  const up = letterFromDocx(
    docx(
      run('Dear «Name»'),
      run('HEADER for «Name» «Bogus Header Field» / ') + simpleField('Contact No.'),
      run('FOOTER segment ') + complexField('"Segment No."') + run(' city «City» ') + complexField('Nothing'),
    ),
    'letter.docx',
    resolve,
  );

  test('have their fields converted and counted with the body’s', () => {
    expect(up.fields.filter((f) => f.key).map((f) => f.key)).toEqual([
      'contact.name',
      'contact.no',
      'contact.name',
      'segment.no',
      'contact.city',
    ]);
    expect(compileLetter(up.ooxml).keys).toEqual(['contact.name', 'contact.no', 'segment.no', 'contact.city']);
    const header = parseLetter(up.ooxml).parts.find((p) => p.name === '/word/header1.xml')!.xml!;
    expect(header).toContain('<w:tag w:val="contact.no"/>');
    expect(header).toMatch(/^<w:hdr\b/);
  });

  test('list the fields that match no field', () => {
    expect(up.unconvertible.map((f) => [f.kind, f.name])).toEqual([
      ['text', 'Bogus Header Field'],
      ['MERGEFIELD', 'Nothing'],
    ]);
  });
});
