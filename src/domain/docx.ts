// A .docx built from a letter package and body XML, with Word comments (comments.xml and its
// relationship). Pure: fflate zips in memory. Used to open merged letters in a new document
// (`createDocument`) and to download them outside Office.
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import {
  DOCUMENT_CONTENT_TYPE,
  DOCUMENT_PART,
  parseLetter,
  RELS_CONTENT_TYPE,
  type LetterPackage,
  type OpcPart,
} from './mergeOoxml';
import { stripExternalRelationships } from './letterSafety';
import { CombinedPackage } from './mergePackage';
import { PAGE_BREAK, wrapLetter, type RenderedLetter } from './mergeRender';
import { escapeXml, textRunContent } from './mergeText';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_PART = '/word/comments.xml';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const DOC_RELS = '/word/_rels/document.xml.rels';

export interface DocxComment {
  id: number;
  text: string;
  author: string;
  initials?: string;
  /** ISO date-time; Word shows it beside the comment. */
  date?: string;
}

const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  svg: 'image/svg+xml',
};

function commentsXml(comments: DocxComment[], existing?: string): string {
  const items = comments
    .map((c) => {
      const paras = c.text
        .split('\n')
        .map((line) => `<w:p><w:r>${textRunContent(line)}</w:r></w:p>`)
        .join('');
      const date = c.date ? ` w:date="${escapeXml(c.date)}"` : '';
      return `<w:comment w:id="${c.id}" w:author="${escapeXml(c.author)}" w:initials="${escapeXml(c.initials ?? '')}"${date}>${paras}</w:comment>`;
    })
    .join('');
  if (existing && existing.includes('</w:comments>')) return existing.replace('</w:comments>', `${items}</w:comments>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${items}</w:comments>`;
}

function withCommentsRel(rels: string | undefined): string {
  const rel = `<Relationship Id="rIdSegmentsComments" Type="${COMMENTS_REL}" Target="comments.xml"/>`;
  if (rels?.includes(COMMENTS_REL)) return rels;
  if (rels?.includes('</Relationships>')) return rels.replace('</Relationships>', `${rel}</Relationships>`);
  return `<Relationships xmlns="${REL_NS}">${rel}</Relationships>`;
}

/** The largest comment id a letter package already uses (-1 when none). */
export function maxCommentId(pkg: Pick<LetterPackage, 'parts'>): number {
  const xml = pkg.parts.find((p) => p.name === COMMENTS_PART)?.xml ?? '';
  let max = -1;
  for (const m of xml.matchAll(/<w:comment\b[^>]*\bw:id="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** A .docx whose main document is `body` inside the package's document element, with `comments`; external
 * relationships (templates, linked pictures, fonts) stripped. */
export function buildDocx(source: LetterPackage, sourceBody: string, comments: DocxComment[] = []): Uint8Array {
  // Never a document that fetches a template, a picture or a font from elsewhere (letterSafety.ts).
  const { pkg } = stripExternalRelationships({ ...source, body: sourceBody });
  const body = pkg.body;
  let parts: OpcPart[] = pkg.parts.filter((p) => p.name !== DOCUMENT_PART);
  if (comments.length) {
    const old = parts.find((p) => p.name === COMMENTS_PART);
    const rels = parts.find((p) => p.name === DOC_RELS);
    parts = parts.filter((p) => p !== old && p !== rels);
    parts.push({ name: DOC_RELS, contentType: RELS_CONTENT_TYPE, xml: withCommentsRel(rels?.xml) });
    parts.push({ name: COMMENTS_PART, contentType: COMMENTS_TYPE, xml: commentsXml(comments, old?.xml) });
  }
  parts.push({
    name: DOCUMENT_PART,
    contentType: DOCUMENT_CONTENT_TYPE,
    xml: `${pkg.documentOpen}${body}${pkg.sectPr}</w:body></w:document>`,
  });

  const defaults = new Map<string, string>([
    ['rels', RELS_CONTENT_TYPE],
    ['xml', 'application/xml'],
  ]);
  let overrides = '';
  const files: Record<string, Uint8Array> = {};
  for (const p of parts) {
    const path = p.name.replace(/^\//, '');
    if (p.xml !== undefined) {
      const xml = p.xml.startsWith('<?xml') ? p.xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${p.xml}`;
      files[path] = strToU8(xml);
    } else {
      files[path] = base64ToBytes(p.base64 ?? '');
    }
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (ext === 'rels') continue;
    if (p.xml === undefined && !defaults.has(ext)) defaults.set(ext, MEDIA_TYPES[ext] ?? p.contentType);
    if (p.xml !== undefined || defaults.get(ext) !== p.contentType)
      overrides += `<Override PartName="${escapeXml(p.name)}" ContentType="${escapeXml(p.contentType)}"/>`;
  }
  const defaultXml = [...defaults]
    .map(([e, t]) => `<Default Extension="${escapeXml(e)}" ContentType="${escapeXml(t)}"/>`)
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaultXml}${overrides}</Types>`,
  );
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

export interface MergedDocxOptions {
  /** The comments' author (the user). */
  author: string;
  initials?: string;
  /** ISO date-time stamped on the comments. */
  date?: string;
}

/** The merged letters as one .docx: page breaks between letters, each line's comment as a Word comment. */
export function mergedDocx(letters: RenderedLetter[], opts: MergedDocxOptions): Uint8Array {
  if (letters.length === 0) throw new Error('mergedDocx: no letters');
  const combined = new CombinedPackage(letters[0].letter.pkg);
  for (const l of letters) combined.add(l.letter.pkg);
  let id = maxCommentId(combined.main) + 1;
  const comments: DocxComment[] = [];
  const body = letters
    .map((l) => {
      const own = { ...l, body: combined.body(l.letter.pkg, l.body) };
      if (!l.comment) return wrapLetter(own);
      comments.push({ id, text: l.comment, author: opts.author, initials: opts.initials, date: opts.date });
      return wrapLetter(own, id++);
    })
    .join(PAGE_BREAK);
  return buildDocx({ ...combined.main, ...combined.package() }, body, comments);
}

/** One stored letter (a package or body XML) as a .docx. */
export function letterDocx(ooxml: string): Uint8Array {
  const pkg = parseLetter(ooxml);
  return buildDocx(pkg, pkg.body);
}

/** The text of a .docx's main document and comments (for checks; not a full reader). */
export function readDocxParts(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k.endsWith('.xml') || k.endsWith('.rels')) out[k] = strFromU8(v);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
