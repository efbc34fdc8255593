// The one text rule for everything the workspace stores (sync.md, "No value or size can jam a pane"):
// no NUL, no lone surrogate, no C0 control character but tab, carriage return and line feed. PostgreSQL's
// jsonb cannot hold the first two at all, and the others are never typed by a user.

/** Why `value` breaks the text rule, or undefined when it follows it. */
export function textRuleViolation(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0) return `holds a NUL character at position ${i + 1}`;
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return `holds the control character U+${c.toString(16).toUpperCase().padStart(4, '0')} at position ${i + 1}`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `holds a lone surrogate (U+${c.toString(16).toUpperCase()}) at position ${i + 1}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `holds a lone surrogate (U+${c.toString(16).toUpperCase()}) at position ${i + 1}`;
  }
  return undefined;
}

/**
 * The first string in `value` (object keys included, at any depth) that breaks the text rule, with its
 * path ("extraFields.Note", "letters.2.ooxml"); undefined when every string follows the rule.
 */
export function findTextRuleViolation(value: unknown): { path: string; reason: string } | undefined {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const reason = textRuleViolation(v);
      if (reason) return { path: path.join('.'), reason };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, String(i)] });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, inner] = entries[i];
        const keyReason = textRuleViolation(k);
        if (keyReason) return { path: [...path, JSON.stringify(k)].join('.'), reason: `its field name ${keyReason}` };
        stack.push({ v: inner, path: [...path, k] });
      }
    }
  }
  return undefined;
}
