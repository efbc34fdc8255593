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
  if (rest.type === ')') fail(rest.position, "'|', '&' or the end of the filter", "')' without a matching '('");
  if (rest.type !== 'end') fail(rest.position, "'|', '&', ')' or the end of the filter", describeToken(rest));
  return tree;
}

class Parser {
  private k = 0;
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
    if (depth >= MAX_NESTING) this.fail(t.position, `at most ${MAX_NESTING} nested parentheses`, "'('");
    this.k++;
    const inner = this.parseOr(depth + 1);
    const close = this.peek();
    if (close.type !== ')') {
      this.fail(close.position, `'|', '&' or ')' to close the '(' at position ${t.position}`, describeToken(close));
    }
    this.k++;
    return inner;
  }

  private parseCondition(): Cond {
    let ci = this.take('@');
    const t = this.peek();
    if (t.type === 'op') {
      this.k++;
      if (this.take('@')) {
        if (ci) this.fail(this.tokens[this.k - 1].position, `a value after '${t.op}'`, "a second '@'");
        ci = true;
      }
      return { type: 'cond', ci, op: t.op, lit: this.literal(`a value after '${t.op}'`) };
    }
    const lo = this.optionalLiteral();
    if (this.peek().type === '..') {
      this.k++;
      const after = this.peek();
      const hi = this.optionalLiteral();
      if (!lo && !hi)
        this.fail(after.position, "a value after '..' (a range needs at least one end)", describeToken(after));
      return { type: 'range', ci, lo, hi };
    }
    if (!lo) this.fail(t.position, ci ? "a value after '@'" : "a value, an operator or '('", describeToken(t));
    return { type: 'cond', ci, op: '=', lit: lo };
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

  private literal(expected: string): LiteralToken {
    const t = this.peek();
    if (t.type !== 'literal') this.fail(t.position, expected, describeToken(t));
    this.k++;
    return t;
  }
}
