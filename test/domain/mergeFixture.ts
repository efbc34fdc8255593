// Builders for merge tests and the benchmark: a segment with N lines, its contacts, and a letter of
// about 8 KB of OOXML with 20 merge fields, shaped like what Word's getOoxml returns.
import type { Salesperson } from '../../src/domain/codes';
import type { Contact } from '../../src/domain/contact';
import { makeContact } from '../builders';
import { sdtElement } from '../../src/domain/mergeOoxml';
import type { MergeSource } from '../../src/domain/mergeRender';
import type { SegmentHeader, SegmentLine } from '../../src/domain/segment';

const base = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };

export function makeHeader(patch: Partial<SegmentHeader> = {}): SegmentHeader {
  return {
    ...base,
    id: 'seg1',
    no: 'SEG00001',
    description: 'Autumn offer',
    salespersonCode: 'JR',
    date: '2026-11-29',
    campaignNo: 'CP0001',
    campaignTarget: false,
    campaignResponse: false,
    interactionTemplateCode: 'LETTER',
    interactionGroupCode: 'LETTERS',
    languageCodeDefault: 'ENU',
    subjectDefault: 'Our autumn offer',
    correspondenceTypeDefault: 'Hard Copy',
    ignoreContactCorresType: false,
    informationFlow: 'Outbound',
    initiatedBy: 'Us',
    unitCost: 1.25,
    unitDuration: 2,
    sendWordDocsAsAttmt: false,
    letters: {},
    noOfLines: 0,
    noOfCriteriaActions: 0,
    cost: 0,
    duration: 0,
    ...patch,
  };
}

export function makeLine(i: number, contact: Contact, patch: Partial<SegmentLine> = {}): SegmentLine {
  return {
    ...base,
    id: `l${i}`,
    segmentId: 'seg1',
    segmentNo: 'SEG00001',
    lineNo: (i + 1) * 10000,
    contactNo: contact.no,
    contactCompanyNo: '',
    description: 'Autumn offer',
    salespersonCode: 'JR',
    interactionTemplateCode: 'LETTER',
    interactionGroupCode: 'LETTERS',
    correspondenceType: 'Hard Copy',
    languageCode: contact.languageCode,
    subject: 'Our autumn offer',
    cost: 1.25,
    duration: 2,
    date: '2026-11-29',
    campaignNo: 'CP0001',
    campaignTarget: false,
    campaignResponse: false,
    informationFlow: 'Outbound',
    initiatedBy: 'Us',
    evaluation: '',
    attemptFailed: false,
    comment: `Remember the discount, ${contact.name}.`,
    ...patch,
  };
}

export const salesperson: Salesperson = {
  ...base,
  id: 'sp',
  code: 'JR',
  name: 'Jo Rossi',
  jobTitle: 'Sales',
  email: 'jo@example.com',
  phoneNo: '+39 02 1',
};

/** 20 fields: 12 of the contact, 3 of the salesperson, 3 of the interaction, the comment, one extra. */
export const twentyFields = [
  'contact.name',
  'contact.companyName',
  'contact.jobTitle',
  'contact.address',
  'contact.address2',
  'contact.postCode',
  'contact.city',
  'contact.countryRegionCode',
  'contact.email',
  'contact.phoneNo',
  'contact.no',
  'contact.salutationCode',
  'salesperson.name',
  'salesperson.email',
  'salesperson.phoneNo',
  'interaction.date',
  'interaction.subject',
  'interaction.cost',
  'comment',
  'extra.Region',
];

const rPr = '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr>';

export function fieldControl(key: string): string {
  return sdtElement(key, key, `<w:r>${rPr}<w:t>«${key}»</w:t></w:r>`, rPr);
}

/** Body XML: paragraphs of text, one field per paragraph, padded so that a rendered letter is about `targetBytes`. */
export function letterBody(fields: string[], targetBytes = 8000): string {
  // A rendered field is one run of about 130 bytes instead of its content control.
  const renderedSaving = fields.reduce((n, k) => n + fieldControl(k).length - 130, 0);
  const paras = fields.map(
    (k, i) =>
      `<w:p w14:paraId="1A2B3C${String(i).padStart(2, '0')}"><w:pPr><w:spacing w:after="120"/></w:pPr><w:r>${rPr}<w:t xml:space="preserve">Line ${i + 1}: </w:t></w:r>${fieldControl(k)}</w:p>`,
  );
  let body = paras.join('');
  let n = 0;
  while (body.length - renderedSaving < targetBytes) {
    body += `<w:p><w:r>${rPr}<w:t xml:space="preserve">We are pleased to offer you our autumn range, paragraph ${++n}.</w:t></w:r></w:p>`;
  }
  return body;
}

const STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** A flat OPC package like Word's getOoxml: relationships, the document and its styles. */
export function letterPackage(body: string): string {
  return (
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body>' +
    body +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document></pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>' +
    STYLES +
    '</pkg:xmlData></pkg:part></pkg:package>'
  );
}

/** A merge source of `n` lines over one letter with `fields`, every line with a comment. */
export function makeSource(
  n: number,
  letter = letterPackage(letterBody(twentyFields)),
  patch: Partial<MergeSource> = {},
): MergeSource {
  const contacts = Array.from({ length: n }, (_, i) => makeContact(i));
  const lines = contacts.map((c, i) => makeLine(i, c));
  return {
    header: makeHeader({ letters: { ENU: { subject: 'Our autumn offer', ooxml: letter } }, noOfLines: n }),
    lines,
    contacts: new Map(contacts.map((c) => [c.no, c])),
    salespeople: new Map([['JR', salesperson]]),
    templates: new Map(),
    locales: new Map([
      ['ENU', 'en-GB'],
      ['ITA', 'it-IT'],
    ]),
    fallbackLocale: 'en-US',
    documentLanguageCode: 'ENU',
    ...patch,
  };
}
