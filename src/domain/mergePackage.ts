// Letters from several letter packages in one document (a line's own letter, another language's
// letter): the first package gives styles and the rest; each other package adds the parts its body
// refers to (pictures, links), with relationship ids and part names renamed so they cannot clash.
import type { LetterPackage, OpcPart } from './mergeOoxml';
import { RELS_CONTENT_TYPE } from './mergeOoxml';

const DOC_RELS = '/word/_rels/document.xml.rels';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_ATTR = /\br:([a-zA-Z]+)="([^"]+)"/g;

interface Source {
  prefix: string;
  ids: Set<string>;
  rels: string[];
  parts: OpcPart[];
}

function attr(el: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] ?? '';
}

/** The relationship ids a body refers to. */
export function referencedIds(body: string): Set<string> {
  return new Set([...body.matchAll(REL_ATTR)].map((m) => m[2]));
}

export class CombinedPackage {
  private readonly sources = new Map<LetterPackage, Source | null>();
  private count = 0;

  constructor(readonly main: LetterPackage) {
    this.sources.set(main, null);
  }

  has(pkg: LetterPackage): boolean {
    return this.sources.has(pkg);
  }

  /** What adding `pkg` would bring: its parts and relationships (nothing is added). */
  preview(pkg: LetterPackage): { parts: OpcPart[]; rels: string[] } {
    if (this.sources.has(pkg)) return { parts: [], rels: [] };
    return this.source(pkg, `s${this.count + 1}_`);
  }

  /** Takes a package in (once). */
  add(pkg: LetterPackage): void {
    if (this.sources.has(pkg)) return;
    this.sources.set(pkg, this.source(pkg, `s${++this.count}_`));
  }

  private source(pkg: LetterPackage, prefix: string): Source {
    const used = referencedIds(pkg.body);
    const relsXml = pkg.parts.find((p) => p.name === DOC_RELS)?.xml ?? '';
    const src: Source = { prefix, ids: new Set(), rels: [], parts: [] };
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*\/>/g)) {
      const id = attr(m[0], 'Id');
      if (!used.has(id)) continue;
      src.ids.add(id);
      const target = attr(m[0], 'Target');
      const external = /\bTargetMode="External"/.test(m[0]);
      let newTarget = target;
      if (!external) {
        const name = target.startsWith('/') ? target : `/word/${target.replace(/^\.\//, '')}`;
        const part = pkg.parts.find((p) => p.name === name);
        const slash = name.lastIndexOf('/');
        const renamed = `${name.slice(0, slash + 1)}${prefix}${name.slice(slash + 1)}`;
        if (part) src.parts.push({ ...part, name: renamed });
        newTarget = renamed.replace(/^\/word\//, '');
      }
      src.rels.push(
        m[0].replace(/\bId="[^"]*"/, `Id="${prefix}${id}"`).replace(/\bTarget="[^"]*"/, `Target="${newTarget}"`),
      );
    }
    return src;
  }

  /** A body of `pkg` with its relationship ids as this package knows them. */
  body(pkg: LetterPackage, body: string): string {
    const src = this.sources.get(pkg);
    if (!src || src.ids.size === 0) return body;
    return body.replace(REL_ATTR, (m, a: string, id: string) => (src.ids.has(id) ? `r:${a}="${src.prefix}${id}"` : m));
  }

  /** The package: the main one's parts, its relationships extended, and the added parts. */
  package(): Pick<LetterPackage, 'documentOpen' | 'sectPr' | 'parts'> {
    const extra = [...this.sources.values()].filter((s): s is Source => s !== null);
    const rels = extra.flatMap((s) => s.rels);
    if (rels.length === 0) return this.main;
    const old = this.main.parts.find((p) => p.name === DOC_RELS);
    const xml = old?.xml?.includes('</Relationships>')
      ? old.xml.replace('</Relationships>', `${rels.join('')}</Relationships>`)
      : `<Relationships xmlns="${REL_NS}">${rels.join('')}</Relationships>`;
    return {
      documentOpen: this.main.documentOpen,
      sectPr: this.main.sectPr,
      parts: [
        ...this.main.parts.filter((p) => p !== old),
        { name: DOC_RELS, contentType: RELS_CONTENT_TYPE, xml },
        ...extra.flatMap((s) => s.parts),
      ],
    };
  }
}
