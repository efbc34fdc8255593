// Builds the tree of a BC filter expression from its tokens: `|` of `&` of operands, an operand being a
// parenthesised expression or one condition (`@`? operator? value, or a range `lo..hi` with open ends).
import { describeToken, type CompareOp, type Fail, type LiteralToken, type Token } from './filterLexer';

export type Cond =
  | { type: 'cond'; ci: boolean; op: CompareOp; lit: LiteralToken }
  | { type: 'range'; ci: boolean; lo?: LiteralToken; hi?: LiteralToken };
export type FilterNode = Cond | { type: '|' | '&'; items: FilterNode[] };

const MAX_NESTING = 64;

/** The whole expression's tree; `tokens` must not be just the end. */
export function parseTree(tokens: Token[], fail: Fail): FilterNode {
  const parser = new Parser(tokens, fail);
  const tree = parser.parseOr(0);
  const rest = parser.peek();
  if (rest.type === ')')
    fail(rest.position, "'|', '&' or the end of the filter", "')' without a matching '('", {
      expected: 'openingParenthesis',
    });
  if (rest.type !== 'end') parser.unexpected(rest, "'|', '&', ')' or the end of the filter");
  return tree;
}

/** The token as the user typed it, for a message that names it. */
function sourceOf(t: Token): string {
  if (t.type === 'literal') return t.text;
  if (t.type === 'op') return t.op;
  return t.type;
}

class Parser {
  private k = 0;
  /** Whether the last condition read is a range: a `..` after it is a second one. */
  private lastRange = false;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: Fail,
  ) {}

  peek(): Token {
    return this.tokens[this.k];
  }

  parseOr(depth: number): FilterNode {
    const items = [this.parseAnd(depth)];
    while (this.peek().type === '|') {
      this.k++;
      items.push(this.parseAnd(depth));
    }
    return items.length === 1 ? items[0] : { type: '|', items };
  }

  private parseAnd(depth: number): FilterNode {
    const items = [this.parseOperand(depth)];
    while (this.peek().type === '&') {
      this.k++;
      items.push(this.parseOperand(depth));
    }
    return items.length === 1 ? items[0] : { type: '&', items };
  }

  private parseOperand(depth: number): FilterNode {
    const t = this.peek();
    if (t.type !== '(') return this.parseCondition();
    if (depth >= MAX_NESTING)
      this.fail(t.position, `at most ${MAX_NESTING} nested parentheses`, "'('", {
        expected: 'fewerParentheses',
        max: MAX_NESTING,
      });
    this.k++;
    const inner = this.parseOr(depth + 1);
    const close = this.peek();
    const expected = `'|', '&' or ')' to close the '(' at position ${t.position}`;
    if (close.type === 'end')
      this.fail(close.position, expected, describeToken(close), { expected: 'closingParenthesis', open: t.position });
    if (close.type !== ')') this.unexpected(close, expected);
    this.k++;
    return inner;
  }

  private parseCondition(): Cond {
    this.lastRange = false;
    let ci = this.take('@');
    const t = this.peek();
    if (t.type === 'op') {
      this.k++;
      if (this.take('@')) {
        if (ci)
          this.fail(this.tokens[this.k - 1].position, `a value after '${t.op}'`, "a second '@'", { expected: 'oneAt' });
        ci = true;
      }
      const lit = this.optionalLiteral();
      return { type: 'cond', ci, op: t.op, lit: lit ?? this.missingValue(`a value after '${t.op}'`) };
    }
    const lo = this.optionalLiteral();
    if (this.peek().type === '..') {
      this.k++;
      const after = this.peek();
      const hi = this.optionalLiteral();
      if (!lo && !hi)
        this.fail(after.position, "a value after '..' (a range needs at least one end)", describeToken(after), {
          expected: 'rangeEnd',
        });
      this.lastRange = true;
      return { type: 'range', ci, lo, hi };
    }
    return {
      type: 'cond',
      ci,
      op: '=',
      lit: lo ?? this.missingValue(ci ? "a value after '@'" : "a value, an operator or '('"),
    };
  }

  /**
   * Fails where a value should be, naming what is missing by what comes before it: a value after `|`, `&`,
   * `(`, `@` or an operator, before a `|` or `&` that starts the filter or a parenthesis, or a `)` that
   * closes nothing.
   */
  private missingValue(expected: string): never {
    const t = this.peek();
    const before: Token | undefined = this.tokens[this.k - 1];
    const found = describeToken(t);
    const connector = t.type === '|' || t.type === '&';
    if (connector && (before === undefined || before.type === '('))
      this.fail(t.position, expected, found, { expected: 'valueBefore', operator: t.type });
    if (before === undefined && t.type === ')')
      this.fail(t.position, expected, "')' without a matching '('", { expected: 'openingParenthesis' });
    if (before !== undefined && before.type !== 'literal' && before.type !== ')')
      this.fail(t.position, expected, found, { expected: 'valueAfter', operator: sourceOf(before) });
    return this.fail(t.position, expected, found);
  }

  /** Fails at a token that cannot follow a whole condition: a second `..`, or a part not joined by `|` or `&`. */
  unexpected(t: Token, expected: string): never {
    if (t.type === '..' && this.lastRange) this.fail(t.position, expected, "a second '..'", { expected: 'oneRange' });
    return this.fail(t.position, expected, describeToken(t), { expected: 'connector', found: sourceOf(t) });
  }

  private take(type: '@'): boolean {
    if (this.peek().type !== type) return false;
    this.k++;
    return true;
  }

  private optionalLiteral(): LiteralToken | undefined {
    const t = this.peek();
    if (t.type !== 'literal') return undefined;
    this.k++;
    return t;
  }
}
