// The merge-field check before merging: fields in the letters (bodies, headers and footers) that no data
// can fill or that match no field, per contact the fields that would come out blank or lose characters,
// and what the letters referred to outside themselves (an attached template, a linked picture), which the
// merged letters leave out. A segment without lines has nothing to merge. The user fixes the data or
// accepts.
import { stripExternalRelationships, type StrippedRelationship } from './letterSafety';
import type { LegacyField } from './mergeConvert';
import type { RenderedLetter } from './mergeRender';
import type { SegmentLine } from './segment';

export interface MergeLineIssue {
  lineNo: number;
  contactNo: string;
  /** Fields that come out blank for this contact. */
  blanks: string[];
  /** Fields that lose characters XML cannot hold, with the code points dropped. */
  dropped: { key: string; codePoints: string[] }[];
  /** The line has no contact, or no letter exists for it: it gets no letter. */
  noLetter?: 'no-contact' | 'no-letter';
}

export interface MergeCheck {
  /** Every field the letters use, in order of first use. */
  usedFields: string[];
  /** Fields that name nothing we know. */
  unknownFields: string[];
  /** Known fields that are blank for every contact: no data fills them. */
  emptyFields: string[];
  /** Lines with something to say, in line order. */
  lines: MergeLineIssue[];
  /**
   * Word mail-merge fields («Name», MERGEFIELD) the letters still hold, each once: they would print as they
   * are. Without `key` they match no field at all.
   */
  legacy: LegacyField[];
  /** The segment has no lines: there is nothing to merge. */
  noLines: boolean;
  /** Language codes with no locale in the Language list: their letters used the workspace locale. */
  unknownLanguages: { languageCode: string; locale: string; lines: number }[];
  letters: number;
  /** External relationships of the letters (attached template, linked picture, font): left out of every merged letter. */
  stripped: StrippedRelationship[];
  /** True when nothing needs the user's attention. */
  clean: boolean;
}

/** Fields a letter may leave empty for a contact (the line's Comment): blank there is not a finding. */
const OPTIONAL_FIELDS = new Set(['comment']);

export function checkMerge(
  lines: SegmentLine[],
  rendered: (RenderedLetter | undefined)[],
  legacy: LegacyField[] = [],
): MergeCheck {
  const used: string[] = [];
  const unknown = new Set<string>();
  const filled = new Set<string>();
  const issues: MergeLineIssue[] = [];
  let letters = 0;
  const languages = new Map<string, { languageCode: string; locale: string; lines: number }>();
  const stripped = new Map<string, StrippedRelationship>();
  const seenLetters = new Set<RenderedLetter['letter']>();
  const legacyFields = new Map<string, LegacyField>();
  const addLegacy = (f: LegacyField) => {
    const k = `${f.kind}\u0000${f.name}`;
    if (!legacyFields.has(k)) legacyFields.set(k, f);
  };
  legacy.forEach(addLegacy);
  lines.forEach((line, i) => {
    const r = rendered[i];
    if (r?.languageFallback) {
      const l = languages.get(r.languageFallback) ?? { languageCode: r.languageFallback, locale: r.locale, lines: 0 };
      l.lines++;
      languages.set(r.languageFallback, l);
    }
    if (!r) {
      issues.push({
        lineNo: line.lineNo,
        contactNo: line.contactNo,
        blanks: [],
        dropped: [],
        noLetter: line.contactNo ? 'no-letter' : 'no-contact',
      });
      return;
    }
    letters++;
    if (!seenLetters.has(r.letter)) {
      seenLetters.add(r.letter);
      for (const x of stripExternalRelationships(r.letter.pkg).stripped) stripped.set(`${x.kind} ${x.target}`, x);
      r.letter.legacy.forEach(addLegacy);
    }
    for (const k of r.letter.keys) if (!used.includes(k)) used.push(k);
    for (const k of r.unknown) unknown.add(k);
    for (const k of r.letter.keys) if (!r.blanks.includes(k)) filled.add(k);
    const blanks = r.blanks.filter((k) => !r.unknown.includes(k) && !OPTIONAL_FIELDS.has(k));
    if (blanks.length || r.dropped.length) {
      issues.push({
        lineNo: r.lineNo,
        contactNo: r.contactNo,
        blanks,
        dropped: r.dropped.map((d) => ({ key: d.key, codePoints: [...new Set(d.chars.map((c) => c.codePoint))] })),
      });
    }
  });
  const unknownFields = used.filter((k) => unknown.has(k));
  const emptyFields = letters ? used.filter((k) => !unknown.has(k) && !filled.has(k) && !OPTIONAL_FIELDS.has(k)) : [];
  return {
    usedFields: used,
    unknownFields,
    emptyFields,
    lines: issues,
    legacy: [...legacyFields.values()],
    noLines: lines.length === 0,
    unknownLanguages: [...languages.values()],
    letters,
    stripped: [...stripped.values()],
    clean:
      lines.length > 0 &&
      unknownFields.length === 0 &&
      emptyFields.length === 0 &&
      issues.length === 0 &&
      legacyFields.size === 0 &&
      languages.size === 0 &&
      stripped.size === 0,
  };
}
