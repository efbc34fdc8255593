// The number a user types in a segment's or a line's number field, read as the workspace locale writes it.
import { expect, test } from 'vitest';
import { readTypedNumber } from '../../../src/domain/segment';

test.each([
  ['en-US', '1,000', 1000],
  ['en-US', '1,234.5', 1234.5],
  ['en-US', '1234.5', 1234.5],
  ['en-US', '.5', 0.5],
  ['en-US', ' 15 ', 15],
  ['en-US', '', 0],
  ['it-IT', '1.234,50', 1234.5],
  ['it-IT', '1,5', 1.5],
  ['it-IT', '1.500', 1500],
  ['it-IT', '1500', 1500],
  ['fr-FR', '1 234,5', 1234.5],
  ['fr-FR', '1\u202f234,5', 1234.5],
])('%s: "%s" is %d', (locale, text, n) => {
  expect(readTypedNumber(text, locale)).toBe(n);
});

test.each([
  ['en-US', '1,5'],
  ['en-US', '1.234,50'],
  ['en-US', '1,00'],
  ['en-US', 'ten'],
  ['it-IT', '1.5'],
  ['it-IT', '1,234.50'],
  ['it-IT', '1,'],
])('%s: "%s" cannot be read', (locale, text) => {
  expect(readTypedNumber(text, locale)).toBeUndefined();
});
