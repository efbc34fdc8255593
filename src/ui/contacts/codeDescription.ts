// What a code stands for in its list: a group's description, a salesperson's or a language's name.
import type { CodeRecord } from '../lists/useCodeList';

/** The code's description or name in `rows` ('' when the list has none, or does not hold the code). */
export function codeDescription(rows: readonly CodeRecord[] | undefined, code: string): string {
  const r = rows?.find((x) => x.code === code);
  if (!r) return '';
  return ('description' in r && r.description) || ('name' in r && r.name) || '';
}

/** A code with what it stands for beside it ("XMAS · Christmas card"), or the code alone. */
export function codeWithDescription(rows: readonly CodeRecord[] | undefined, code: string): string {
  const d = codeDescription(rows, code);
  return d ? `${code} · ${d}` : code;
}
