// Documents made for Word's own mail merge: MERGEFIELD fields (simple or complex) and «Name» text.
// Recognised, matched to our fields by name, and converted to merge-field content controls.
import { buildFlatOpc, findSdts, firstRunProperties, parseLetter, sdtElement } from './mergeOoxml';
import { isFieldTag } from './mergeRender';
import { unescapeXml } from './mergeText';

export interface LegacyField {
  kind: 'MERGEFIELD' | 'text';
  /** The name as the document spells it. */
  name: string;
  /** Our field it matches, when one does. */
  key?: string;
}

export type FieldResolver = (name: string) => { key: string; caption: string } | undefined;

/** Lower case, no accents, letters and digits only: "Company Name", "Company_Name", "companyName" match. */
export function normaliseFieldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A resolver from names each field answers to (its key, its last key segment, its captions). */
export function fieldResolver(fields: { key: string; caption: string; names: string[] }[]): FieldResolver {
  const map = new Map<string, { key: string; caption: string }>();
  for (const f of fields) {
    const last = f.key.slice(f.key.lastIndexOf('.') + 1);
    for (const n of [f.key, ...f.names, last]) {
      const k = normaliseFieldName(n);
      if (k && !map.has(k)) map.set(k, { key: f.key, caption: f.caption });
    }
  }
  return (name) => map.get(normaliseFieldName(name));
}

function mergeFieldName(instr: string): string | undefined {
  const m = /^\s*MERGEFIELD\s+(?:"([^"]+)"|([^\s\\]+))/i.exec(unescapeXml(instr));
  return m ? (m[1] ?? m[2]) : undefined;
}

const SIMPLE = /<w:fldSimple\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:fldSimple>)/g;
const RUN_BODY = '(?:(?!<\\/w:r>)[\\s\\S])*?';
const COMPLEX = new RegExp(
  `<w:r(?:\\s[^>]*)?>${RUN_BODY}<w:fldChar\\b[^>]*w:fldCharType="begin"[^>]*>${RUN_BODY}<\\/w:r>([\\s\\S]*?)` +
    `<w:r(?:\\s[^>]*)?>${RUN_BODY}<w:fldChar\\b[^>]*w:fldCharType="end"[^>]*>${RUN_BODY}<\\/w:r>`,
  'g',
);
const TEXT_RUN =
  /<w:r(?:\s[^>]*)?>\s*(<w:rPr>[\s\S]*?<\/w:rPr>)?\s*<w:t(?:\s[^>]*)?>([^<]*«[^<]*»[^<]*)<\/w:t>\s*<\/w:r>/g;

/**
 * Finds Word mail-merge fields in a letter and converts those `resolve` knows into merge-field content
 * controls. Returns the converted letter (a package when the input was one) and every field found.
 * Limits: a «Name» split over several runs, and MERGEFIELDs nested inside other fields, stay as they are.
 */
export function convertLegacyFields(ooxml: string, resolve: FieldResolver): { ooxml: string; fields: LegacyField[] } {
  const pkg = parseLetter(ooxml);
  const fields: LegacyField[] = [];
  const made: string[] = [];
  const keep = (xml: string) => `\u0000${made.push(xml) - 1}\u0000`;
  const control = (name: string, kind: LegacyField['kind'], rPr: string): string | undefined => {
    const hit = resolve(name);
    fields.push(hit ? { kind, name, key: hit.key } : { kind, name });
    if (!hit) return undefined;
    return keep(sdtElement(hit.key, hit.caption, `<w:r>${rPr}<w:t>«${hit.caption.replace(/[&<>]/g, '')}»</w:t></w:r>`));
  };

  // Field controls already in the letter are left alone (their «Caption» is not a Word field).
  let body = pkg.body;
  for (const sdt of findSdts(body).reverse()) {
    if (isFieldTag(sdt.tag))
      body = body.slice(0, sdt.start) + keep(body.slice(sdt.start, sdt.end)) + body.slice(sdt.end);
  }
  body = body.replace(SIMPLE, (all: string, attrs: string, inner: string | undefined) => {
    const instr = /\bw:instr="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const name = mergeFieldName(instr);
    return name ? (control(name, 'MERGEFIELD', firstRunProperties(inner ?? '')) ?? keep(all)) : all;
  });
  body = body.replace(COMPLEX, (all: string, middle: string) => {
    if (/w:fldCharType="begin"/.test(middle)) return all; // a nested field: left as it is
    const sep = middle.search(/w:fldCharType="separate"/);
    const instr = [
      ...(sep >= 0 ? middle.slice(0, sep) : middle).matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g),
    ]
      .map((m) => m[1])
      .join('');
    const name = mergeFieldName(instr);
    return name ? (control(name, 'MERGEFIELD', firstRunProperties(all)) ?? keep(all)) : all;
  });
  body = body.replace(TEXT_RUN, (all: string, rPr: string | undefined, text: string) => {
    let out = '';
    let changed = false;
    let at = 0;
    const plain = (s: string) => (s ? `<w:r>${rPr ?? ''}<w:t xml:space="preserve">${s}</w:t></w:r>` : '');
    for (const m of text.matchAll(/«([^«»]+)»/g)) {
      const ctl = control(unescapeXml(m[1]), 'text', rPr ?? '');
      if (!ctl) continue;
      out += plain(text.slice(at, m.index)) + ctl;
      at = m.index + m[0].length;
      changed = true;
    }
    return changed ? out + plain(text.slice(at)) : all;
  });
  // eslint-disable-next-line no-control-regex
  body = body.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => made[Number(i)]);
  const isPackage = /<pkg:package\b/.test(ooxml);
  return { ooxml: isPackage ? buildFlatOpc(pkg, body) : body, fields };
}

/** The Word mail-merge fields of a letter, each with the field it matches (if any); nothing changed. */
export function findLegacyFields(ooxml: string, resolve: FieldResolver): LegacyField[] {
  return convertLegacyFields(ooxml, resolve).fields;
}
