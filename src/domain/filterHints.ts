// Hints for filter expressions that are valid but probably not what the user meant (segments.md,
// section 4). Pure: the pane shows the hint under the filter field through its message catalog.

import { ANY_RUN, tokenize, type LiteralToken, type Token } from './filterLexer';

export interface FilterHint {
  /** Message catalog key. */
  key: 'filter.hint.loneOperator';
  /** `operator`: the character typed; `literal`: the expression that finds the character itself. */
  params: { operator: '&' | '|'; literal: string };
}

function isLoneStar(t: Token | undefined): t is LiteralToken {
  return t?.type === 'literal' && t.pieces.length === 1 && t.pieces[0] === ANY_RUN && t.text === '*';
}

/**
 * The hint when `&` or `|` stands alone between two `*` (`*&*`, `* | *`): the expression means
 * "anything and anything", so it selects every contact; `*'&'*` finds the character.
 */
export function filterHint(expression: string): FilterHint | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(expression, () => {
      throw new Error('malformed');
    });
  } catch {
    return undefined;
  }
  for (let k = 1; k + 1 < tokens.length; k++) {
    const op = tokens[k];
    const left = tokens[k - 1];
    const right = tokens[k + 1];
    if ((op.type === '&' || op.type === '|') && isLoneStar(left) && isLoneStar(right)) {
      // A lone `*` literal is exactly one character long in the expression.
      const literal = `${expression.slice(0, left.position - 1)}*'${op.type}'*${expression.slice(right.position)}`;
      return { key: 'filter.hint.loneOperator', params: { operator: op.type, literal } };
    }
  }
  return undefined;
}
