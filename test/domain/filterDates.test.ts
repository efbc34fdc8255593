import { describe, expect, test } from 'vitest';
import { normalizeDateExpression } from '../../src/domain/filterDates';
import { parseFilter } from '../../src/domain/filterExpression';

const it = { locale: 'it-IT', today: '2026-03-02' };
const us = { locale: 'en-US', today: '2026-03-02' };

describe('dates in saved criteria are stored as ISO', () => {
  test.each([
    ['31/01/2026..', it, '2026-01-31..'],
    ['01/02/2026|>=15/03/2026', it, '2026-02-01|>=2026-03-15'],
    ['1/31/2026..2/28/2026', us, '2026-01-31..2026-02-28'],
    ['(<>01/01/2026)&t', it, '(<>2026-01-01)&t'],
    ["''", it, "''"],
    ['2026-01-31', us, '2026-01-31'],
    // BC's digit shortcuts are a date at once (the work date's month and year); the work date stays relative.
    ['7..0704', it, '2026-03-07..2026-04-07'],
    ['0407|040726', us, '2026-04-07|2026-04-07'],
    ['w..', it, 'w..'],
    ['<>lavoro&<>Work Date', it, '<>lavoro&<>Work Date'],
  ])('%s in %o is %s', (input, ctx, expected) => {
    expect(normalizeDateExpression(input, ctx)).toBe(expected);
  });

  test('the ISO form selects the same dates for a user of another locale', () => {
    const saved = normalizeDateExpression('01/02/2026..28/02/2026', it);
    const f = parseFilter(saved, 'date', us);
    expect(['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'].map((d) => f.matches(d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test('a malformed date is INVALID_FILTER with its position', () => {
    expect(() => normalizeDateExpression('01/02/2026..32/13/2026', it, 'date')).toThrow(
      expect.objectContaining({ code: 'INVALID_FILTER' }),
    );
  });
});
