// A letter with its own layout (a header with «Name» and a logo, a footer with a MERGEFIELD, a landscape
// page) and a merge source mixing it with a one-paragraph letter without header.
import { fieldResolver } from '../../src/domain/mergeConvert';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { fieldControl, letterPackage, makeSource } from './mergeFixture';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'application/vnd.openxmlformats-package.relationships+xml';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const complexField = (name: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD "${name}" </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const picture = (id: string) =>
  `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="9" name="logo"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="9" name="logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

const part = (name: string, type: string, xml: string) =>
  `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;

/**
 * A letter as an upload stores it: its body, a header with «Name» typed as text and a logo (the header's
 * own relationship), a footer with City as a MERGEFIELD, and a landscape page.
 */
export function letterWithLayout(body: string): string {
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    part(
      '/_rels/.rels',
      RELS,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ) +
    part(
      '/word/_rels/document.xml.rels',
      RELS,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${R}/header" Target="header1.xml"/><Relationship Id="rId8" Type="${R}/footer" Target="footer1.xml"/></Relationships>`,
    ) +
    part(
      '/word/_rels/header1.xml.rels',
      RELS,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/image" Target="media/image1.png"/></Relationships>`,
    ) +
    part(
      '/word/header1.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
      `<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p>${run('INTESTAZIONE «Name»')}${picture('rId1')}</w:p></w:hdr>`,
    ) +
    part(
      '/word/footer1.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
      `<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p>${run('PIE DI PAGINA ')}${complexField('City')}</w:p></w:ftr>`,
    ) +
    `<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png"><pkg:binaryData>${PNG}</pkg:binaryData></pkg:part>` +
    part(
      '/word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:footerReference w:type="default" r:id="rId8"/><w:type w:val="continuous"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="360" w:footer="360" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    ) +
    '</pkg:package>'
  );
}

export const resolve = fieldResolver([
  { key: 'contact.name', caption: 'Name', names: ['Name', 'Nome'] },
  { key: 'contact.city', caption: 'City', names: ['City', 'Città'] },
]);

/** 4 lines: ENU lines get a letter without header (A4 portrait), ITA lines the letter with its layout. */
export function mixed() {
  const src = makeSource(
    4,
    letterPackage(`<w:p>${run('Dear ')}${fieldControl('contact.name')}${run(', English letter.')}</w:p>`),
  );
  src.header.letters.ITA = {
    subject: 'Offerta',
    ooxml: letterWithLayout(`<w:p>${run('Caro ')}${fieldControl('contact.name')}${run(', lettera italiana.')}</w:p>`),
  };
  const rr = new LetterRenderer(src);
  return { src, letters: src.lines.map((l) => rr.render(l)!) };
}
