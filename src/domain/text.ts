// The one text rule for everything stored (sync.md, "No value or size can jam a pane"): no NUL, no lone
// UTF-16 surrogate, no C0 control character but tab, CR and LF (and no DEL). PostgreSQL's jsonb refuses
// NUL and lone surrogates; XML (letters) and BC text refuse the controls. Every schema of a stored row
// and of an action's arguments checks it; the server checks the same rule with the same function.
import * as z from 'zod/mini';
import './zodMessages';

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type TextProblem = 'nul' | 'control' | 'loneSurrogate';

// One pass over the string: a forbidden control, a high surrogate not followed by a low one, or a low
// surrogate not preceded by a high one (no `u` flag: the pattern sees UTF-16 code units).
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A cheap first look: no control and no surrogate at all is the common case.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/** What breaks the text rule in `s`, or undefined when `s` may be stored. */
export function storedTextProblem(s: string): TextProblem | undefined {
  return storedTextProblemAt(s)?.problem;
}

/** The same, with the first offending character and its index (for messages that name the position). */
export function storedTextProblemAt(s: string): { problem: TextProblem; index: number; code: number } | undefined {
  if (!SUSPECT.test(s)) return undefined;
  const m = FORBIDDEN.exec(s);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  return {
    problem: c === 0 ? 'nul' : c >= 0xd800 && c <= 0xdfff ? 'loneSurrogate' : 'control',
    index: m.index,
    code: c,
  };
}

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: 'contains a NUL character',
  control: 'contains control characters',
  loneSurrogate: 'contains a broken character (a lone UTF-16 surrogate)',
};

/** The English reason for a text problem (the pane translates by the problem's code). */
export function textProblemMessage(p: TextProblem): string {
  return PROBLEM_TEXT[p];
}

/** True when `s` follows the text rule. */
export function isStorableText(s: string): boolean {
  return storedTextProblem(s) === undefined;
}

/** The text with every character the rule forbids removed (lone surrogates included). */
export function stripUnstorableText(s: string): string {
  if (isStorableText(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (FORBIDDEN_CONTROL.test(s[i])) continue;
    out += s[i];
  }
  return out;
}

export interface TextRuleViolation {
  /** Where in the value: keys and indexes from its root, e.g. ['extra', 'Note'] or [2, 'comment']. */
  path: (string | number)[];
  problem: TextProblem;
}

/**
 * The first string anywhere in `value` (object keys included) that breaks the rule, or undefined.
 * Walks plain objects and arrays; other values (numbers, booleans, null) are fine. The path is built
 * only for the offending string (an import's arguments are walked whole).
 */
export function findTextRuleViolation(value: unknown, path: (string | number)[] = []): TextRuleViolation | undefined {
  const found = walk(value);
  return found ? { path: [...path, ...found.path.reverse()], problem: found.problem } : undefined;
}

function walk(value: unknown): TextRuleViolation | undefined {
  if (typeof value === 'string') {
    const problem = storedTextProblem(value);
    return problem ? { path: [], problem } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === null || (typeof v !== 'string' && typeof v !== 'object')) continue;
      const found = walk(v);
      if (found) {
        found.path.push(i);
        return found;
      }
    }
    return undefined;
  }
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const keyProblem = storedTextProblem(k);
    if (keyProblem) return { path: [k], problem: keyProblem };
    const v = (value as Record<string, unknown>)[k];
    if (v === null || (typeof v !== 'string' && typeof v !== 'object')) continue;
    const found = walk(v);
    if (found) {
      found.path.push(k);
      return found;
    }
  }
  return undefined;
}

/** A zod string that follows the text rule: the base of every stored text field. */
export function storedString() {
  return z
    .string()
    .check(
      z.refine(isStorableText, { error: (iss) => PROBLEM_TEXT[storedTextProblem(String(iss.input)) ?? 'control'] }),
    );
}
