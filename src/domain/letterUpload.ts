// A letter uploaded as a .docx (outside Word): checked, turned into the add-in's form (the flat OPC
// package Word's getOoxml gives), and its merge fields converted as in Word, in its body, headers and
// footers: «Field» text, MERGEFIELD fields and the add-in's own field content controls. Fields that
// match nothing are listed. Every refusal is an INVALID_INPUT naming the file and the problem (details.code for the pane's message).
import { strFromU8, unzipSync } from 'fflate';
import { bytesToBase64 } from './docx';
import { SegmentsError } from './errors';
import { convertLegacyFields, type FieldResolver, type LegacyField } from './mergeConvert';
import { buildFlatOpc, DOCUMENT_PART, findSdts, parseLetter, type OpcPart } from './mergeOoxml';
import { headerFooterParts, PART_ROOT } from './mergeParts';
import { isEmptyLetter, isFieldTag } from './mergeRender';

/** The largest letter accepted: 50 MB. */
export const MAX_LETTER_BYTES = 50 * 1024 * 1024;

export type LetterUploadProblem =
  | 'letterTooLarge'
  | 'letterEmptyFile'
  | 'letterEncrypted'
  | 'letterOldWord'
  | 'letterNotWord'
  | 'letterCorrupt'
  | 'letterNoText';

export interface UploadedField {
  kind: LegacyField['kind'] | 'control';
  /** The name as the document spells it (a control: its tag). */
  name: string;
  /** Our field it became; absent when it matches none (it stays in the letter as it was). */
  key?: string;
}

export interface UploadedLetter {
  /** The letter in the add-in's form: a flat OPC package with merge-field content controls. */
  ooxml: string;
  fields: UploadedField[];
  /** Fields that match no field of ours, each once. */
  unconvertible: UploadedField[];
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Whether an OLE compound file holds an encrypted OOXML package (its "EncryptionInfo" stream). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const utf16 = Array.from(name).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + utf16.length <= bytes.length; i++) {
    for (let k = 0; k < utf16.length; k++) if (bytes[i + k] !== utf16[k]) continue outer;
    return true;
  }
  return false;
}

function refuse(
  file: string,
  code: LetterUploadProblem,
  message: string,
  extra: Record<string, string | number> = {},
): never {
  throw new SegmentsError('INVALID_INPUT', `${file}: ${message}`, {
    field: 'letter',
    code,
    file,
    params: { file, ...extra },
  });
}

function contentTypes(xml: string): { defaults: Map<string, string>; overrides: Map<string, string> } {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<Default\b[^>]*\bExtension="([^"]+)"[^>]*\bContentType="([^"]+)"/g))
    defaults.set(m[1].toLowerCase(), m[2]);
  for (const m of xml.matchAll(/<Override\b[^>]*\bPartName="([^"]+)"[^>]*\bContentType="([^"]+)"/g))
    overrides.set(m[1], m[2]);
  return { defaults, overrides };
}

/** The flat OPC package of a .docx's parts (the form Word's getOoxml gives). */
function flatPackage(file: string, files: Record<string, Uint8Array>): string {
  const typesXml = files['[Content_Types].xml'];
  if (!typesXml) refuse(file, 'letterCorrupt', 'the file is damaged: it has no [Content_Types].xml');
  const types = contentTypes(strFromU8(typesXml));
  const parts: OpcPart[] = [];
  let documentXml: string | undefined;
  for (const [path, data] of Object.entries(files)) {
    if (path === '[Content_Types].xml' || path.endsWith('/')) continue;
    const name = `/${path}`;
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const contentType = types.overrides.get(name) ?? types.defaults.get(ext) ?? 'application/octet-stream';
    const isXml = ext === 'xml' || ext === 'rels' || contentType.endsWith('+xml') || contentType === 'application/xml';
    if (name === DOCUMENT_PART) {
      documentXml = strFromU8(data);
      continue;
    }
    parts.push(
      isXml
        ? { name, contentType, xml: strFromU8(data).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '') }
        : { name, contentType, base64: bytesToBase64(data) },
    );
  }
  if (documentXml === undefined)
    refuse(file, 'letterNotWord', 'this is not a Word document (it has no word/document.xml)');
  let letter: string;
  try {
    const doc = parseLetter(documentXml.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, ''));
    letter = buildFlatOpc({ documentOpen: doc.documentOpen, sectPr: doc.sectPr, parts }, doc.body);
  } catch (e) {
    if (e instanceof SegmentsError)
      refuse(file, 'letterCorrupt', 'the file is damaged: its main document cannot be read');
    throw e;
  }
  return letter;
}

/**
 * Reads an uploaded .docx (`bytes`, named `file` for messages) into a letter of the add-in. Refuses,
 * naming the file: over 50 MB, empty, password-protected, an old Word 97-2003 .doc, not a Word file,
 * damaged, or a document without any text. Merge fields are converted by `resolve` (names in English, Italian, keys, extra headers).
 */
export function letterFromDocx(bytes: Uint8Array, file: string, resolve: FieldResolver): UploadedLetter {
  if (bytes.length > MAX_LETTER_BYTES) {
    refuse(
      file,
      'letterTooLarge',
      `the file is ${Math.ceil(bytes.length / 1024 / 1024)} MB; a letter can be at most 50 MB`,
      { size: bytes.length, max: MAX_LETTER_BYTES },
    );
  }
  if (bytes.length === 0) refuse(file, 'letterEmptyFile', 'the file is empty');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (isEncryptedPackage(bytes))
      refuse(
        file,
        'letterEncrypted',
        'the document is protected by a password; remove the password in Word and upload it again',
      );
    refuse(
      file,
      'letterOldWord',
      'this is a Word 97-2003 document (.doc); save it as a Word document (.docx) and upload it again',
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) refuse(file, 'letterNotWord', 'this is not a Word document (.docx)');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return refuse(file, 'letterCorrupt', 'the file is damaged and cannot be opened');
  }
  if (!files['word/document.xml']) {
    const what = files['xl/workbook.xml']
      ? 'an Excel workbook'
      : files['ppt/presentation.xml']
        ? 'a PowerPoint presentation'
        : 'not a Word document';
    refuse(file, 'letterNotWord', `this is ${what}, not a Word document (.docx)`, { kind: what });
  }
  const flat = flatPackage(file, files);
  // A document with no text, field, picture or table would replace a letter with a blank page.
  if (isEmptyLetter(flat))
    refuse(file, 'letterNoText', 'the document has no text; write the letter and upload it again');

  let ooxml: string;
  let fields: UploadedField[];
  try {
    ({ ooxml, fields } = convertLetter(flat, resolve));
  } catch (e) {
    if (e instanceof SegmentsError)
      refuse(file, 'letterCorrupt', 'the file is damaged: its main document cannot be read');
    throw e;
  }
  const seen = new Set<string>();
  const unconvertible = fields.filter((f) => {
    if (f.key) return false;
    const k = `${f.kind}:${f.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { ooxml, fields, unconvertible };
}

/** The add-in's field controls already in `xml` (kept as they are), then its Word fields converted. */
function convertPart(xml: string, resolve: FieldResolver): { xml: string; fields: UploadedField[] } {
  const controls = findSdts(parseLetter(xml).body)
    .filter((s) => isFieldTag(s.tag))
    .map((s) => ({ kind: 'control' as const, name: s.tag, key: s.tag }));
  const converted = convertLegacyFields(xml, resolve);
  return { xml: converted.ooxml, fields: [...controls, ...converted.fields] };
}

/**
 * The letter's fields converted in its body and in its headers and footers (a header's «Name» is as
 * much the letter's as the body's), listed in that order.
 */
function convertLetter(flat: string, resolve: FieldResolver): { ooxml: string; fields: UploadedField[] } {
  const body = convertPart(flat, resolve);
  const pkg = parseLetter(body.xml);
  const fields = [...body.fields];
  const own = new Set(headerFooterParts(pkg).map((p) => p.name));
  const parts = pkg.parts.map((p) => {
    const m = p.xml !== undefined && own.has(p.name) ? PART_ROOT.exec(p.xml) : null;
    if (!m) return p;
    const part = convertPart(m[3], resolve);
    fields.push(...part.fields);
    return part.xml === m[3] ? p : { ...p, xml: `${m[1]}${part.xml}${m[4]}` };
  });
  return { ooxml: buildFlatOpc({ ...pkg, parts }, pkg.body), fields };
}
