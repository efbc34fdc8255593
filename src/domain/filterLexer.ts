// Splits a BC filter expression into tokens (segments.md, section 4).
// Whitespace between tokens is skipped; inside a literal it is kept, except at the ends of its unquoted
// part (so `A | B` means `A|B`, while `New York` and `' A '` keep their spaces).
// An apostrophe touching a letter on its left is a plain character (`D'Angelo*`, `Bon app'`); any other
// quote opens a quoted part that ends at the next unpaired quote (`*'&'*`, `'A|B'`, `'O''Brien'`).

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A piece of a literal: plain characters, `*` (any run) or `?` (one character). */
export type Piece = string | typeof ANY_RUN | typeof ONE_CHAR;
export const ANY_RUN = Symbol('*');
export const ONE_CHAR = Symbol('?');

export interface LiteralToken {
  type: 'literal';
  /** 1-based position of the literal's first character. */
  position: number;
  /** The literal as the user meant it: quotes removed, `''` inside quotes turned into one quote. */
  text: string;
  pieces: Piece[];
  hasWildcard: boolean;
}
export interface OpToken {
  type: 'op';
  position: number;
  op: CompareOp;
}
export interface PunctToken {
  type: '|' | '&' | '(' | ')' | '..' | '@' | 'end';
  position: number;
}
export type Token = LiteralToken | OpToken | PunctToken;

/**
 * Throws the filter's error at a 1-based position; `more` adds the details the pane words it from:
 * `expected` names the problem (a message key, see src/ui/criteria/messages.ts) and the rest fills it.
 */
export type Fail = (position: number, expected: string, found: string, more?: Record<string, string | number>) => never;

const SPACE = /\s/;
// Characters that end an unquoted literal (`..` ends it too; `@`, `*`, `?` do not).
const DELIMITERS = new Set(['|', '&', '(', ')', '<', '>', '=']);

export function tokenize(expr: string, fail: Fail): Token[] {
  const tokens: Token[] = [];
  const n = expr.length;
  let i = 0;
  for (;;) {
    while (i < n && SPACE.test(expr[i])) i++;
    if (i >= n) {
      tokens.push({ type: 'end', position: n + 1 });
      return tokens;
    }
    const c = expr[i];
    const position = i + 1;
    const next = expr[i + 1];
    if (c === '|' || c === '&' || c === '(' || c === ')' || c === '@') {
      tokens.push({ type: c, position });
      i++;
    } else if (c === '<') {
      const op: CompareOp = next === '>' ? '<>' : next === '=' ? '<=' : '<';
      tokens.push({ type: 'op', position, op });
      i += op.length;
    } else if (c === '>') {
      const op: CompareOp = next === '=' ? '>=' : '>';
      tokens.push({ type: 'op', position, op });
      i += op.length;
    } else if (c === '=') {
      tokens.push({ type: 'op', position, op: '=' });
      i++;
    } else if (c === '.' && next === '.') {
      tokens.push({ type: '..', position });
      i += 2;
    } else {
      i = readLiteral(expr, i, tokens, fail);
    }
  }
}

/** Reads one literal starting at `start`, pushes it, returns the index after it. */
function readLiteral(expr: string, start: number, tokens: Token[], fail: Fail): number {
  const n = expr.length;
  const pieces: Piece[] = [];
  let buf = '';
  let text = '';
  let hasWildcard = false;
  // Unquoted spaces at the end of `buf`: dropped if nothing but delimiters follows.
  let trailing = 0;
  let i = start;
  while (i < n) {
    const c = expr[i];
    if (c === "'" && !followsLetter(expr, i)) {
      const open = i;
      i++;
      let closed = false;
      while (i < n) {
        if (expr[i] === "'") {
          if (expr[i + 1] === "'") {
            buf += "'";
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        buf += expr[i];
        i++;
      }
      if (!closed)
        fail(open + 1, `a closing quote for the quote at position ${open + 1}`, 'the end of the filter', {
          expected: 'closingQuote',
        });
      trailing = 0;
      continue;
    }
    if (DELIMITERS.has(c) || (c === '.' && expr[i + 1] === '.')) break;
    if (c === '*' || c === '?') {
      if (buf !== '') pieces.push(buf);
      text += buf + c;
      buf = '';
      pieces.push(c === '*' ? ANY_RUN : ONE_CHAR);
      hasWildcard = true;
      trailing = 0;
    } else {
      buf += c;
      trailing = SPACE.test(c) ? trailing + 1 : 0;
    }
    i++;
  }
  if (trailing > 0) buf = buf.slice(0, buf.length - trailing);
  if (buf !== '') pieces.push(buf);
  text += buf;
  tokens.push({ type: 'literal', position: start + 1, text, pieces, hasWildcard });
  return i;
}

const LETTER_BEFORE = /\p{L}$/u;

/** Whether the character before `i` is a letter (of any script; a surrogate pair counts as one). */
function followsLetter(expr: string, i: number): boolean {
  return i > 0 && LETTER_BEFORE.test(expr.slice(Math.max(0, i - 2), i));
}

export function describeToken(t: Token): string {
  if (t.type === 'end') return 'the end of the filter';
  if (t.type === 'literal') return `'${t.text}'`;
  if (t.type === 'op') return `'${t.op}'`;
  return `'${t.type}'`;
}
