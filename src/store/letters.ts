// Letters as they are stored or packaged: without external relationships (an attached template, a linked
// picture, a remote font: domain/letterSafety), so that opening one never fetches anything. One pass per
// distinct letter: the same letter logged for many contacts is sanitised once.
import { sanitizeLetter } from '../domain/letterSafety';

export function letterCleaner(): (ooxml: string) => string {
  const seen = new Map<string, string>();
  return (ooxml) => {
    if (!ooxml) return ooxml;
    let clean = seen.get(ooxml);
    if (clean === undefined) seen.set(ooxml, (clean = sanitizeLetter(ooxml).ooxml));
    return clean;
  };
}

/** One letter (a line's own letter, an entry's letter); undefined stays undefined. */
export function cleanLetter<T extends string | undefined>(ooxml: T): T {
  return (ooxml ? sanitizeLetter(ooxml).ooxml : ooxml) as T;
}

/** Letters by language (a segment's or an interaction template's). */
export function cleanLetters<L extends { ooxml: string }>(letters: Record<string, L>): Record<string, L> {
  const clean = letterCleaner();
  return Object.fromEntries(Object.entries(letters).map(([k, l]) => [k, { ...l, ooxml: clean(l.ooxml) }]));
}

/** A row that may carry letters (an interaction template): the same row with them sanitised. */
export function cleanRowLetters<R>(row: R): R {
  const letters = (row as { letters?: unknown } | null)?.letters;
  if (typeof letters !== 'object' || letters === null || Array.isArray(letters)) return row;
  const ok = Object.values(letters).every((l) => typeof (l as { ooxml?: unknown })?.ooxml === 'string');
  return ok ? { ...row, letters: cleanLetters(letters as Record<string, { ooxml: string }>) } : row;
}
