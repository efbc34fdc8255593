// Letter rendering: a letter's OOXML with merge-field content controls + one segment line's values →
// that contact's letter (body XML wrapped in a content control tagged with the segment and line), its
// dates and numbers in the language of the letter used, its headers and footers filled too. A letter is
// compiled once (its fields found, in its body, headers and footers) and rendered for every line.
import type { Salesperson } from './codes';
import type { Contact } from './contact';
import type { InteractionTemplate, Letters } from './interaction';
import { convertLegacyFields, type FieldResolver, type LegacyField } from './mergeConvert';
import { isKnownFieldKey, readMergeValue, type MergeRecord } from './mergeFields';
import { findSdts, firstRunProperties, ooxmlToText, parseLetter, sdtElement, type LetterPackage } from './mergeOoxml';
import { headerFooterParts, PART_ROOT } from './mergeParts';
import { caseFormatOf, isFieldTag, type CaseFormat } from './mergeTags';
import { formatMergeValue, normaliseMergeText, safeLocale, textRun, unescapeXml, type DroppedChar } from './mergeText';
import type { SegmentHeader, SegmentLine } from './segment';

export { CASE_FORMATS, caseFormatOf, isFieldTag, type CaseFormat } from './mergeTags';

export const LETTER_TAG_PREFIX = 'bcsegment:';

/** The tag of a merged letter's content control: the segment and the line. */
export function letterTag(segmentNo: string, lineNo: number): string {
  return `${LETTER_TAG_PREFIX}${segmentNo}:${lineNo}`;
}

export function parseLetterTag(tag: string): { segmentNo: string; lineNo: number } | undefined {
  const m = /^bcsegment:(.*):(\d+)$/.exec(tag);
  return m ? { segmentNo: m[1], lineNo: Number(m[2]) } : undefined;
}

interface Hole {
  key: string;
  rPr: string;
  /** A field control that holds paragraphs (block level), rendered as a paragraph. */
  block: boolean;
  pPr: string;
  /** Word's case switch, kept on the control's caption (`City \* Upper`). */
  format?: CaseFormat;
}

/** A header or footer of a letter that holds merge fields: filled for each line like the body. */
export interface CompiledPart {
  /** The part's name in the letter's package, e.g. `/word/header1.xml`. */
  name: string;
  /** The part's XML up to its root's content, and from its root's end tag on. */
  open: string;
  close: string;
  pieces: (string | Hole)[];
}

export interface CompiledLetter {
  pkg: LetterPackage;
  pieces: (string | Hole)[];
  /** The field keys the letter uses (its body's, then its headers' and footers'), each once, in document order. */
  keys: string[];
  /** The headers and footers that hold merge fields. */
  parts: CompiledPart[];
  /**
   * Word mail-merge fields («Name», MERGEFIELD) the merge leaves as they are: every one in the body (converted
   * only when the user converts the document or uploads it), and in headers and footers the ones that match
   * no field.
   */
  legacy: LegacyField[];
}

const noField: FieldResolver = () => undefined;

/** The pieces of body-like XML (a body, a header's content): text, and holes where its field controls are. */
function compilePieces(xml: string, keys: string[]): (string | Hole)[] {
  const pieces: (string | Hole)[] = [];
  const walk = (xml: string) => {
    let at = 0;
    for (const sdt of findSdts(xml)) {
      if (isFieldTag(sdt.tag)) {
        pieces.push(xml.slice(at, sdt.start));
        const block = /<w:p[\s>]/.test(sdt.content);
        const pPr = block ? (/<w:p(?:\s[^>]*)?>\s*(<w:pPr>[\s\S]*?<\/w:pPr>)?/.exec(sdt.content)?.[1] ?? '') : '';
        const alias = /<w:alias\b[^>]*w:val="([^"]*)"/.exec(sdt.sdtPr)?.[1];
        const format = alias ? caseFormatOf(unescapeXml(alias)) : undefined;
        pieces.push({ key: sdt.tag, rPr: firstRunProperties(sdt.content), block, pPr, ...(format ? { format } : {}) });
        if (!keys.includes(sdt.tag)) keys.push(sdt.tag);
      } else {
        // Another content control (the user's own): keep it, and look for fields inside it.
        pieces.push(xml.slice(at, sdt.contentStart));
        walk(sdt.content);
        pieces.push(xml.slice(sdt.contentEnd, sdt.end));
      }
      at = sdt.end;
    }
    pieces.push(xml.slice(at));
  };
  walk(xml);
  return pieces.filter((p) => p !== '');
}

/**
 * Finds the letter's merge fields once: in its body and in its headers and footers. `resolve` names the
 * fields «Name» and MERGEFIELDs of headers and footers answer to: they are filled like the add-in's field
 * controls, as Word's own mail merge fills them. Throws INVALID_INPUT when the OOXML cannot be read.
 */
export function compileLetter(ooxml: string, resolve?: FieldResolver): CompiledLetter {
  const pkg = parseLetter(ooxml);
  const keys: string[] = [];
  const pieces = compilePieces(pkg.body, keys);
  // The body's Word fields print as they are, matched or not (the add-in's field controls are not among them).
  const legacy = convertLegacyFields(pkg.body, resolve ?? noField).fields.map(({ kind, name, key }) =>
    key ? { kind, name, key } : { kind, name },
  );
  const parts: CompiledPart[] = [];
  for (const part of headerFooterParts(pkg)) {
    const m = PART_ROOT.exec(part.xml);
    if (!m) continue;
    const converted = convertLegacyFields(m[3], resolve ?? noField);
    legacy.push(...converted.fields.filter((f) => !f.key));
    const own = compilePieces(converted.ooxml, keys);
    if (own.some((p) => typeof p !== 'string')) parts.push({ name: part.name, open: m[1], close: m[4], pieces: own });
  }
  return { pkg, pieces, keys, parts, legacy };
}

export interface FieldDrop {
  key: string;
  chars: DroppedChar[];
}

export interface RenderedLetter {
  segmentNo: string;
  lineNo: number;
  contactNo: string;
  languageCode: string;
  locale: string;
  /** The tag of the letter's content control. */
  tag: string;
  /** The letter's body XML (what goes inside its content control). */
  body: string;
  /** Its headers and footers that hold merge fields, filled for the line (the others are the letter's as they are). */
  parts?: { name: string; xml: string }[];
  /** The compiled letter it came from (its package gives styles and other parts). */
  letter: CompiledLetter;
  /** The comment to attach to the letter ('' for none), normalised like a field value. */
  comment: string;
  /** Fields that came out blank. */
  blanks: string[];
  /** Fields that name nothing we know (rendered blank). */
  unknown: string[];
  /** Characters dropped from values because XML cannot hold them. */
  dropped: FieldDrop[];
  /** The letter's language code when the Language list gives it no locale: the letter used the workspace's. */
  languageFallback?: string;
}

/** A value in the case Word's switch asks for: `Upper`, `Lower`, `FirstCap` (first word), `Caps` (every word). */
export function applyCase(value: string, format: CaseFormat | undefined, locale: string): string {
  const up = (c: string) => c.toLocaleUpperCase(locale);
  switch (format) {
    case 'Upper':
      return value.toLocaleUpperCase(locale);
    case 'Lower':
      return value.toLocaleLowerCase(locale);
    case 'FirstCap':
      return value.replace(/^(\P{L}*)(\p{L})/u, (_m, before: string, c: string) => before + up(c));
    case 'Caps':
      return value.replace(/(^|[^\p{L}\p{M}\p{N}'’])(\p{L})/gu, (_m, before: string, c: string) => before + up(c));
    default:
      return value;
  }
}

/** Renders one line's letter. */
export function renderLetter(compiled: CompiledLetter, record: MergeRecord, locale: string): RenderedLetter {
  const blanks: string[] = [];
  const unknown: string[] = [];
  const dropped: FieldDrop[] = [];
  const values = new Map<string, string>();
  for (const key of compiled.keys) {
    const raw = readMergeValue(key, record);
    if (raw === undefined || !isKnownFieldKey(key)) unknown.push(key);
    const n = normaliseMergeText(formatMergeValue(raw, locale));
    if (n.dropped.length) dropped.push({ key, chars: n.dropped });
    if (n.text.trim() === '') blanks.push(key);
    values.set(key, n.text);
  }
  const fill = (pieces: (string | Hole)[]) => {
    let xml = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        xml += p;
        continue;
      }
      const value = applyCase(values.get(p.key) ?? '', p.format, locale);
      xml += p.block ? `<w:p>${p.pPr}${textRun(value, p.rPr)}</w:p>` : textRun(value, p.rPr);
    }
    return xml;
  };
  let body = fill(compiled.pieces);
  if (!/<w:(p|tbl)[\s>/]/.test(body)) body += '<w:p/>';
  // A header or footer must hold a paragraph too.
  const parts = compiled.parts.map((p) => {
    const content = fill(p.pieces);
    return {
      name: p.name,
      xml: `${p.open}${/<w:(p|tbl)[\s>/]/.test(content) ? content : `${content}<w:p/>`}${p.close}`,
    };
  });
  const comment = normaliseMergeText(record.line.comment ?? '').text;
  return {
    segmentNo: record.header.no,
    lineNo: record.line.lineNo,
    contactNo: record.line.contactNo,
    languageCode: record.line.languageCode,
    locale,
    tag: letterTag(record.header.no, record.line.lineNo),
    body,
    parts,
    letter: compiled,
    comment,
    blanks,
    unknown,
    dropped,
  };
}

/** The letter's content control, optionally anchoring comment `commentId` over the whole letter. */
export function wrapLetter(l: Pick<RenderedLetter, 'tag' | 'contactNo' | 'body'>, commentId?: number): string {
  let body = l.body;
  if (commentId !== undefined) {
    const first = /<w:p(?:\s[^>]*)?>(?:\s*<w:pPr>[\s\S]*?<\/w:pPr>)?/.exec(body);
    const last = body.lastIndexOf('</w:p>');
    const end = `<w:commentRangeEnd w:id="${commentId}"/><w:r><w:commentReference w:id="${commentId}"/></w:r>`;
    if (first && last > first.index) {
      const at = first.index + first[0].length;
      body = `${body.slice(0, at)}<w:commentRangeStart w:id="${commentId}"/>${body.slice(at, last)}${end}${body.slice(last)}`;
    } else {
      body = `<w:p><w:commentRangeStart w:id="${commentId}"/>${end}</w:p>${body}`;
    }
  }
  return sdtElement(l.tag, l.contactNo, body);
}

export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** Everything a merge of one segment reads, gathered by the caller from the workspace. */
export interface MergeSource {
  header: SegmentHeader;
  lines: SegmentLine[];
  contacts: Map<string, Contact>;
  salespeople: Map<string, Salesperson>;
  templates: Map<string, InteractionTemplate>;
  /** Language code → BCP 47 locale (the Language list). */
  locales: Map<string, string>;
  /** The locale for lines whose language has none (the workspace's). */
  fallbackLocale: string;
  /** The language code of the open document's letter (its key in the header's letters). */
  documentLanguageCode: string;
  /** Overrides the header's letter for `documentLanguageCode` (a preview before it is saved). */
  documentLetter?: string;
  /**
   * The fields «Name» and MERGEFIELDs answer to (captions in English and Italian, keys, extra headers): the
   * ones in a letter's headers and footers are filled with the line's values, as Word's mail merge does.
   */
  resolve?: FieldResolver;
}

/** True when a letter has neither text nor fields nor pictures nor tables: an empty document. */
export function isEmptyLetter(ooxml: string): boolean {
  if (!ooxml.trim()) return true;
  const body = parseLetter(ooxml).body;
  return ooxmlToText(body).trim() === '' && !/<w:(sdt|drawing|pict|object|tbl)[\s>]/.test(body);
}

/** The letter a line gets and the language it is written in (its dates and numbers follow that language). */
export interface ChosenLetter {
  ooxml: string;
  languageCode: string;
}

/**
 * Which letter a line gets: its own, else the segment's for its language, else the document's (or
 * the segment's letter for the document's language). Empty letters count as none.
 */
export function letterFor(
  line: SegmentLine,
  letters: Letters,
  documentLanguageCode: string,
  documentLetter?: string,
  usable: (ooxml: string | undefined) => boolean = (o) => o !== undefined && !isEmptyLetter(o),
): ChosenLetter | undefined {
  if (usable(line.letter)) return { ooxml: line.letter!, languageCode: line.languageCode };
  if (line.languageCode !== documentLanguageCode && usable(letters[line.languageCode]?.ooxml))
    return { ooxml: letters[line.languageCode].ooxml, languageCode: line.languageCode };
  for (const [ooxml, languageCode] of [
    [documentLetter, documentLanguageCode],
    [letters[documentLanguageCode]?.ooxml, documentLanguageCode],
    [letters['']?.ooxml, ''],
  ] as const)
    if (usable(ooxml)) return { ooxml: ooxml!, languageCode };
  return undefined;
}

/** Renders lines one by one with compiled letters cached (so a caller can work in chunks and yield). */
export class LetterRenderer {
  private readonly compiled = new Map<string, CompiledLetter>();
  private readonly empty = new Map<string, boolean>();
  constructor(private readonly src: MergeSource) {}

  private usable = (ooxml: string | undefined): boolean => {
    if (ooxml === undefined) return false;
    let e = this.empty.get(ooxml);
    if (e === undefined) this.empty.set(ooxml, (e = isEmptyLetter(ooxml)));
    return !e;
  };

  compile(ooxml: string): CompiledLetter {
    let c = this.compiled.get(ooxml);
    if (!c) this.compiled.set(ooxml, (c = compileLetter(ooxml, this.src.resolve)));
    return c;
  }

  /** The letters in use so far (for the check's "fields used"). */
  letters(): CompiledLetter[] {
    return [...this.compiled.values()];
  }

  /** The locale of a letter's language: the Language list's, else the workspace's. */
  localeOf(languageCode: string): string {
    return safeLocale(this.src.locales.get(languageCode) || this.src.fallbackLocale);
  }

  /** Whether a letter's language has no locale of its own (never silently: the check names it). */
  fallsBack(languageCode: string): boolean {
    return languageCode !== '' && !this.src.locales.get(languageCode);
  }

  /** `undefined` for a line without a contact or without any letter. */
  render(line: SegmentLine): RenderedLetter | undefined {
    if (!line.contactNo) return undefined;
    const chosen = letterFor(
      line,
      this.src.header.letters,
      this.src.documentLanguageCode,
      this.src.documentLetter,
      this.usable,
    );
    if (!chosen) return undefined;
    const record: MergeRecord = {
      header: this.src.header,
      line,
      contact: this.src.contacts.get(line.contactNo),
      salesperson: this.src.salespeople.get(line.salespersonCode),
      template: this.src.templates.get(line.interactionTemplateCode),
    };
    // Dates and numbers follow the language of the letter actually used, not the line's: an Italian
    // letter sent to a contact without an Italian language code still reads "7 dicembre 2026".
    const { ooxml, languageCode } = chosen;
    const rendered = renderLetter(this.compile(ooxml), record, this.localeOf(languageCode));
    return this.fallsBack(languageCode) ? { ...rendered, languageFallback: languageCode } : rendered;
  }
}
