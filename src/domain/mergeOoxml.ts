// Word's OOXML as the merge handles it: the flat OPC package that `getOoxml` returns and `insertOoxml`
// takes (`<pkg:package>` with `<pkg:part>`s), the body of its main document, content controls
// (`<w:sdt>`) found by tag, and the plain text of body XML. String scanning over Word's own output:
// fast enough for thousands of letters, and pure.
import { SegmentsError } from './errors';
import { escapeXml, unescapeXml } from './mergeText';

export const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const DOCUMENT_PART = '/word/document.xml';
export const DOCUMENT_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

export interface OpcPart {
  /** The part name, e.g. `/word/styles.xml`. */
  name: string;
  contentType: string;
  /** XML parts: the part's XML. */
  xml?: string;
  /** Binary parts (images): base64. */
  base64?: string;
}

/** A letter: its body XML (without the final `<w:sectPr>`) and what surrounds it in its package. */
export interface LetterPackage {
  /** `<w:document …><w:body>`: keeps the namespace declarations of the source. */
  documentOpen: string;
  body: string;
  /** The body's final section properties (page size, margins), or ''. */
  sectPr: string;
  /** Every part but the main document (relationships, styles, numbering, images…). */
  parts: OpcPart[];
}

const DEFAULT_DOCUMENT_OPEN =
  `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>';

const ROOT_RELS: OpcPart = {
  name: '/_rels/.rels',
  contentType: RELS_CONTENT_TYPE,
  xml: `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC_REL}" Target="word/document.xml"/></Relationships>`,
};

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

/** The parts of a flat OPC package. Throws INVALID_INPUT when `ooxml` is not one. */
export function parseFlatOpc(ooxml: string): OpcPart[] {
  if (!/<pkg:package\b/.test(ooxml))
    throw new SegmentsError('INVALID_INPUT', 'the letter is not a Word OOXML package (no <pkg:package>)', {
      field: 'letter',
    });
  const parts: OpcPart[] = [];
  const re = /<pkg:part\b([^>]*)>([\s\S]*?)<\/pkg:part>/g;
  for (let m = re.exec(ooxml); m; m = re.exec(ooxml)) {
    const name = attr(m[1], 'pkg:name');
    if (!name)
      throw new SegmentsError('INVALID_INPUT', `a package part at offset ${m.index} has no pkg:name`, {
        field: 'letter',
        position: m.index,
      });
    const contentType = attr(m[1], 'pkg:contentType') ?? '';
    const xml = /<pkg:xmlData>([\s\S]*)<\/pkg:xmlData>/.exec(m[2]);
    const bin = /<pkg:binaryData>([\s\S]*)<\/pkg:binaryData>/.exec(m[2]);
    parts.push(
      xml
        ? { name, contentType, xml: xml[1].trim() }
        : { name, contentType, base64: (bin?.[1] ?? '').replace(/\s+/g, '') },
    );
  }
  return parts;
}

/**
 * A letter from what Word gave (a flat OPC package) or from bare body XML (`<w:p>…</w:p>…`, e.g. a
 * letter typed in a test or an imported template). Throws INVALID_INPUT naming what is wrong.
 */
export function parseLetter(ooxml: string): LetterPackage {
  const src = ooxml.replace(/^\uFEFF/, '').trim();
  if (!/<pkg:package\b/.test(src)) {
    if (/<w:document\b/.test(src)) return splitDocument(src, [ROOT_RELS]);
    return { documentOpen: DEFAULT_DOCUMENT_OPEN, body: src, sectPr: '', parts: [ROOT_RELS] };
  }
  const parts = parseFlatOpc(src);
  const doc = parts.find((p) => p.name === DOCUMENT_PART);
  if (!doc?.xml)
    throw new SegmentsError('INVALID_INPUT', `the letter's package has no ${DOCUMENT_PART} part`, { field: 'letter' });
  return splitDocument(
    doc.xml,
    parts.filter((p) => p !== doc),
  );
}

function splitDocument(xml: string, parts: OpcPart[]): LetterPackage {
  const open = /<w:document\b[^>]*>[\s\S]*?<w:body>/.exec(xml);
  const close = xml.lastIndexOf('</w:body>');
  if (!open || close < 0)
    throw new SegmentsError('INVALID_INPUT', "the letter's main document has no <w:body>", { field: 'letter' });
  let body = xml.slice(open.index + open[0].length, close);
  let sectPr = '';
  const s = body.lastIndexOf('<w:sectPr');
  // The body's own section properties are its last child (a paragraph's sectPr sits inside <w:pPr>).
  if (s >= 0 && body.slice(s).trimEnd().endsWith('</w:sectPr>') && !body.slice(s).includes('</w:p>')) {
    sectPr = body.slice(s).trim();
    body = body.slice(0, s);
  }
  return { documentOpen: open[0], body, sectPr, parts };
}

/** The flat OPC text of a package whose main document holds `body`. */
export function buildFlatOpc(pkg: Pick<LetterPackage, 'documentOpen' | 'sectPr' | 'parts'>, body: string): string {
  const parts: OpcPart[] = [
    ...(pkg.parts.some((p) => p.name === '/_rels/.rels') ? [] : [ROOT_RELS]),
    ...pkg.parts,
    {
      name: DOCUMENT_PART,
      contentType: DOCUMENT_CONTENT_TYPE,
      xml: `${pkg.documentOpen}${body}${pkg.sectPr}</w:body></w:document>`,
    },
  ];
  let out = `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="${PKG_NS}">`;
  for (const p of parts) {
    out += `<pkg:part pkg:name="${escapeXml(p.name)}" pkg:contentType="${escapeXml(p.contentType)}">`;
    out +=
      p.xml !== undefined
        ? `<pkg:xmlData>${p.xml}</pkg:xmlData>`
        : `<pkg:binaryData>${p.base64 ?? ''}</pkg:binaryData>`;
    out += '</pkg:part>';
  }
  return `${out}</pkg:package>`;
}

/** A content control found in body XML. Offsets are into the scanned string. */
export interface SdtSpan {
  start: number;
  end: number;
  tag: string;
  /** The `<w:sdtPr>` element. */
  sdtPr: string;
  /** The XML inside `<w:sdtContent>`, and where it starts and ends in the scanned string. */
  content: string;
  contentStart: number;
  contentEnd: number;
}

const SDT_TOKEN = /<w:sdt(?=[\s>])[^>]*>|<\/w:sdt>/g;

/** The outermost content controls of `xml`, in document order (nested ones are inside `content`). */
export function findSdts(xml: string): SdtSpan[] {
  const out: SdtSpan[] = [];
  let depth = 0;
  let start = -1;
  SDT_TOKEN.lastIndex = 0;
  for (let m = SDT_TOKEN.exec(xml); m; m = SDT_TOKEN.exec(xml)) {
    if (m[0] !== '</w:sdt>') {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) {
      const end = m.index + m[0].length;
      out.push(describeSdt(xml.slice(start, end), start, end));
    }
  }
  if (depth !== 0)
    throw new SegmentsError('INVALID_INPUT', `a content control starting at offset ${start} is not closed`, {
      field: 'letter',
      position: start,
    });
  return out;
}

function describeSdt(el: string, start: number, end: number): SdtSpan {
  const pr = /<w:sdtPr>[\s\S]*?<\/w:sdtPr>|<w:sdtPr\/>/.exec(el);
  const sdtPr = pr ? pr[0] : '';
  const tag = /<w:tag\b[^>]*w:val="([^"]*)"/.exec(sdtPr);
  const cOpen = el.indexOf('<w:sdtContent>');
  const cClose = el.lastIndexOf('</w:sdtContent>');
  const has = cOpen >= 0 && cClose > cOpen;
  const cs = has ? cOpen + '<w:sdtContent>'.length : el.length;
  const ce = has ? cClose : el.length;
  return {
    start,
    end,
    tag: tag ? unescapeXml(tag[1]) : '',
    sdtPr,
    content: el.slice(cs, ce),
    contentStart: start + cs,
    contentEnd: start + ce,
  };
}

/** A content control element with the given tag, caption (alias) and content. */
export function sdtElement(tag: string, alias: string, content: string, rPr = ''): string {
  return `<w:sdt><w:sdtPr>${rPr}<w:alias w:val="${escapeXml(alias)}"/><w:tag w:val="${escapeXml(tag)}"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
}

const TEXT_TOKEN =
  /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b([^>]*)\/>|<w:tab\/>|<w:cr\/>|<\/w:p>|<w:p(?:\s[^>]*)?\/>|<w:(instrText|delText)\b[^>]*>[^<]*<\/w:\3>/g;

/** The text of body XML as a reader sees it: paragraphs end with `\n`, line breaks `\n`, page breaks `\f`. */
export function ooxmlToText(xml: string): string {
  let out = '';
  TEXT_TOKEN.lastIndex = 0;
  for (let m = TEXT_TOKEN.exec(xml); m; m = TEXT_TOKEN.exec(xml)) {
    const tok = m[0];
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[3] !== undefined) continue;
    else if (tok.startsWith('<w:br')) out += /w:type="page"/.test(m[2] ?? '') ? '\f' : '\n';
    else if (tok === '<w:tab/>') out += '\t';
    else out += '\n';
  }
  return out;
}

/** The first `<w:rPr>` of the first run in `xml`, or ''. */
export function firstRunProperties(xml: string): string {
  const run = /<w:r(?:\s[^>]*)?>(\s*<w:rPr>[\s\S]*?<\/w:rPr>)?/.exec(xml);
  return run?.[1]?.trim() ?? '';
}
