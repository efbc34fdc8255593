// Merged letters in blocks under the size a Word request may carry: each block is one OOXML package
// (the letters, each in its content control, page breaks between) written with one `insertOoxml`, so
// N letters take ceil(N/K) writes, with K as large as the cap allows. And the way back: a package read
// from the document split into its letters.
import { SegmentsError } from './errors';
import { OFFICE_REQUEST_CAP } from './officeLimits';
import { buildFlatOpc, findSdts, parseLetter, type LetterPackage } from './mergeOoxml';
import { CombinedPackage, referencedIds } from './mergePackage';
import { PAGE_BREAK, parseLetterTag, wrapLetter, type RenderedLetter } from './mergeRender';

/** The one request cap (officeLimits), under the name the merge code has always used. */
export const WORD_REQUEST_CAP = OFFICE_REQUEST_CAP;
/** Room kept in every request for its envelope (object paths, ids, the batch's own JSON). */
export const REQUEST_ENVELOPE_BYTES = 16 * 1024;
/** Room kept per queued operation (method name, object path, ids). */
export const OPERATION_BYTES = 256;

/** The bytes a string takes as a JSON string in a UTF-8 request body (quotes and escapes included). */
export function jsonSize(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // a surrogate pair: 4 bytes for the two units
    else n += 3;
  }
  return n;
}

export interface MergeBlock {
  letters: RenderedLetter[];
  /** The package `insertOoxml` takes. */
  ooxml: string;
  /** `jsonSize(ooxml)` plus the request's envelope: what the request carries. */
  bytes: number;
}

const partBytes = (parts: { xml?: string; base64?: string; name: string; contentType: string }[]) =>
  parts.reduce((n, p) => n + jsonSize(p.xml ?? p.base64 ?? '') + jsonSize(p.name) + jsonSize(p.contentType) + 128, 0);

/**
 * Packs letters into as few blocks as the cap allows, in order. A block takes its styles and other
 * parts from its first letter's package; letters from other packages (a line's own letter, another
 * language's) bring the parts they refer to, renamed (CombinedPackage), so mixed languages still share
 * blocks. Throws INVALID_INPUT when one letter alone is over the cap.
 */
export function planMergeBlocks(
  letters: RenderedLetter[],
  cap = WORD_REQUEST_CAP,
  startsWithBreak = false,
): MergeBlock[] {
  const blocks: MergeBlock[] = [];
  const breakBytes = jsonSize(PAGE_BREAK) - 2;
  let cur: { pkg: CombinedPackage; xml: string[]; letters: RenderedLetter[]; bytes: number } | undefined;
  const flush = () => {
    if (!cur) return;
    const ooxml = buildFlatOpc(cur.pkg.package(), cur.xml.join(''));
    const bytes = jsonSize(ooxml) + REQUEST_ENVELOPE_BYTES;
    if (bytes > cap) throw new Error(`planMergeBlocks: a block of ${bytes} bytes is over the cap of ${cap}`);
    blocks.push({ letters: cur.letters, ooxml, bytes });
    cur = undefined;
  };
  for (const l of letters) {
    const pkg = l.letter.pkg;
    // Renamed relationship ids are a few bytes longer than the original ones.
    const estimate = jsonSize(wrapLetter(l)) - 2 + referencedIds(l.body).size * 16;
    if (cur) {
      const p = cur.pkg.preview(pkg);
      const adds = partBytes(p.parts) + p.rels.reduce((n, r) => n + jsonSize(r), 0);
      if (cur.bytes + breakBytes + estimate + adds > cap) flush();
      else {
        cur.pkg.add(pkg);
        cur.xml.push(PAGE_BREAK);
        cur.bytes += adds + breakBytes;
      }
    }
    if (!cur) {
      const combined = new CombinedPackage(pkg);
      const lead = blocks.length > 0 || startsWithBreak;
      const empty = jsonSize(buildFlatOpc(combined.package(), '')) + REQUEST_ENVELOPE_BYTES + (lead ? breakBytes : 0);
      if (empty + estimate > cap) {
        throw new SegmentsError(
          'INVALID_INPUT',
          `the letter for line ${l.lineNo} takes ${estimate} bytes, more than one Word request may carry (${cap} bytes)`,
          { field: 'letter', lineNo: l.lineNo, contactNo: l.contactNo },
        );
      }
      cur = { pkg: combined, xml: lead ? [PAGE_BREAK] : [], letters: [], bytes: empty };
    }
    const xml = wrapLetter({ ...l, body: cur.pkg.body(pkg, l.body) });
    cur.xml.push(xml);
    cur.letters.push(l);
    cur.bytes += jsonSize(xml) - 2;
  }
  flush();
  return blocks;
}

export interface CommentWrite {
  tag: string;
  text: string;
}

/** Comments in blocks under the cap: each is a lookup by tag plus an `insertComment`. */
export function planCommentBlocks(comments: CommentWrite[], cap = WORD_REQUEST_CAP): CommentWrite[][] {
  const blocks: CommentWrite[][] = [];
  let cur: CommentWrite[] = [];
  let bytes = REQUEST_ENVELOPE_BYTES;
  for (const c of comments) {
    const own = jsonSize(c.text) + jsonSize(c.tag) + 4 * OPERATION_BYTES;
    if (cur.length && bytes + own > cap) {
      blocks.push(cur);
      cur = [];
      bytes = REQUEST_ENVELOPE_BYTES;
    }
    cur.push(c);
    bytes += own;
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

export interface MergedLetterRead {
  segmentNo: string;
  lineNo: number;
  /** The letter as a package of its own (the block's styles and parts), its content control unwrapped. */
  ooxml: string;
}

const DOC_RELS = '/word/_rels/document.xml.rels';
const KEEP_TYPES = /\/(styles|numbering)$/;

/**
 * The parts one letter needs: its styles and numbering, and the parts its own relationships point to
 * (pictures). Word's package also carries theme, fonts and settings: stored with every entry they
 * would multiply the log's size for nothing a letter shows.
 */
export function trimLetterParts(pkg: LetterPackage, body: string): LetterPackage['parts'] {
  const rels = pkg.parts.find((p) => p.name === DOC_RELS);
  if (!rels?.xml) return pkg.parts.filter((p) => p.name === '/_rels/.rels');
  const used = new Set([...body.matchAll(/\br:[a-zA-Z]+="([^"]+)"/g)].map((m) => m[1]));
  const kept: string[] = [];
  const targets = new Set<string>();
  for (const m of rels.xml.matchAll(/<Relationship\b[^>]*\/>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const external = /\bTargetMode="External"/.test(m[0]);
    if (!used.has(id) && !KEEP_TYPES.test(type)) continue;
    kept.push(m[0]);
    if (!external) targets.add(target.startsWith('/') ? target : `/word/${target.replace(/^\.\//, '')}`);
  }
  const relsXml = rels.xml
    .replace(/<Relationship\b[^>]*\/>/g, '')
    .replace('</Relationships>', `${kept.join('')}</Relationships>`);
  return pkg.parts.filter((p) => p.name === '/_rels/.rels' || targets.has(p.name)).concat({ ...rels, xml: relsXml });
}

/** The merged letters in a package read back from the document, in document order. */
export function splitMergedLetters(packageXml: string): MergedLetterRead[] {
  const pkg = parseLetter(packageXml);
  const out: MergedLetterRead[] = [];
  for (const sdt of findSdts(pkg.body)) {
    const t = parseLetterTag(sdt.tag);
    if (t) out.push({ ...t, ooxml: buildFlatOpc({ ...pkg, parts: trimLetterParts(pkg, sdt.content) }, sdt.content) });
  }
  return out;
}
