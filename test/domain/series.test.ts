import { describe, expect, test } from 'vitest';
import { incrementNo, nextNo } from '../../src/domain/series';

describe('number series', () => {
  test.each([
    ['SEG00001', undefined, 'SEG00001'],
    ['SEG00001', 'SEG00001', 'SEG00002'],
    ['SEG00001', 'SEG00099', 'SEG00100'],
    ['SEG00001', 'OTHER0005', 'SEG00001'],
    ['SEG00010', 'SEG00003', 'SEG00010'],
    ['CT-9', 'CT-9', 'CT-10'],
  ])('pattern %s after %s gives %s', (pattern, last, expected) => {
    expect(nextNo(pattern, last)).toBe(expected);
  });

  test('a number without digits, or a series past 20 characters, is refused', () => {
    expect(() => nextNo('SEG', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => incrementNo('ABCDEFGHIJKLMNOPQRS9')).toThrow(/exhausted/);
  });
});
