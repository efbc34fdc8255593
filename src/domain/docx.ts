// A .docx built from a letter package and body XML, with Word comments (comments.xml and its
// relationship). Pure: fflate zips in memory. Used to open merged letters in a new document
// (`createDocument`) and to download them outside Office.
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import {
  buildFlatOpc,
  DOCUMENT_CONTENT_TYPE,
  DOCUMENT_PART,
  parseLetter,
  RELS_CONTENT_TYPE,
  sdtElement,
  type LetterPackage,
  type OpcPart,
} from './mergeOoxml';
import { stripExternalRelationships } from './letterSafety';
import { convertLegacyFields, type FieldResolver } from './mergeConvert';
import type { MergeRecord } from './mergeFields';
import { CombinedPackage } from './mergePackage';
import { compileLetter, renderLetter, type CompiledLetter, type MergeSource, type RenderedLetter } from './mergeRender';
import { withPageSize } from './mergePageSize';
import { headerFooterParts } from './mergeParts';
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

/** The package's parts with `comments` added to its comments part (made when it has none) and its relationship. */
function withComments(parts: OpcPart[], comments: DocxComment[]): OpcPart[] {
  if (!comments.length) return [...parts];
  const old = parts.find((p) => p.name === COMMENTS_PART);
  const rels = parts.find((p) => p.name === DOC_RELS);
  return [
    ...parts.filter((p) => p !== old && p !== rels),
    { name: DOC_RELS, contentType: RELS_CONTENT_TYPE, xml: withCommentsRel(rels?.xml) },
    { name: COMMENTS_PART, contentType: COMMENTS_TYPE, xml: commentsXml(comments, old?.xml) },
  ];
}

/** A .docx whose main document is `body` inside the package's document element, with `comments`; external
 * relationships (templates, linked pictures, fonts) stripped. */
export function buildDocx(source: LetterPackage, sourceBody: string, comments: DocxComment[] = []): Uint8Array {
  // Never a document that fetches a template, a picture or a font from elsewhere (letterSafety.ts).
  const { pkg } = stripExternalRelationships({ ...source, body: sourceBody });
  const body = pkg.body;
  const parts = withComments(
    pkg.parts.filter((p) => p.name !== DOCUMENT_PART),
    comments,
  );
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
  /**
   * The letters' headers and footers come as they were rendered (their field controls filled, and the
   * «Name» and MERGEFIELDs of a merge source with `resolve`). For letters rendered without a resolver,
   * this fills their «Name» and MERGEFIELDs for each line, as Word's mail merge does: the merge's source
   * (the lines' contacts, salespeople…) and the names those fields answer to (as for an uploaded letter).
   */
  fields?: { source: MergeSource; resolve?: FieldResolver };
  /**
   * The locale whose country's paper a letter without a page size of its own is printed on: the
   * workspace's (Setup). Without it, the letter's own language's locale.
   */
  pageLocale?: string;
}

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PART_KINDS = {
  header: {
    type: `${REL_BASE}/header`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
    root: 'w:hdr',
  },
  footer: {
    type: `${REL_BASE}/footer`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
    root: 'w:ftr',
  },
} as const;
type PartKind = keyof typeof PART_KINDS;
const SECTION_REF = /<w:(header|footer)Reference\b[^>]*?\/>/g;

interface Rel {
  el: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(xml: string | undefined): Rel[] {
  return [...(xml ?? '').matchAll(/<Relationship\b[^>]*?\/>/g)].map((m) => ({
    el: m[0],
    id: attrOf(m[0], 'Id'),
    type: attrOf(m[0], 'Type'),
    target: attrOf(m[0], 'Target'),
    external: attrOf(m[0], 'TargetMode') === 'External',
  }));
}

function attrOf(el: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] ?? '';
}

/** The part a relationship's target names, from the folder of the part that holds the relationship. */
function partName(folder: string, target: string): string {
  if (target.startsWith('/')) return target;
  const path = folder.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '..') path.pop();
    else if (s && s !== '.') path.push(s);
  }
  return `/${path.join('/')}`;
}

const relsPartOf = (name: string) => name.replace(/\/([^/]*)$/, '/_rels/$1.rels');
const targetOf = (name: string) => (name.startsWith('/word/') ? name.slice('/word/'.length) : name);

/**
 * Each letter's section: its page setup and its headers and footers, copied from its own package into
 * parts of the merged document (filled for the letter's line when they hold merge fields; a header
 * without fields is copied once per package). A letter without a header of a kind another letter has
 * gets an empty one: a section without its own header would show the previous letter's.
 */
class LetterSections {
  readonly parts: OpcPart[] = [];
  readonly rels: string[] = [];
  private readonly made = new Map<string, string>();
  private readonly carried = new Map<string, string>();
  private readonly packages = new Map<LetterPackage, number>();
  private readonly empty = new Map<PartKind, string>();
  private count = 0;

  constructor(
    private readonly taken: Set<string>,
    private readonly fill: (l: RenderedLetter, name: string, xml: string) => string,
    private readonly pageLocale: string | undefined,
  ) {}

  private name(folder: string, file: string): string {
    let name: string;
    do name = `${folder}/l${++this.count}_${file}`;
    while (this.taken.has(name));
    this.taken.add(name);
    return name;
  }

  private rel(type: string, name: string): string {
    const id = `rIdSegmentsLayout${this.rels.length + 1}`;
    this.rels.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeXml(targetOf(name))}"/>`);
    return id;
  }

  /** A part the header refers to (a picture), copied once per package. */
  private carry(pkgNo: number, pkg: LetterPackage, name: string): string | undefined {
    const key = `${pkgNo}\u0000${name}`;
    const done = this.carried.get(key);
    if (done) return done;
    const part = pkg.parts.find((p) => p.name === name);
    if (!part) return undefined;
    const slash = name.lastIndexOf('/');
    const renamed = this.name(name.slice(0, slash), name.slice(slash + 1));
    this.parts.push({ ...part, name: renamed });
    this.carried.set(key, renamed);
    return renamed;
  }

  /** The relationship id of the letter's copy of its header or footer `rel`. */
  private own(l: RenderedLetter, kind: PartKind, rel: Rel): string | undefined {
    const pkg = l.letter.pkg;
    const source = partName('/word', rel.target);
    const part = pkg.parts.find((p) => p.name === source);
    if (part?.xml === undefined) return undefined;
    let pkgNo = this.packages.get(pkg);
    if (pkgNo === undefined) this.packages.set(pkg, (pkgNo = this.packages.size));
    const xml = this.fill(l, source, part.xml);
    const key = `${pkgNo}\u0000${source}\u0000${xml}`;
    const done = this.made.get(key);
    if (done) return done;
    const name = this.name('/word', source.slice(source.lastIndexOf('/') + 1));
    this.parts.push({ ...part, name, xml });
    const relsXml = pkg.parts.find((p) => p.name === relsPartOf(source))?.xml;
    if (relsXml !== undefined) {
      const folder = source.slice(0, source.lastIndexOf('/'));
      let out = relsXml;
      for (const r of relsOf(relsXml)) {
        if (r.external) continue;
        const carried = this.carry(pkgNo, pkg, partName(folder, r.target));
        if (carried)
          out = out.replace(r.el, r.el.replace(/\bTarget="[^"]*"/, `Target="${escapeXml(targetOf(carried))}"`));
      }
      this.parts.push({ name: relsPartOf(name), contentType: RELS_CONTENT_TYPE, xml: out });
    }
    const id = this.rel(PART_KINDS[kind].type, name);
    this.made.set(key, id);
    return id;
  }

  /** The letter's headers and footers (`kind:type` → relationship id) and the rest of its section properties. */
  section(l: RenderedLetter, fallback: string): { refs: Map<string, string>; rest: string } {
    const pkg = l.letter.pkg;
    // A letter without section properties takes the first letter's margins, but not its paper: it has no
    // page size of its own (withPageSize below).
    const own = pkg.sectPr || fallback.replace(SECTION_REF, '').replace(/<w:pgSz\b[^>]*?\/>/g, '') || '<w:sectPr/>';
    const rels = relsOf(pkg.parts.find((p) => p.name === DOC_RELS)?.xml);
    const refs = new Map<string, string>();
    if (pkg.sectPr) {
      for (const m of pkg.sectPr.matchAll(SECTION_REF)) {
        const kind = m[1] as PartKind;
        const rel = rels.find((r) => r.id === attrOf(m[0], 'r:id') && r.type === PART_KINDS[kind].type);
        const id = rel && !rel.external ? this.own(l, kind, rel) : undefined;
        if (id) refs.set(`${kind}:${attrOf(m[0], 'w:type') || 'default'}`, id);
      }
    }
    // Every letter starts on a page of its own (the default section type, "next page").
    const rest = withPageSize(
      own.replace(SECTION_REF, '').replace(/<w:type\b[^>]*?\/>/g, ''),
      this.pageLocale ?? l.locale,
    );
    return { refs, rest };
  }

  /** An empty header or footer, for letters that have none of a kind another letter has. */
  emptyPart(kind: PartKind): string {
    let id = this.empty.get(kind);
    if (!id) {
      const { root, contentType } = PART_KINDS[kind];
      const name = this.name('/word', `${kind}.xml`);
      this.parts.push({ name, contentType, xml: `<${root} xmlns:w="${W_NS}"><w:p/></${root}>` });
      this.empty.set(kind, (id = this.rel(PART_KINDS[kind].type, name)));
    }
    return id;
  }
}

/**
 * A letter's header or footer `name` with its merge fields filled for the letter's line: as the letter was
 * rendered (its field controls, and the Word fields its merge source's `resolve` matched), then the Word
 * fields `fields` matches, for letters rendered without them.
 */
function partFiller(fields: MergedDocxOptions['fields']): (l: RenderedLetter, name: string, xml: string) => string {
  const rendered = (l: RenderedLetter, name: string, xml: string) => l.parts?.find((p) => p.name === name)?.xml ?? xml;
  if (!fields) return rendered;
  const legacy = legacyFiller(fields);
  return (l, name, xml) => legacy(l, rendered(l, name, xml));
}

function legacyFiller(fields: NonNullable<MergedDocxOptions['fields']>): (l: RenderedLetter, xml: string) => string {
  const { source, resolve } = fields;
  const lines = new Map(source.lines.map((line) => [line.lineNo, line]));
  const compiled = new Map<string, CompiledLetter | null>();
  return (l, xml) => {
    const m = /^([\s\S]*?<w:(hdr|ftr)\b[^>]*>)([\s\S]*)(<\/w:\2>\s*)$/.exec(xml);
    const line = lines.get(l.lineNo);
    if (!m || !line) return xml;
    let c = compiled.get(m[3]);
    if (c === undefined) {
      // Fields typed as «Name» or as MERGEFIELDs become field controls, as in an uploaded letter's body.
      const content = resolve ? convertLegacyFields(m[3], resolve).ooxml : m[3];
      const letter = compileLetter(content);
      compiled.set(m[3], (c = letter.keys.length ? letter : null));
    }
    if (!c) return xml;
    const record: MergeRecord = {
      header: source.header,
      line,
      contact: source.contacts.get(line.contactNo),
      salesperson: source.salespeople.get(line.salespersonCode),
      template: source.templates.get(line.interactionTemplateCode),
    };
    return `${m[1]}${renderLetter(c, record, l.locale).body}${m[4]}`;
  };
}

/**
 * The letter's body with comment `commentId` over the whole letter. The comment's end and reference go in
 * the letter's last paragraph, never in its first one: LibreOffice drops the text before a comment
 * reference in the first paragraph of a block content control (the merged .docx wraps each letter in
 * one), so a one-paragraph letter gets them in a paragraph of their own after its text.
 */
function withCommentAnchor(body: string, commentId: number): string {
  const start = `<w:commentRangeStart w:id="${commentId}"/>`;
  const end = `<w:commentRangeEnd w:id="${commentId}"/><w:r><w:commentReference w:id="${commentId}"/></w:r>`;
  const first = /<w:p(?:\s[^>]*)?>(?:\s*<w:pPr>[\s\S]*?<\/w:pPr>)?/.exec(body);
  if (!first) return `<w:p>${start}</w:p>${body}<w:p>${end}</w:p>`;
  const at = first.index + first[0].length;
  const marked = `${body.slice(0, at)}${start}${body.slice(at)}`;
  const last = body.lastIndexOf('</w:p>');
  if (last > body.indexOf('</w:p>', at)) {
    const before = last + start.length;
    return `${marked.slice(0, before)}${end}${marked.slice(before)}`;
  }
  return `${marked}<w:p>${end}</w:p>`;
}

/** The letter's content control, with comment `commentId` over the whole letter. */
function letterControl(l: Pick<RenderedLetter, 'tag' | 'contactNo' | 'body'>, commentId?: number): string {
  return sdtElement(l.tag, l.contactNo, commentId === undefined ? l.body : withCommentAnchor(l.body, commentId));
}

/**
 * The merged letters as one .docx: each letter a section of its own (a new page, the page setup, header
 * and footer of its own letter), each line's comment a Word comment over its letter.
 */
export function mergedDocx(letters: RenderedLetter[], opts: MergedDocxOptions): Uint8Array {
  if (letters.length === 0) throw new Error('mergedDocx: no letters');
  const main = letters[0].letter.pkg;
  const combined = new CombinedPackage(main);
  for (const l of letters) combined.add(l.letter.pkg);
  const pkg = combined.package();
  const sections = new LetterSections(new Set(pkg.parts.map((p) => p.name)), partFiller(opts.fields), opts.pageLocale);
  let id = maxCommentId(combined.main) + 1;
  const comments: DocxComment[] = [];
  const controls = letters.map((l) => {
    const own = { ...l, body: combined.body(l.letter.pkg, l.body) };
    if (!l.comment) return letterControl(own);
    comments.push({ id, text: l.comment, author: opts.author, initials: opts.initials, date: opts.date });
    return letterControl(own, id++);
  });
  const layouts = letters.map((l) => sections.section(l, main.sectPr));
  const kinds = [...new Set(layouts.flatMap((s) => [...s.refs.keys()]))];
  const sectPrs = layouts.map(({ refs, rest }) => {
    const xml = kinds
      .map((k) => {
        const [kind, type] = k.split(':') as [PartKind, string];
        const rid = refs.get(k) ?? sections.emptyPart(kind);
        return `<w:${kind}Reference w:type="${type}" r:id="${rid}"/>`;
      })
      .join('');
    return rest.replace(/^<w:sectPr\b[^>]*>/, (open) => `${open}${xml}`);
  });
  const body = controls
    .map((c, i) => (i < controls.length - 1 ? `${c}<w:p><w:pPr>${sectPrs[i]}</w:pPr></w:p>` : c))
    .join('');
  const rels = pkg.parts.find((p) => p.name === DOC_RELS);
  const relsXml = rels?.xml?.includes('</Relationships>')
    ? rels.xml.replace('</Relationships>', `${sections.rels.join('')}</Relationships>`)
    : `<Relationships xmlns="${REL_NS}">${sections.rels.join('')}</Relationships>`;
  const parts = [
    ...pkg.parts.filter((p) => p !== rels),
    { name: DOC_RELS, contentType: RELS_CONTENT_TYPE, xml: relsXml },
    ...sections.parts,
  ];
  // Section properties name their headers by relationship id: the document declares the prefix.
  const documentOpen = /\bxmlns:r=/.test(pkg.documentOpen)
    ? pkg.documentOpen
    : pkg.documentOpen.replace(/<w:document\b/, `<w:document xmlns:r="${REL_BASE}"`);
  return buildDocx({ ...main, ...pkg, documentOpen, parts, sectPr: sectPrs[sectPrs.length - 1] }, body, comments);
}

/**
 * The letter one contact got, as its interaction log entry keeps it (a flat OPC package, the form Word's
 * getOoxml gives): its body as merged, its headers and footers filled for the line and its page size, as
 * in the merged .docx (`opts` as for mergedDocx), and the line's comment as a Word comment over the letter
 * when it has one (a merge that attaches no comments passes the letter with an empty comment).
 */
export function loggedLetter(l: RenderedLetter, opts: MergedDocxOptions): string {
  const pkg = l.letter.pkg;
  const fill = partFiller(opts.fields);
  const own = new Set(headerFooterParts(pkg).map((p) => p.name));
  let parts = pkg.parts.map((p) =>
    p.xml !== undefined && own.has(p.name) ? { ...p, xml: fill(l, p.name, p.xml) } : p,
  );
  let body = l.body;
  if (l.comment) {
    const id = maxCommentId(pkg) + 1;
    body = withCommentAnchor(body, id);
    parts = withComments(parts, [
      { id, text: l.comment, author: opts.author, initials: opts.initials, date: opts.date },
    ]);
  }
  const sectPr = withPageSize(pkg.sectPr, opts.pageLocale ?? l.locale);
  return buildFlatOpc({ documentOpen: pkg.documentOpen, sectPr, parts }, body);
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
