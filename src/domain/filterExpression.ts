// BC filter expressions (segments.md, section 4): parsed once into a tree, compiled into closures that
// run over every contact. Syntax: `A`/`=A`, `A|B`, `A..B` (open ends allowed), `<>A`, `>A`, `>=A`, `<A`,
// `<=A`, `&` (binds tighter than `|`), `( )`, `*` and `?` wildcards, `@` case-insensitive, `''` blank,
// `'…'` quoted literal with `''` for a quote.
//
// Blank values (null, undefined, '') sort before every other value in every kind, as BC's empty text and
// 0D do: `<X`, `<=X` and `..X` include them, `>X` and `X..` do not, `<>X` does, `''` matches only them.
//
// Whitespace: spaces at the ends of the expression and around operators and parentheses are ignored;
// spaces inside a literal are kept (`New York`); quote a value to keep its edge spaces (`' Roma'`).
// An empty expression is an error: a caller with nothing to filter leaves the field out.
import { SegmentsError } from './errors';
import { ANY_RUN, ONE_CHAR, tokenize, type CompareOp, type Fail, type LiteralToken, type Piece } from './filterLexer';
import { parseTree, type Cond, type FilterNode } from './filterParser';
import {
  collatorFor,
  dateExample,
  isoDateOf,
  numberExample,
  parseFilterBoolean,
  parseFilterDate,
  parseFilterNumber,
  plainNumber,
} from './filterValues';
import { optionValueOf, type OptionField } from './filterOptions';

export { parseFilterDate } from './filterValues';
export { filterHint, type FilterHint } from './filterHints';

export type FilterValue = string | number | boolean | null | undefined;
/** An option field (BC's enum): its values and their captions (filterOptions.ts). */
export interface OptionKind {
  option: OptionField;
}
export type FieldKind = 'text' | 'number' | 'date' | 'boolean' | 'auto' | OptionKind;
export interface FilterContext {
  /** BCP 47, e.g. 'en-US', 'it-IT': collation of text, short date format, decimal comma. */
  locale: string;
  /** ISO YYYY-MM-DD: what `t`/`today` mean. */
  today: string;
}
export interface CompiledFilter {
  expression: string;
  matches(value: FilterValue): boolean;
}

/** Throws SegmentsError('INVALID_FILTER', message naming the 1-based position and what was expected, { position, field }) */
export function parseFilter(expression: string, kind: FieldKind, ctx: FilterContext, field?: string): CompiledFilter {
  const fail = failFor(expression, field);
  const tokens = tokenize(expression, fail);
  if (tokens[0].type === 'end') fail(1, 'a value', 'an empty filter');
  const tree = parseTree(tokens, fail);
  const compiler = new Compiler(kind, ctx, fail);
  const test = compiler.node(tree);
  const needsText = kind === 'text' || kind === 'auto';
  const needsFold = compiler.folds;
  return {
    expression,
    matches(value: FilterValue): boolean {
      const s = needsText ? textOf(value) : '';
      return test(value, s, needsFold ? fold(s) : s);
    },
  };
}

/** Quote a literal so that it matches exactly that value as an equality filter: plain when it holds no filter characters, else '…' with '' for a quote. */
export function quoteFilterValue(value: string): string {
  return NEEDS_QUOTES.test(value) ? `'${value.replaceAll("'", "''")}'` : value;
}
const NEEDS_QUOTES = /^$|^\s|\s$|[|&()<>='@*?]|\.\./;

function failFor(expression: string, field: string | undefined): Fail {
  const shown = expression.length > 120 ? `${expression.slice(0, 117)}...` : expression;
  return (position, expected, found, more) => {
    const where = field ? `Filter on ${field}` : 'Filter';
    const message = `${where} "${shown}": at position ${position} expected ${expected}, found ${found}.`;
    throw new SegmentsError('INVALID_FILTER', message, { ...more, position, field });
  };
}

/** A compiled part of the tree: the value, its text form and that text folded for `@`. */
type Test = (v: FilterValue, s: string, f: string) => boolean;
/** A comparable form of a value: undefined is blank (before everything), null is not comparable. */
type Key = number | string | undefined | null;

const OP_TESTS: Record<CompareOp, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function compareKeys(a: Key, b: Key): number {
  if (a === null || b === null) return NaN;
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

function textOf(v: FilterValue): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

function fold(s: string): string {
  return s.toLowerCase();
}

function globToRegExp(pieces: Piece[], ci: boolean): RegExp {
  let source = '';
  for (const p of pieces) {
    if (p === ANY_RUN) source += '[\\s\\S]*';
    else if (p === ONE_CHAR) source += '[\\s\\S]';
    else source += (ci ? fold(p) : p).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

function numberKeyOfValue(v: FilterValue): Key {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return plainNumber(v) ?? NaN;
  return null;
}

function dateKeyOfValue(v: FilterValue): Key {
  if (v === null || v === undefined || v === '') return undefined;
  return typeof v === 'string' ? (isoDateOf(v) ?? null) : null;
}

function booleanKeyOfValue(v: FilterValue): Key {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') {
    const b = parseFilterBoolean(v);
    return b === undefined ? null : b ? 1 : 0;
  }
  return null;
}

type Reader = (lit: LiteralToken) => Key;

class Compiler {
  /** Whether some condition is case-insensitive, so the value's folded text is needed. */
  folds = false;
  private readonly readers: Record<'number' | 'date' | 'boolean', { strict: Reader; loose: Reader }>;

  constructor(
    private readonly kind: FieldKind,
    private readonly ctx: FilterContext,
    private readonly fail: Fail,
  ) {
    const reader = (
      what: () => string,
      read: (text: string) => number | string | undefined,
      more?: (lit: LiteralToken) => Record<string, string | number>,
    ) => {
      const loose: Reader = (lit) => (lit.hasWildcard ? null : lit.text === '' ? undefined : (read(lit.text) ?? null));
      const strict: Reader = (lit) => {
        if (lit.hasWildcard)
          this.fail(lit.position, `${what()} (wildcards * and ? apply only to text)`, `'${lit.text}'`, more?.(lit));
        const key = loose(lit);
        if (key === null) this.fail(lit.position, what(), `'${lit.text}'`, more?.(lit));
        return key;
      };
      return { strict, loose };
    };
    this.readers = {
      number: reader(
        () => `a number (${numberExample(ctx.locale)})`,
        (t) => parseFilterNumber(t, ctx.locale),
        // The message the pane shows names the value and how a number is written in the locale.
        (lit) => ({ expected: 'number', example: numberExample(ctx.locale), value: lit.text }),
      ),
      date: reader(
        () => `a date (YYYY-MM-DD, ${dateExample(ctx.locale)} or t)`,
        (t) => parseFilterDate(t, ctx),
        // The message the pane shows names the value and how a date is written, with the locale's example.
        (lit) => ({ expected: 'date', example: dateExample(ctx.locale), value: lit.text }),
      ),
      boolean: reader(
        () => 'Yes or No',
        (t) => {
          const b = parseFilterBoolean(t);
          return b === undefined ? undefined : b ? 1 : 0;
        },
        // The message the pane shows names the value and lists the accepted ones, as an option field does.
        (lit) => ({ expected: 'boolean', value: lit.text }),
      ),
    };
  }

  node(n: FilterNode): Test {
    if (n.type === 'cond' || n.type === 'range') return this.condition(n);
    const tests = n.type === '|' ? this.anyOf(n.items) : n.items.map((item) => this.node(item));
    if (tests.length === 1) return tests[0];
    if (n.type === '&') {
      if (tests.length === 2) {
        const [a, b] = tests;
        return (v, s, f) => a(v, s, f) && b(v, s, f);
      }
      return (v, s, f) => {
        for (const t of tests) if (!t(v, s, f)) return false;
        return true;
      };
    }
    if (tests.length === 2) {
      const [a, b] = tests;
      return (v, s, f) => a(v, s, f) || b(v, s, f);
    }
    return (v, s, f) => {
      for (const t of tests) if (t(v, s, f)) return true;
      return false;
    };
  }

  /** The alternatives of `A|B|…`; plain text equalities become one set lookup (long lists of numbers). */
  private anyOf(items: FilterNode[]): Test[] {
    const tests: Test[] = [];
    if (this.kind !== 'text') return items.map((item) => this.node(item));
    const exact = new Set<string>();
    const folded = new Set<string>();
    for (const item of items) {
      if (item.type === 'cond' && item.op === '=' && !item.lit.hasWildcard)
        (item.ci ? folded : exact).add(item.ci ? fold(item.lit.text) : item.lit.text);
      else tests.push(this.node(item));
    }
    if (exact.size > 0) tests.push((_v, s) => exact.has(s));
    if (folded.size > 0) {
      this.folds = true;
      tests.push((_v, _s, f) => folded.has(f));
    }
    return tests;
  }

  private condition(c: Cond): Test {
    if (typeof this.kind === 'object') return this.optionCondition(c, this.kind.option);
    switch (this.kind) {
      case 'text':
        return this.textCondition(c);
      case 'auto':
        return this.autoCondition(c);
      case 'number':
        return keyed(c, this.readers.number.strict, numberKeyOfValue);
      case 'date':
        return keyed(c, this.readers.date.strict, dateKeyOfValue);
      case 'boolean':
        return keyed(c, this.readers.boolean.strict, booleanKeyOfValue);
    }
  }

  private textCondition(c: Cond): Test {
    if (c.ci) this.folds = true;
    if (c.type === 'cond' && (c.op === '=' || c.op === '<>')) {
      const equal = this.textEquality(c.lit, c.ci);
      return c.op === '=' ? equal : (v, s, f) => !equal(v, s, f);
    }
    for (const lit of c.type === 'cond' ? [c.lit] : [c.lo, c.hi]) {
      if (lit?.hasWildcard)
        this.fail(lit.position, 'a value without * or ? (wildcards work only with = and <>)', `'${lit.text}'`, {
          expected: 'wildcardEquals',
        });
    }
    const collator = collatorFor(this.ctx.locale, c.ci);
    const compare = (s: string, lit: string): number =>
      s === '' || lit === '' ? compareKeys(s || undefined, lit || undefined) : collator.compare(s, lit);
    if (c.type === 'cond') {
      const test = OP_TESTS[c.op];
      const lit = c.lit.text;
      return (_v, s) => test(compare(s, lit));
    }
    const lo = c.lo?.text;
    const hi = c.hi?.text;
    return (_v, s) => (lo === undefined || compare(s, lo) >= 0) && (hi === undefined || compare(s, hi) <= 0);
  }

  private textEquality(lit: LiteralToken, ci: boolean): Test {
    if (lit.hasWildcard) {
      const re = globToRegExp(lit.pieces, ci);
      return ci ? (_v, _s, f) => re.test(f) : (_v, s) => re.test(s);
    }
    const text = ci ? fold(lit.text) : lit.text;
    return ci ? (_v, _s, f) => f === text : (_v, s) => s === text;
  }

  /**
   * An option field: each literal names an option by its value or a caption, in any case (`società` is
   * Company); options compare by their order, as in BC. Wildcards pick the options whose value or captions
   * they match. A literal that names no option is an error naming the options.
   */
  private optionCondition(c: Cond, field: OptionField): Test {
    const blank = field.values.includes('') ? 0 : undefined;
    const valueKey = (v: FilterValue): Key => {
      if (v === null || v === undefined || v === '') return blank;
      const i = typeof v === 'string' ? field.values.indexOf(v) : -1;
      return i < 0 ? null : i;
    };
    const options = field.values.filter((v) => v !== '');
    const noOption = (lit: LiteralToken): never =>
      this.fail(lit.position, `one of ${options.join(', ')}`, `'${lit.text}'`, {
        expected: 'option',
        options: options.join('|'),
        value: lit.text,
      });
    if (c.type === 'cond' && (c.op === '=' || c.op === '<>') && c.lit.hasWildcard) {
      const re = globToRegExp(c.lit.pieces, true);
      const picked = new Set<Key>();
      for (const v of options)
        if ([v, ...(field.captions[v] ?? [])].some((name) => re.test(fold(name)))) picked.add(valueKey(v));
      if (picked.size === 0) noOption(c.lit);
      return c.op === '=' ? (v) => picked.has(valueKey(v)) : (v) => !picked.has(valueKey(v));
    }
    const reader: Reader = (lit) => {
      if (lit.hasWildcard)
        this.fail(lit.position, 'an option without * or ? (wildcards work only with = and <>)', `'${lit.text}'`, {
          expected: 'wildcardEquals',
        });
      if (lit.text === '') return blank;
      const value = optionValueOf(field, lit.text);
      return value === undefined ? noOption(lit) : valueKey(value);
    };
    return keyed(c, reader, valueKey);
  }

  /** An imported column: each value compares as what it is, when the literals can be read that way. */
  private autoCondition(c: Cond): Test {
    const lits = (c.type === 'cond' ? [c.lit] : [c.lo, c.hi]).filter((l): l is LiteralToken => l !== undefined);
    const typed = (reader: Reader, valueKey: (v: FilterValue) => Key): Test | undefined =>
      lits.every((l) => reader(l) !== null) ? keyed(c, reader, valueKey) : undefined;
    const asText = this.textCondition(c);
    const asNumber = typed(this.readers.number.loose, numberKeyOfValue);
    const asBoolean = typed(this.readers.boolean.loose, booleanKeyOfValue);
    const asDate = typed(this.readers.date.loose, dateKeyOfValue);
    return (v, s, f) => {
      if (typeof v === 'number') return asNumber ? asNumber(v, s, f) : asText(v, s, f);
      if (typeof v === 'boolean') return asBoolean ? asBoolean(v, s, f) : asText(v, s, f);
      if (asDate && typeof v === 'string' && v.length === 10 && isoDateOf(v)) return asDate(v, s, f);
      return asText(v, s, f);
    };
  }
}

/** A condition on numbers, dates or booleans: literals read once, the value's key computed per record. */
function keyed(c: Cond, reader: Reader, valueKey: (v: FilterValue) => Key): Test {
  if (c.type === 'cond') {
    const key = reader(c.lit);
    const test = OP_TESTS[c.op];
    return (v) => test(compareKeys(valueKey(v), key));
  }
  const lo = c.lo ? reader(c.lo) : undefined;
  const hi = c.hi ? reader(c.hi) : undefined;
  const hasLo = c.lo !== undefined;
  const hasHi = c.hi !== undefined;
  return (v) => {
    const k = valueKey(v);
    return (!hasLo || compareKeys(k, lo) >= 0) && (!hasHi || compareKeys(k, hi) <= 0);
  };
}
