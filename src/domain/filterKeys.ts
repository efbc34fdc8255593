// The index keys a BC filter expression on a code or number can match (segments.md, section 4): the
// values it names exactly and the prefixes its wildcards start with. A store reads only the records under
// those keys through an index and checks the expression on them, rather than reading every record.
import { tokenize, type Fail } from './filterLexer';
import { parseTree, type FilterNode } from './filterParser';

export interface FilterKeys {
  /** Values matched as typed (case-sensitive). */
  values: string[];
  /** Every other value the expression matches starts with one of these. */
  prefixes: string[];
  /** The expression matches exactly `values`: their index entries answer it with no check of the records. */
  exact: boolean;
}

const stop: Fail = () => {
  throw new Error('not a filter');
};

/**
 * The keys that hold every value `expression` can match, or undefined when it can match values outside
 * any such set (`<>A`, `A..B`, `@a`, `*A`) or does not parse (parseFilter says where).
 */
export function filterKeys(expression: string): FilterKeys | undefined {
  let tree: FilterNode;
  try {
    const tokens = tokenize(expression, stop);
    if (tokens[0].type === 'end') return undefined;
    tree = parseTree(tokens, stop);
  } catch {
    return undefined;
  }
  return keysOf(tree);
}

/** The one value an expression names (`SP0001`, `=SP0001`, `'A&B'`), or undefined. */
export function plainFilterValue(expression: string | undefined): string | undefined {
  const keys = expression === undefined ? undefined : filterKeys(expression);
  return keys?.exact && keys.values.length === 1 ? keys.values[0] : undefined;
}

function keysOf(n: FilterNode): FilterKeys | undefined {
  if (n.type === 'cond') {
    if (n.ci || n.op !== '=') return undefined;
    if (!n.lit.hasWildcard) return { values: [n.lit.text], prefixes: [], exact: true };
    const first = n.lit.pieces[0];
    return typeof first === 'string' && first !== '' ? { values: [], prefixes: [first], exact: false } : undefined;
  }
  if (n.type === 'range') return undefined;
  if (n.type === '&') {
    // Whatever the other conditions, the matches are among one condition's keys.
    for (const item of n.items) {
      const k = keysOf(item);
      if (k) return { ...k, exact: false };
    }
    return undefined;
  }
  const all = { values: new Set<string>(), prefixes: new Set<string>(), exact: true };
  for (const item of n.items) {
    const k = keysOf(item);
    if (!k) return undefined;
    k.values.forEach((v) => all.values.add(v));
    k.prefixes.forEach((p) => all.prefixes.add(p));
    all.exact &&= k.exact;
  }
  return { values: [...all.values], prefixes: [...all.prefixes], exact: all.exact };
}
