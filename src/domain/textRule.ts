// The one text rule for everything the workspace stores (sync.md, "No value or size can jam a pane"):
// no NUL, no lone surrogate, no C0 control character but tab, carriage return and line feed. PostgreSQL's
// jsonb cannot hold the first two at all, and the others are never typed by a user. The rule itself is
// text.ts's; this module words it for the server's answers, with the path and the position.
import { storedTextProblemAt } from './text';

/** Why `value` breaks the text rule (text.ts, the one rule the panes apply too), or undefined. */
export function textRuleViolation(value: string): string | undefined {
  const at = storedTextProblemAt(value);
  if (!at) return undefined;
  const hex = at.code.toString(16).toUpperCase().padStart(4, '0');
  const where = `at position ${at.index + 1}`;
  if (at.problem === 'nul') return `holds a NUL character ${where}`;
  if (at.problem === 'loneSurrogate') return `holds a lone surrogate (U+${hex}) ${where}`;
  return `holds the control character U+${hex} ${where}`;
}

/**
 * The first string in `value` (object keys included, at any depth) that breaks the text rule, with its
 * path ("extraFields.Note", "letters.2.ooxml"); undefined when every string follows the rule.
 */
export function findTextRuleViolation(value: unknown): { path: string; reason: string } | undefined {
  const found = find(value);
  return found && { path: found.path.reverse().join('.'), reason: found.reason };
}

/** Characters that may break the rule: only strings holding one are looked at closely. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/** Depth first; the path is built (innermost first) only for the string that breaks the rule. */
function find(v: unknown, depth = 0): { path: string[]; reason: string } | undefined {
  if (typeof v === 'string') {
    const reason = SUSPECT.test(v) ? textRuleViolation(v) : undefined;
    return reason === undefined ? undefined : { path: [], reason };
  }
  if (v === null || typeof v !== 'object') return undefined;
  if (depth > 64) return { path: [], reason: 'is nested more than 64 levels deep' };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const inner = find(v[i], depth + 1);
      if (inner) return (inner.path.push(String(i)), inner);
    }
    return undefined;
  }
  for (const k in v as Record<string, unknown>) {
    if (!Object.hasOwn(v, k)) continue;
    const keyReason = SUSPECT.test(k) ? textRuleViolation(k) : undefined;
    if (keyReason) return { path: [JSON.stringify(k)], reason: `its field name ${keyReason}` };
    const inner = find((v as Record<string, unknown>)[k], depth + 1);
    if (inner) return (inner.path.push(k), inner);
  }
  return undefined;
}
