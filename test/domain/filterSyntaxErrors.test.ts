// A malformed filter says what is wrong, not only where: the error's details name the problem (`expected`)
// and what the message needs (the operator, the parenthesis it belongs to), so the pane can word it.
import { describe, expect, test } from 'vitest';
import { SegmentsError } from '../../src/domain/errors';
import { parseFilter, type FieldKind } from '../../src/domain/filterExpression';

const ctx = { locale: 'it-IT', today: '2026-12-07' };

function detailsOf(expr: string, kind: FieldKind = 'text'): Record<string, unknown> {
  try {
    parseFilter(expr, kind, ctx, 'contact.city');
  } catch (e) {
    if (e instanceof SegmentsError) return e.details;
    throw e;
  }
  throw new Error(`${expr} parsed`);
}

describe('a malformed filter names its problem', () => {
  test.each<[string, Record<string, unknown>]>([
    ['(Bologna', { expected: 'closingParenthesis', position: 9, open: 1 }],
    ['(A|(B)', { expected: 'closingParenthesis', position: 7, open: 1 }],
    ["'Bologna", { expected: 'closingQuote', position: 1 }],
    ["Roma|'Bo", { expected: 'closingQuote', position: 6 }],
    ['A..B..C', { expected: 'oneRange', position: 5 }],
    ['(A..B..C)', { expected: 'oneRange', position: 6 }],
    ['A&|B', { expected: 'valueAfter', operator: '&', position: 3 }],
    ['||', { expected: 'valueBefore', operator: '|', position: 1 }],
    ['&B', { expected: 'valueBefore', operator: '&', position: 1 }],
    ['(|B)', { expected: 'valueBefore', operator: '|', position: 2 }],
    ['Bologna|', { expected: 'valueAfter', operator: '|', position: 9 }],
    ['A&', { expected: 'valueAfter', operator: '&', position: 3 }],
    ['>', { expected: 'valueAfter', operator: '>', position: 2 }],
    ['<>|A', { expected: 'valueAfter', operator: '<>', position: 3 }],
    ['>=', { expected: 'valueAfter', operator: '>=', position: 3 }],
    ['@', { expected: 'valueAfter', operator: '@', position: 2 }],
    ['()', { expected: 'valueAfter', operator: '(', position: 2 }],
    ['(', { expected: 'valueAfter', operator: '(', position: 2 }],
    ['..', { expected: 'rangeEnd', position: 3 }],
    ['A|..', { expected: 'rangeEnd', position: 5 }],
    ['A)', { expected: 'openingParenthesis', position: 2 }],
    [')', { expected: 'openingParenthesis', position: 1 }],
    ['A(B)', { expected: 'connector', found: '(', position: 2 }],
    ['(A)B', { expected: 'connector', found: 'B', position: 4 }],
    ['A>B', { expected: 'connector', found: '>', position: 2 }],
    ['@>@A', { expected: 'oneAt', position: 3 }],
    [`${'('.repeat(65)}A${')'.repeat(65)}`, { expected: 'fewerParentheses', max: 64, position: 65 }],
    ['>A*', { expected: 'wildcardEquals', position: 2 }],
    ['A*..B', { expected: 'wildcardEquals', position: 1 }],
  ])('%s', (expr, details) => {
    expect(detailsOf(expr)).toMatchObject({ ...details, field: 'contact.city' });
  });

  test('an option or a yes/no value with a wildcard in a range or comparison', () => {
    expect(detailsOf('>Pers*', { option: { values: ['Company', 'Person'], captions: {} } })).toMatchObject({
      expected: 'wildcardEquals',
      position: 2,
    });
  });

  test('a yes/no field names the value that is neither', () => {
    for (const [expr, value, position] of [
      ['forse', 'forse', 1],
      ['1', '1', 1],
      ['Sì|falso', 'falso', 4],
      ['S*', 'S*', 1],
    ] as const)
      expect(detailsOf(expr, 'boolean'), expr).toMatchObject({ expected: 'boolean', value, position });
  });
});
