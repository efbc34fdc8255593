// A .docx letter uploaded outside Word: the three kinds of fields converted, unknown ones listed, and
// clear refusals for files that are not a usable Word letter. The .docx files are built here with fflate.
import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';
import { letterDocx } from '../../src/domain/docx';
import { SegmentsError } from '../../src/domain/errors';
import { letterFromDocx, MAX_LETTER_BYTES } from '../../src/domain/letterUpload';
import { fieldResolver } from '../../src/domain/mergeConvert';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { compileLetter, renderLetter, type CompiledLetter } from '../../src/domain/mergeRender';
import { makeContact } from '../builders';
import { makeHeader, makeLine } from './mergeFixture';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const resolve = fieldResolver([
  { key: 'contact.name', caption: 'Name', names: ['Name', 'Nome'] },
  { key: 'contact.city', caption: 'City', names: ['City', 'Città'] },
  { key: 'contact.companyName', caption: 'Company Name', names: ['Company Name', 'Nome società'] },
]);

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>',
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
    ),
    'word/media/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  };
  return zipSync(files);
}

const guillemets = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Gentile «Nome», </w:t></w:r></w:p>';
const simpleField =
  '<w:p><w:fldSimple w:instr=" MERGEFIELD City \\* MERGEFORMAT "><w:r><w:t>«City»</w:t></w:r></w:fldSimple></w:p>';
const complexField =
  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD "Company Name" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«Company Name»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
const ownControl =
  '<w:p><w:sdt><w:sdtPr><w:alias w:val="Salesperson"/><w:tag w:val="salesperson.name"/></w:sdtPr><w:sdtContent><w:r><w:t>«Salesperson»</w:t></w:r></w:sdtContent></w:sdt></w:p>';
const unknownField =
  '<w:p><w:fldSimple w:instr=" MERGEFIELD ShoeSize "><w:r><w:t>«ShoeSize»</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> and «Hobby»</w:t></w:r></w:p>';

function refusal(run: () => unknown): SegmentsError {
  try {
    run();
  } catch (e) {
    if (e instanceof SegmentsError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('a .docx letter becomes a letter of the add-in', () => {
  const up = letterFromDocx(
    docx(guillemets + simpleField + complexField + ownControl + unknownField),
    'Invito.docx',
    resolve,
  );

  test('«Field» text, MERGEFIELD (simple and complex) and our own controls become merge-field controls', () => {
    // Listed kind by kind: our controls, simple fields, complex fields, then «Field» text.
    expect(compileLetter(up.ooxml).keys).toEqual([
      'contact.name',
      'contact.city',
      'contact.companyName',
      'salesperson.name',
    ]);
    expect(up.fields.map((f) => [f.kind, f.name, f.key])).toEqual([
      ['control', 'salesperson.name', 'salesperson.name'],
      ['MERGEFIELD', 'City', 'contact.city'],
      ['MERGEFIELD', 'ShoeSize', undefined],
      ['MERGEFIELD', 'Company Name', 'contact.companyName'],
      ['text', 'Nome', 'contact.name'],
      ['text', 'Hobby', undefined],
    ]);
  });

  test('unconvertible fields are listed once each and stay in the letter as they were', () => {
    expect(up.unconvertible.map((f) => [f.kind, f.name])).toEqual([
      ['MERGEFIELD', 'ShoeSize'],
      ['text', 'Hobby'],
    ]);
    expect(ooxmlToText(parseLetter(up.ooxml).body)).toContain('«Hobby»');
  });

  test('the package keeps styles, pictures and page size, and downloads again as a .docx', () => {
    const pkg = parseLetter(up.ooxml);
    expect(pkg.sectPr).toContain('w:w="11906"');
    expect(pkg.parts.find((p) => p.name === '/word/styles.xml')?.xml).toContain('w:styleId="Normal"');
    expect(pkg.parts.find((p) => p.name === '/word/media/logo.png')).toMatchObject({
      contentType: 'image/png',
      base64: 'iVBORwECAw==',
    });
    const again = unzipSync(letterDocx(up.ooxml));
    expect(strFromU8(again['word/document.xml'])).toContain('<w:tag w:val="contact.name"/>');
    expect(again['word/media/logo.png']).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  });
});

describe('files that are not a usable letter are refused, naming the file and the problem', () => {
  test.each<[string, () => Uint8Array, string]>([
    ['empty', () => new Uint8Array(0), 'letterEmptyFile'],
    ['plain text', () => strToU8('Dear customer, …'), 'letterNotWord'],
    [
      'damaged zip',
      () => {
        const d = docx(guillemets);
        return d.slice(0, Math.floor(d.length / 2));
      },
      'letterCorrupt',
    ],
    [
      'an Excel workbook',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }),
      'letterNotWord',
    ],
    [
      'a package with a broken main document',
      () => docx('<w:p><w:sdt><w:sdtContent><w:r><w:t>x</w:t></w:r></w:sdtContent></w:p>'),
      'letterCorrupt',
    ],
    [
      'password-protected (encrypted OLE container)',
      () => {
        const b = new Uint8Array(4096);
        b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        b.set(
          Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]),
          1024,
        );
        return b;
      },
      'letterEncrypted',
    ],
    [
      'a Word 97-2003 .doc',
      () => {
        const b = new Uint8Array(4096);
        b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        return b;
      },
      'letterOldWord',
    ],
    ['a document without any text (an empty page)', () => docx('<w:p/>'), 'letterNoText'],
    [
      'only blank paragraphs',
      () => docx('<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:p/>'),
      'letterNoText',
    ],
  ])('%s', (_what, make, code) => {
    const e = refusal(() => letterFromDocx(make(), 'Lettera.docx', resolve));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ code, file: 'Lettera.docx', field: 'letter' });
    expect(e.message).toMatch(/^Lettera\.docx: /);
  });

  test('over 50 MB is refused before it is read', () => {
    const big = new Uint8Array(MAX_LETTER_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const e = refusal(() => letterFromDocx(big, 'Huge.docx', resolve));
    expect(e.details).toMatchObject({ code: 'letterTooLarge', params: { file: 'Huge.docx', max: MAX_LETTER_BYTES } });
    expect(e.message).toContain('at most 50 MB');
  });
});

describe('a «Field» split over several runs', () => {
  const text = (up: { ooxml: string }) => ooxmlToText(parseLetter(up.ooxml).body);

  test('is merged when Word split it over runs: the field takes the formatting of the run where it starts', () => {
    const up = letterFromDocx(
      docx(
        '<w:p><w:r><w:t xml:space="preserve">Split: «Na</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>me»</w:t></w:r><w:r><w:t xml:space="preserve"> end</w:t></w:r></w:p>' +
          '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>«</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>City</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t>» and «Hob</w:t></w:r><w:r><w:t>by»</w:t></w:r></w:p>',
      ),
      'Split.docx',
      resolve,
    );
    expect(up.fields.map((f) => [f.kind, f.name, f.key])).toEqual([
      ['text', 'Name', 'contact.name'],
      ['text', 'City', 'contact.city'],
      ['text', 'Hobby', undefined],
    ]);
    expect(compileLetter(up.ooxml).keys).toEqual(['contact.name', 'contact.city']);
    expect(text(up)).toBe('Split: «Name» end\n«City» and «Hobby»\n');
    const body = parseLetter(up.ooxml).body;
    // «Name» started in the plain run, «City» in the italic one
    expect(
      /<w:tag w:val="contact.name"\/><\/w:sdtPr><w:sdtContent><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?/.exec(body)?.[1],
    ).toBeUndefined();
    expect(/<w:tag w:val="contact.city"\/><\/w:sdtPr><w:sdtContent><w:r><w:rPr><w:i\/><\/w:rPr>/.test(body)).toBe(true);
    expect(up.unconvertible.map((f) => f.name)).toEqual(['Hobby']);
  });

  test('text runs without a field are left exactly as they were', () => {
    const plain =
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Dear</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> friend «</w:t></w:r></w:p>';
    expect(parseLetter(letterFromDocx(docx(plain), 'Plain.docx', resolve).ooxml).body).toBe(plain);
  });
});

describe("Word's format switches on MERGEFIELD", () => {
  test.each([
    ['Upper', 'FORLÌ DEL SANNIO'],
    ['Lower', 'forlì del sannio'],
    ['FirstCap', 'Forlì del sannio'],
    ['Caps', 'Forlì Del Sannio'],
  ])('\\* %s is kept on the field and applied to its value', (sw, expected) => {
    const up = letterFromDocx(
      docx(
        `<w:p><w:fldSimple w:instr=" MERGEFIELD City \\* ${sw} \\* MERGEFORMAT "><w:r><w:t>«City»</w:t></w:r></w:fldSimple></w:p>`,
      ),
      'Upper.docx',
      resolve,
    );
    const compiled = compileLetter(up.ooxml);
    expect(compiled.keys).toEqual(['contact.city']);
    expect(formatField('forlì del sannio', compiled)).toBe(expected);
  });
});

/** The letter's text for a contact whose City is `city`. */
function formatField(city: string, compiled: CompiledLetter): string {
  const contact = makeContact(0, { city });
  const line = makeLine(0, contact);
  return ooxmlToText(
    renderLetter(
      compiled,
      { header: makeHeader(), line, contact, salesperson: undefined, template: undefined },
      'it-IT',
    ).body,
  ).trim();
}
