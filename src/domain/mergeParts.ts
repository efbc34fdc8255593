// A letter's headers and footers: the parts its main document refers to, whose merge fields are filled
// for each line like the body's.
import type { LetterPackage } from './mergeOoxml';

const HEADER_FOOTER_REL = /\/relationships\/(header|footer)$/;
/** A header or footer part: its XML up to its root's content, the content, and its root's end tag. */
export const PART_ROOT = /^([\s\S]*?<w:(hdr|ftr)\b[^>]*>)([\s\S]*)(<\/w:\2>\s*)$/;

/** The letter's header and footer parts: the ones its main document refers to. */
export function headerFooterParts(pkg: LetterPackage): { name: string; xml: string }[] {
  const rels = pkg.parts.find((p) => p.name === '/word/_rels/document.xml.rels')?.xml ?? '';
  const names = new Set<string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*?\/>/g)) {
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (!HEADER_FOOTER_REL.test(type) || /\bTargetMode="External"/.test(m[0])) continue;
    names.add(target.startsWith('/') ? target : `/word/${target.replace(/^\.\//, '')}`);
  }
  return pkg.parts
    .filter((p): p is { name: string; contentType: string; xml: string } => p.xml !== undefined && names.has(p.name))
    .map(({ name, xml }) => ({ name, xml }));
}
