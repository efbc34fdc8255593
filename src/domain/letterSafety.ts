// Letters keep no external relationships: an attached template, a linked (not embedded) picture, a font
// or any other part fetched from elsewhere when Word opens the letter. Each is stripped, with what
// refers to it in its source part, and listed so that the merge check can say what was removed.
// Hyperlinks stay: Word fetches nothing for them until the reader clicks.
import { buildFlatOpc, parseLetter, type LetterPackage, type OpcPart } from './mergeOoxml';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

export interface StrippedRelationship {
  /** The part that referred to it, e.g. `/word/settings.xml`. */
  part: string;
  id: string;
  /** The relationship type's last segment: attachedTemplate, image, font, oleObject… */
  kind: string;
  target: string;
}

function attr(el: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] ?? '';
}

/** `/word/_rels/document.xml.rels` → `/word/document.xml`. */
function sourceOf(relsName: string): string {
  const m = /^(.*\/)_rels\/([^/]+)\.rels$/.exec(relsName);
  return m ? `${m[1]}${m[2]}` : relsName;
}

/** Removes what refers to the ids in a source part: attachedTemplate elements, r:link/r:id attributes. */
function unreference(xml: string, ids: Set<string>): string {
  let out = xml.replace(/<w:attachedTemplate\b[^>]*\/>/g, (el) => (ids.has(attr(el, 'r:id')) ? '' : el));
  out = out.replace(/\s(r:[a-zA-Z]+)="([^"]*)"/g, (whole, _name: string, id: string) => (ids.has(id) ? '' : whole));
  return out;
}

/** The package without external relationships (other than hyperlinks), and what was removed. */
export function stripExternalRelationships(pkg: LetterPackage): {
  pkg: LetterPackage;
  stripped: StrippedRelationship[];
} {
  const stripped: StrippedRelationship[] = [];
  const removed = new Map<string, Set<string>>();
  let parts: OpcPart[] = pkg.parts.map((p) => {
    if (p.xml === undefined || !p.name.endsWith('.rels')) return p;
    const source = sourceOf(p.name);
    const xml = p.xml.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (el) => {
      if (attr(el, 'TargetMode') !== 'External' || attr(el, 'Type') === HYPERLINK) return el;
      const id = attr(el, 'Id');
      stripped.push({ part: source, id, kind: attr(el, 'Type').split('/').pop() ?? '', target: attr(el, 'Target') });
      if (!removed.has(source)) removed.set(source, new Set());
      removed.get(source)!.add(id);
      return '';
    });
    return xml === p.xml ? p : { ...p, xml };
  });
  if (stripped.length === 0) return { pkg, stripped };
  let { documentOpen, body, sectPr } = pkg;
  const docIds = removed.get('/word/document.xml');
  if (docIds) {
    body = unreference(body, docIds);
    sectPr = unreference(sectPr, docIds);
    documentOpen = unreference(documentOpen, docIds);
  }
  parts = parts.map((p) => {
    const ids = removed.get(p.name);
    return ids && p.xml !== undefined ? { ...p, xml: unreference(p.xml, ids) } : p;
  });
  return { pkg: { documentOpen, body, sectPr, parts }, stripped };
}

/** What a stored letter (flat OPC or body XML) refers to outside itself; [] when nothing. */
export function externalRelationships(ooxml: string): StrippedRelationship[] {
  return stripExternalRelationships(parseLetter(ooxml)).stripped;
}

/** A letter as it may be stored or packaged: without external relationships, and the list of them. */
export function sanitizeLetter(ooxml: string): { ooxml: string; stripped: StrippedRelationship[] } {
  const { pkg, stripped } = stripExternalRelationships(parseLetter(ooxml));
  return stripped.length ? { ooxml: buildFlatOpc(pkg, pkg.body), stripped } : { ooxml, stripped };
}
