// The index keys of a filter expression on a code: what a store may narrow its read to before it checks
// the expression on the records.
import { expect, test } from 'vitest';
import { filterKeys, plainFilterValue } from '../../src/domain/filterKeys';

test('plain values, alternatives and prefixes give their keys; exact only without wildcards', () => {
  expect(filterKeys('SP0001')).toEqual({ values: ['SP0001'], prefixes: [], exact: true });
  expect(filterKeys('=SP0001')).toEqual({ values: ['SP0001'], prefixes: [], exact: true });
  expect(filterKeys("'A&B'")).toEqual({ values: ['A&B'], prefixes: [], exact: true });
  expect(filterKeys('SP0001|SC0001')).toEqual({ values: ['SP0001', 'SC0001'], prefixes: [], exact: true });
  expect(filterKeys('SP*')).toEqual({ values: [], prefixes: ['SP'], exact: false });
  expect(filterKeys('SP*|SC0001')).toEqual({ values: ['SC0001'], prefixes: ['SP'], exact: false });
  expect(filterKeys('SP*&<>SP0001')).toEqual({ values: [], prefixes: ['SP'], exact: false });
});

test('what can match outside any key, or does not parse, gives none', () => {
  for (const e of ['<>SP0001', 'A..B', '>A', '@sp*', '*01', '?P', 'SP*|<>X', '(((', ''])
    expect(filterKeys(e), e).toBeUndefined();
});

test('the one value an expression names', () => {
  expect(plainFilterValue('SP0001')).toBe('SP0001');
  expect(plainFilterValue(' SP0001 ')).toBe('SP0001');
  expect(plainFilterValue('SP0001|SC0001')).toBeUndefined();
  expect(plainFilterValue('SP*')).toBeUndefined();
  expect(plainFilterValue(undefined)).toBeUndefined();
});
