// A saved criterion stores dates as ISO so that it means the same for every user (segments.md, section 4):
// dates typed in the locale's short format or as BC's digit shortcuts are rewritten as ISO; today and the
// work date (`t`/`today`/`oggi`, `w`/`lavoro`) stay relative.
import { SegmentsError } from './errors';
import { parseFilter, type FilterContext } from './filterExpression';
import { tokenize } from './filterLexer';
import { isRelativeDate, parseFilterDate } from './filterValues';

/** The expression with every date literal written as ISO (YYYY-MM-DD); throws INVALID_FILTER when malformed. */
export function normalizeDateExpression(expression: string, ctx: FilterContext, field?: string): string {
  parseFilter(expression, 'date', ctx, field);
  const tokens = tokenize(expression, (position, expected, found) => {
    throw new SegmentsError('INVALID_FILTER', `at position ${position} expected ${expected}, found ${found}`, {
      position,
      field,
    });
  });
  let out = '';
  for (const t of tokens) {
    if (t.type === 'end') break;
    if (t.type === 'literal') {
      if (t.text === '') out += "''";
      else if (isRelativeDate(t.text)) out += t.text;
      else out += parseFilterDate(t.text, ctx) ?? t.text;
    } else if (t.type === 'op') out += t.op;
    else out += t.type;
  }
  return out;
}
