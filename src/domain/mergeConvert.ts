// Documents made for Word's own mail merge: MERGEFIELD fields (simple or complex) and «Name» text.
// Recognised, matched to our fields by name, and converted to merge-field content controls.
import { buildFlatOpc, findSdts, firstRunProperties, parseLetter, sdtElement } from './mergeOoxml';
import { caseFormatOf, isFieldTag, type CaseFormat } from './mergeTags';
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

function mergeField(instr: string): { name: string; format?: CaseFormat } | undefined {
  const code = unescapeXml(instr);
  const m = /^\s*MERGEFIELD\s+(?:"([^"]+)"|([^\s\\]+))/i.exec(code);
  if (!m) return undefined;
  const format = caseFormatOf(code.slice(m[0].length));
  return format ? { name: m[1] ?? m[2], format } : { name: m[1] ?? m[2] };
}

const SIMPLE = /<w:fldSimple\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:fldSimple>)/g;
const RUN_BODY = '(?:(?!<\\/w:r>)[\\s\\S])*?';
const COMPLEX = new RegExp(
  `<w:r(?:\\s[^>]*)?>${RUN_BODY}<w:fldChar\\b[^>]*w:fldCharType="begin"[^>]*>${RUN_BODY}<\\/w:r>([\\s\\S]*?)` +
    `<w:r(?:\\s[^>]*)?>${RUN_BODY}<w:fldChar\\b[^>]*w:fldCharType="end"[^>]*>${RUN_BODY}<\\/w:r>`,
  'g',
);
// A run of plain text (its properties, one <w:t>), and a sequence of such runs with only proofing marks
// between them: Word splits a paragraph's text over runs for revision ids, proofing and formatting, so a
// «Name» is looked for in the text of the whole sequence.
const TEXT_RUN_BODY =
  '<w:r(?:\\s[^>]*)?>\\s*(<w:rPr>(?:(?!<\\/w:rPr>)[\\s\\S])*<\\/w:rPr>)?\\s*<w:t(?:\\s[^>]*)?>([^<]*)<\\/w:t>\\s*<\\/w:r>';
const TEXT_RUN = new RegExp(TEXT_RUN_BODY, 'g');
const TEXT_RUNS = new RegExp(`(?:${TEXT_RUN_BODY}(?:\\s*<w:proofErr\\b[^>]*\\/>)*\\s*)+`, 'g');

/**
 * Finds Word mail-merge fields in a letter and converts those `resolve` knows into merge-field content
 * controls. Returns the converted letter (a package when the input was one) and every field found.
 * A «Name» split over several runs of a paragraph is found in their joined text and takes the formatting
 * of the run where it starts. Limit: MERGEFIELDs nested inside other fields stay as they are.
 */
export function convertLegacyFields(ooxml: string, resolve: FieldResolver): { ooxml: string; fields: LegacyField[] } {
  const pkg = parseLetter(ooxml);
  const fields: LegacyField[] = [];
  const made: string[] = [];
  const keep = (xml: string) => `\u0000${made.push(xml) - 1}\u0000`;
  const control = (name: string, kind: LegacyField['kind'], rPr: string, format?: CaseFormat): string | undefined => {
    const hit = resolve(name);
    fields.push(hit ? { kind, name, key: hit.key } : { kind, name });
    if (!hit) return undefined;
    // The case switch goes on the control's caption, as Word writes it in a field code.
    const alias = format ? `${hit.caption} \\* ${format}` : hit.caption;
    return keep(sdtElement(hit.key, alias, `<w:r>${rPr}<w:t>«${hit.caption.replace(/[&<>]/g, '')}»</w:t></w:r>`));
  };

  // Field controls already in the letter are left alone (their «Caption» is not a Word field).
  let body = pkg.body;
  for (const sdt of findSdts(body).reverse()) {
    if (isFieldTag(sdt.tag))
      body = body.slice(0, sdt.start) + keep(body.slice(sdt.start, sdt.end)) + body.slice(sdt.end);
  }
  body = body.replace(SIMPLE, (all: string, attrs: string, inner: string | undefined) => {
    const instr = /\bw:instr="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const f = mergeField(instr);
    return f ? (control(f.name, 'MERGEFIELD', firstRunProperties(inner ?? ''), f.format) ?? keep(all)) : all;
  });
  body = body.replace(COMPLEX, (all: string, middle: string) => {
    if (/w:fldCharType="begin"/.test(middle)) return all; // a nested field: left as it is
    const sep = middle.search(/w:fldCharType="separate"/);
    const instr = [
      ...(sep >= 0 ? middle.slice(0, sep) : middle).matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g),
    ]
      .map((m) => m[1])
      .join('');
    const f = mergeField(instr);
    return f ? (control(f.name, 'MERGEFIELD', firstRunProperties(all), f.format) ?? keep(all)) : all;
  });
  body = body.replace(TEXT_RUNS, (all: string) => {
    if (!all.includes('«')) return all;
    // The runs' text joined, each character remembering its run.
    const runs = [...all.matchAll(TEXT_RUN)].map((m) => ({ rPr: m[1] ?? '', text: m[2] }));
    const text = runs.map((r) => r.text).join('');
    const runAt: number[] = runs.flatMap((r, i) => Array.from({ length: r.text.length }, () => i));
    let out = '';
    let changed = false;
    let at = 0;
    /** The text from `from` to `to`, in runs with the properties of the runs it came from. */
    const plain = (from: number, to: number) => {
      let xml = '';
      for (let i = from; i < to;) {
        let j = i;
        while (j < to && runAt[j] === runAt[i]) j++;
        xml += `<w:r>${runs[runAt[i]].rPr}<w:t xml:space="preserve">${text.slice(i, j)}</w:t></w:r>`;
        i = j;
      }
      return xml;
    };
    for (const m of text.matchAll(/«([^«»]+)»/g)) {
      const ctl = control(unescapeXml(m[1]), 'text', runs[runAt[m.index]].rPr);
      if (!ctl) continue;
      out += plain(at, m.index) + ctl;
      at = m.index + m[0].length;
      changed = true;
    }
    return changed ? out + plain(at, text.length) : all;
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
