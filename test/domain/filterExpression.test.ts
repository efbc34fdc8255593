import fc from 'fast-check';
import { SegmentsError } from '../../src/domain/errors';
import {
  filterHint,
  parseFilter,
  parseFilterDate,
  quoteFilterValue,
  type FieldKind,
  type FilterContext,
  type FilterValue,
} from '../../src/domain/filterExpression';

const IT: FilterContext = { locale: 'it-IT', today: '2026-01-31' };
const EN: FilterContext = { locale: 'en-US', today: '2026-01-31' };
// Property runs: moderate so the suite stays fast; raise FILTER_RUNS for a deeper search.
const RUNS = Number(process.env.FILTER_RUNS ?? 300);

function select(expr: string, kind: FieldKind, values: FilterValue[], ctx: FilterContext = IT): FilterValue[] {
  const f = parseFilter(expr, kind, ctx);
  return values.filter((v) => f.matches(v));
}

function errorOf(run: () => unknown): SegmentsError {
  try {
    run();
  } catch (e) {
    if (e instanceof SegmentsError) return e;
    throw e;
  }
  throw new Error('expected an INVALID_FILTER error, the filter parsed');
}

describe('text filters', () => {
  const cities: FilterValue[] = [
    'ROMA',
    'Roma',
    'roma',
    'Roma Nord',
    'rosa',
    'Milano',
    "O'Brien",
    'A|B',
    '',
    null,
    undefined,
  ];
  test.each<[string, FilterValue[]]>([
    ['ROMA', ['ROMA']],
    ['=ROMA', ['ROMA']],
    ['Roma Nord', ['Roma Nord']],
    ['@roma', ['ROMA', 'Roma', 'roma']],
    ['@roma*', ['ROMA', 'Roma', 'roma', 'Roma Nord']],
    ['=@roma', ['ROMA', 'Roma', 'roma']],
    ['Roma|Milano|Napoli', ['Roma', 'Milano']],
    ['*om*', ['Roma', 'roma', 'Roma Nord']],
    ['ro?a', ['roma', 'rosa']],
    ['@RO?A', ['ROMA', 'Roma', 'roma', 'rosa']],
    ['Roma*', ['Roma', 'Roma Nord']],
    ['*', ['ROMA', 'Roma', 'roma', 'Roma Nord', 'rosa', 'Milano', "O'Brien", 'A|B', '', null, undefined]],
    ['<>Roma', ['ROMA', 'roma', 'Roma Nord', 'rosa', 'Milano', "O'Brien", 'A|B', '', null, undefined]],
    ['<>@roma*', ['rosa', 'Milano', "O'Brien", 'A|B', '', null, undefined]],
    ["''", ['', null, undefined]],
    ["=''", ['', null, undefined]],
    ["<>''", ['ROMA', 'Roma', 'roma', 'Roma Nord', 'rosa', 'Milano', "O'Brien", 'A|B']],
    ["'A|B'", ['A|B']],
    ["'O''Brien'", ["O'Brien"]],
    ["'Roma*'", []], // a quoted star is a plain character
    ['(Roma|roma)&<>roma', ['Roma']],
    ['Roma|roma&<>roma', ['Roma']], // & binds tighter than |
    ['(Roma|roma|rosa)&ro*', ['roma', 'rosa']],
    ['((Roma))', ['Roma']],
    ['  Roma  ', ['Roma']],
    ['Roma | Milano', ['Roma', 'Milano']],
    ["' Roma'", []],
  ])('%s', (expr, expected) => {
    expect(select(expr, 'text', cities)).toEqual(expected);
  });

  const codes: FilterValue[] = ['C0001', 'C0050', 'C0100', 'C0101', '', null];
  test.each<[string, FilterValue[]]>([
    ['C0001..C0100', ['C0001', 'C0050', 'C0100']],
    ['..C0050', ['C0001', 'C0050', '', null]], // blank sorts first, as in BC
    ['C0100..', ['C0100', 'C0101']],
    ['>C0050', ['C0100', 'C0101']],
    ['>=C0050', ['C0050', 'C0100', 'C0101']],
    ['<C0050', ['C0001', '', null]],
    ['<=C0050', ['C0001', 'C0050', '', null]],
    ['>C0001&<C0101', ['C0050', 'C0100']],
    ['C0001|C0100..', ['C0001', 'C0100', 'C0101']],
    ["''..C0001", ['C0001', '', null]],
  ])('range %s', (expr, expected) => {
    expect(select(expr, 'text', codes)).toEqual(expected);
  });

  test('ranges and comparisons follow the locale collation, not character codes', () => {
    const names: FilterValue[] = ['a', 'A', 'b', 'B', 'Z', 'e', 'é'];
    expect(select('..b', 'text', names)).toEqual(['a', 'A', 'b']);
    expect(select('@..b', 'text', names)).toEqual(['a', 'A', 'b', 'B']);
    expect(select('>e', 'text', names)).toEqual(['Z', 'é']);
    expect(select('a..b', 'text', names, EN)).toEqual(['a', 'A', 'b']);
    expect(select('@e..e', 'text', ['e', 'E', 'é', 'É'])).toEqual(['e', 'E']); // case-insensitive, accents count
  });

  test('numbers and booleans in a text field compare as their text', () => {
    expect(select('4*', 'text', [42, 7, '4'])).toEqual([42, '4']);
    expect(select('Yes', 'text', [true, false])).toEqual([true]);
  });

  test('regular-expression characters are plain', () => {
    expect(select('a.b*', 'text', ['a.b', 'axb', 'a.bc'])).toEqual(['a.b', 'a.bc']);
    expect(select("'(x)'|[y]|^$", 'text', ['(x)', '[y]', '^$', 'x'])).toEqual(['(x)', '[y]', '^$']);
    expect(select('?', 'text', ['é', 'ab', '', '😀'])).toEqual(['é', '😀']);
  });

  test('an e-mail address needs no quotes when @ is not its first character', () => {
    expect(select('*@example.com', 'text', ['ann@example.com', 'bob@example.org'])).toEqual(['ann@example.com']);
  });

  test('a long list of numbers selects through one lookup and stays exact', () => {
    const nos = Array.from({ length: 500 }, (_, i) => `C${String(i).padStart(4, '0')}`);
    const f = parseFilter(nos.join('|'), 'text', IT);
    expect(f.matches('C0499')).toBe(true);
    expect(f.matches('c0499')).toBe(false);
    expect(f.matches('C0500')).toBe(false);
    expect(f.expression).toBe(nos.join('|'));
  });
});

describe('apostrophes as users type them', () => {
  const names: FilterValue[] = [
    "D'Angelo",
    "D'Angelo Srl",
    'DAngelo',
    "Trail's Head Gourmet",
    "Trail's Head",
    "Bon app'",
    'Bon app',
    "Ortofrutta Dell'Orto",
    "dell'orto",
    'Dellorto',
    'A & B',
    'AB',
    "O'Brien",
    '',
    null,
  ];
  test.each<[string, FilterValue[]]>([
    ["D'Angelo*", ["D'Angelo", "D'Angelo Srl"]],
    ["Trail's Head", ["Trail's Head"]],
    ["Trail's Head*", ["Trail's Head Gourmet", "Trail's Head"]],
    ["Bon app'", ["Bon app'"]],
    ["@*dell'orto*", ["Ortofrutta Dell'Orto", "dell'orto"]],
    ["*'&'*", ['A & B']], // a quote after a wildcard still opens a quoted part
    [
      "*''''*",
      [
        "D'Angelo",
        "D'Angelo Srl",
        "Trail's Head Gourmet",
        "Trail's Head",
        "Bon app'",
        "Ortofrutta Dell'Orto",
        "dell'orto",
        "O'Brien",
      ],
    ],
    ["'O''Brien'", ["O'Brien"]],
    ["O'Brien|D'Angelo", ["D'Angelo", "O'Brien"]],
    ["<>D'Angelo*&<>''", names.filter((n) => typeof n === 'string' && n !== '' && !n.startsWith("D'Angelo"))],
    ["@d'angelo..d'angelo srl", ["D'Angelo", "D'Angelo Srl"]],
    ["'A|B'", []], // a leading quote still opens a literal
  ])('%s', (expr, expected) => {
    expect(select(expr, 'text', names)).toEqual(expected);
  });

  test('an apostrophe after a letter from any script is plain', () => {
    expect(select("Sant'Anna|Ça'va|Ψ'x", 'text', ["Sant'Anna", "Ça'va", "Ψ'x", 'SantAnna'])).toEqual([
      "Sant'Anna",
      "Ça'va",
      "Ψ'x",
    ]);
  });

  test('a quote not touching a letter on its left still needs its closing quote', () => {
    for (const [expr, position] of [
      ["O''Brien", 3], // the second quote follows a quote, not a letter
      ["1'000", 2], // a digit is not a letter
      ["D' Angelo|'x", 11],
      ["*'*", 2], // after a wildcard the quote opens: `*''''*` finds the apostrophe itself
    ] as const) {
      const e = errorOf(() => parseFilter(expr, 'text', IT, 'name'));
      expect(e.code, expr).toBe('INVALID_FILTER');
      expect(e.details.position, expr).toBe(position);
    }
  });
});

describe('filterHint: a lone & or | between wildcards', () => {
  test.each<[string, ReturnType<typeof filterHint>]>([
    ['*&*', { key: 'filter.hint.loneOperator', params: { operator: '&', literal: "*'&'*" } }],
    ['* & *', { key: 'filter.hint.loneOperator', params: { operator: '&', literal: "*'&'*" } }],
    ['*|*', { key: 'filter.hint.loneOperator', params: { operator: '|', literal: "*'|'*" } }],
    ['@*&*', { key: 'filter.hint.loneOperator', params: { operator: '&', literal: "@*'&'*" } }],
    ["*'&'*", undefined],
    ['*a*&*b*', undefined],
    ['>10&<20', undefined],
    ['A|B', undefined],
    ['', undefined],
  ])('%s', (expr, hint) => {
    expect(filterHint(expr)).toEqual(hint);
  });
});

describe('number filters', () => {
  const amounts: FilterValue[] = [-3, 0, 5, 9, 10, 12.5, 20, 25, null, ''];
  test.each<[string, FilterValue[], FilterContext?]>([
    ['10', [10]],
    ['=10', [10]],
    ['10|20', [10, 20]],
    ['10..20', [10, 12.5, 20]],
    ['..0', [-3, 0, null, '']],
    ['20..', [20, 25]],
    ['<>10', [-3, 0, 5, 9, 12.5, 20, 25, null, '']],
    ['>10&<20', [12.5]],
    ['>9', [10, 12.5, 20, 25]], // as numbers: 10 > 9
    ['>=20', [20, 25]],
    ['<0', [-3, null, '']],
    ['<=-3', [-3, null, '']],
    ["''", [null, '']],
    ["<>''", [-3, 0, 5, 9, 10, 12.5, 20, 25]],
    ['12.5', [12.5], EN],
    ['12,5', [12.5], IT],
    // The locale's notation with group separators: 1.234,56 in it-IT, 1,234.56 in en-US.
    ['-1.234,56..1.000,5', [-3, 0, 5, 9, 10, 12.5, 20, 25], IT],
    ['<1,000&>12', [12.5, 20, 25], EN],
    ['..-1,234.56|1,000,000', [null, ''], EN],
    ['(5|10|20)&<>10', [5, 20]],
    ['@10', [10]],
  ])('%s', (expr, expected, ctx = IT) => {
    expect(select(expr, 'number', amounts, ctx)).toEqual(expected);
  });

  test('numbers stored as text compare as numbers', () => {
    expect(select('>9', 'number', ['10', '9', ' 11 ', 'abc'])).toEqual(['10', ' 11 ']);
    expect(select('<>9', 'number', ['9', 'abc'])).toEqual(['abc']);
    expect(select('16', 'number', ['0x10', '1.6e1', '16.0'])).toEqual(['16.0']);
  });
});

describe('date filters', () => {
  const dates: FilterValue[] = ['2025-12-31', '2026-01-30', '2026-01-31', '2026-02-01', '', null];
  test.each<[string, FilterValue[], FilterContext]>([
    ['2026-01-31', ['2026-01-31'], IT],
    ['31/01/2026', ['2026-01-31'], IT],
    ['31/1/26', ['2026-01-31'], IT],
    ['1/31/2026', ['2026-01-31'], EN],
    ['2026-01-31', ['2026-01-31'], EN],
    ['t', ['2026-01-31'], IT],
    ['T', ['2026-01-31'], EN],
    ['today', ['2026-01-31'], EN],
    ['oggi', ['2026-01-31'], IT],
    ['..t', ['2025-12-31', '2026-01-30', '2026-01-31', '', null], IT],
    ['t..', ['2026-01-31', '2026-02-01'], IT],
    ['>t', ['2026-02-01'], IT],
    ['<>t', ['2025-12-31', '2026-01-30', '2026-02-01', '', null], IT],
    ['2026-01-01..2026-01-31', ['2026-01-30', '2026-01-31'], IT],
    ['31/12/2025..30/01/2026', ['2025-12-31', '2026-01-30'], IT],
    ['12/31/2025|2/1/2026', ['2025-12-31', '2026-02-01'], EN],
    ['>=2026-01-31&<>2026-02-01', ['2026-01-31'], IT],
    ["''", ['', null], IT],
    ["<>''&<2026-01-01", ['2025-12-31'], IT],
  ])('%s (%o)', (expr, expected, ctx) => {
    expect(select(expr, 'date', dates, ctx)).toEqual(expected);
  });

  test('a stored date-time compares by its date', () => {
    expect(select('t', 'date', ['2026-01-31T09:30:00', '2026-01-30T23:59:59'])).toEqual(['2026-01-31T09:30:00']);
  });
});

test('a locale Intl cannot read falls back to en-US instead of failing every filter', () => {
  const odd: FilterContext = { locale: 'not a locale!', today: '2026-01-31' };
  expect(select('1/31/2026', 'date', ['2026-01-31'], odd)).toEqual(['2026-01-31']);
  expect(select('..b', 'text', ['a', 'A', 'Z'], odd)).toEqual(['a', 'A']);
});

describe('parseFilterDate', () => {
  test.each<[string, FilterContext, string | undefined]>([
    ['2026-01-31', IT, '2026-01-31'],
    [' 2026-01-31 ', EN, '2026-01-31'],
    ['31/01/2026', IT, '2026-01-31'],
    ['31.01.2026', IT, '2026-01-31'],
    ['31/01/2026', EN, undefined],
    ['1/31/2026', EN, '2026-01-31'],
    ['1/31/2026', IT, undefined],
    ['1-31-26', EN, '2026-01-31'],
    ['1/1/30', EN, '1930-01-01'],
    ['31.1.2026', { locale: 'de-DE', today: '2026-01-31' }, '2026-01-31'],
    ['2026/1/31', { locale: 'ja-JP', today: '2026-01-31' }, '2026-01-31'],
    ['t', IT, '2026-01-31'],
    ['TODAY', EN, '2026-01-31'],
    ['Oggi', IT, '2026-01-31'],
    ['2026-02-30', IT, undefined],
    ['29/02/2026', IT, undefined],
    ['29/02/2028', IT, '2028-02-29'],
    ['31/01/026', IT, undefined],
    ['abc', IT, undefined],
    ['', IT, undefined],
  ])('%s in %o', (text, ctx, expected) => {
    expect(parseFilterDate(text, ctx)).toBe(expected);
  });
});

describe('boolean filters', () => {
  const flags: FilterValue[] = [true, false, null];
  test.each<[string, FilterValue[]]>([
    ['Yes', [true]],
    ['No', [false]],
    ['true', [true]],
    ['FALSE', [false]],
    ['Sì', [true]],
    ['si', [true]],
    ['yes|no', [true, false]],
    ['<>Yes', [false, null]],
    ["''", [null]],
    ["<>''", [true, false]],
  ])('%s', (expr, expected) => {
    expect(select(expr, 'boolean', flags)).toEqual(expected);
  });

  test('Yes/No stored as text compare as booleans', () => {
    expect(select('Yes', 'boolean', ['Yes', 'No', 'sì'])).toEqual(['Yes', 'sì']);
  });
});

describe('auto filters (imported columns)', () => {
  test.each<[string, FilterValue[], FilterValue[]]>([
    ['42', [42, 7, '42', 'Roma'], [42, '42']],
    ['>10&<100', [42, 7, 'Roma', '2026-01-31', true, '', null], [42]],
    ['>9', [10, 8, '10'], [10]], // numbers as numbers, the text '10' as text ('10' < '9')
    ['Yes', [true, false, 'Yes', 'yes'], [true, 'Yes']],
    ['no', [true, false, 'No'], [false]],
    ['t', ['2026-01-31', '2026-01-30', 't'], ['2026-01-31', 't']],
    ['31/01/2026', ['2026-01-31', '2026-01-30'], ['2026-01-31']],
    ['..2026-01-30', ['2025-06-01', '2026-01-31', '', null], ['2025-06-01', '', null]],
    ['2026-01-01..31/01/2026', ['2026-01-15', '2026-02-01'], ['2026-01-15']],
    ['Ro*', ['Roma', 'roma', 42], ['Roma']],
    ['4*', [42, 7, '4x'], [42, '4x']],
    ['@roma', ['Roma', 'ROMA', 'Milano'], ['Roma', 'ROMA']],
    ["''", ['', null, undefined, 0, false], ['', null, undefined]],
    ["<>''", ['', null, 0, false, 'x'], [0, false, 'x']],
    ['abc', ['abc', 1], ['abc']],
  ])('%s', (expr, values, expected) => {
    expect(select(expr, 'auto', values)).toEqual(expected);
  });
});

describe('malformed filters point at the position', () => {
  test.each<[string, FieldKind, number, FilterContext?]>([
    ['A|', 'text', 3],
    ['|A', 'text', 1],
    ['>', 'text', 2],
    ['<>', 'text', 3],
    ['..', 'text', 3],
    ['&&', 'text', 1],
    ['A&&B', 'text', 3],
    ['A..B..C', 'text', 5],
    ['(A|B', 'text', 5],
    ['A|B)', 'text', 4],
    ['()', 'text', 2],
    ["'abc", 'text', 1],
    ["A|'b''", 'text', 3],
    ['', 'text', 1],
    ['   ', 'text', 1],
    ['a=b', 'text', 2],
    ['a(b)', 'text', 2],
    ['@', 'text', 2],
    ['@@a', 'text', 2],
    ['@<>@a', 'text', 4],
    ['>A*', 'text', 2],
    ['A*..B', 'text', 1],
    ['A..?', 'text', 4],
    ['abc', 'number', 1],
    ['10..abc', 'number', 5],
    ['>=1x', 'number', 3],
    ['1,00', 'number', 1, EN],
    ['1.234,56', 'number', 1, EN],
    ['1*', 'number', 1],
    ['2026-13-01', 'date', 1],
    ['2026-01-01..x', 'date', 13],
    ['31/01/2026', 'date', 1, EN],
    ['t*', 'date', 1],
    ['maybe', 'boolean', 1],
    ['Yes|maybe', 'boolean', 5],
    ['A|', 'auto', 3],
    ['(a', 'auto', 3],
  ])('%s (%s) at %i', (expr, kind, position, ctx = IT) => {
    const e = errorOf(() => parseFilter(expr, kind, ctx, 'city'));
    expect(e.code).toBe('INVALID_FILTER');
    expect(e.details).toMatchObject({ position, field: 'city' });
    expect(e.message).toContain(`position ${position}`);
    expect(e.message).toContain('expected');
    expect(e.message).toContain('city');
  });

  test('the message says what was expected', () => {
    expect(errorOf(() => parseFilter('abc', 'number', IT)).message).toContain('expected a number');
    expect(errorOf(() => parseFilter('x', 'date', IT)).message).toContain('31/01/2026');
    expect(errorOf(() => parseFilter('(A|B', 'text', IT)).message).toContain("')'");
  });

  test('deep nesting is refused instead of overflowing the stack', () => {
    const deep = `${'('.repeat(100)}a${')'.repeat(100)}`;
    expect(errorOf(() => parseFilter(deep, 'text', IT)).details.position).toBe(65);
    expect(parseFilter(`${'('.repeat(30)}a${')'.repeat(30)}`, 'text', IT).matches('a')).toBe(true);
  });
});

describe('quoteFilterValue', () => {
  test.each([
    ['C0001', 'C0001'],
    ['New York', 'New York'],
    ['a.b', 'a.b'],
    ['A|B', "'A|B'"],
    ["O'Brien", "'O''Brien'"],
    ['', "''"],
    [' x', "' x'"],
    ['x ', "'x '"],
    ['a..b', "'a..b'"],
    ['50%*', "'50%*'"],
    ['ann@example.com', "'ann@example.com'"],
    ['(x)', "'(x)'"],
  ])('%s → %s', (value, quoted) => {
    expect(quoteFilterValue(value)).toBe(quoted);
  });

  test('a quoted value matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }), (value, other) => {
        const f = parseFilter(quoteFilterValue(value), 'text', EN);
        expect(f.matches(value)).toBe(true);
        if (other !== value) expect(f.matches(other)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('property: nothing but INVALID_FILTER escapes', () => {
  const pieces = [
    'a',
    'B',
    '1',
    '0',
    ' ',
    '|',
    '&',
    '(',
    ')',
    '<',
    '>',
    '=',
    '.',
    '..',
    "'",
    "''",
    '@',
    '*',
    '?',
    't',
    '2026-01-31',
    '31/01/2026',
    'Yes',
    '-',
    ',',
    '\n',
    'é',
  ];
  const kinds: FieldKind[] = ['text', 'number', 'date', 'boolean', 'auto'];
  const probe: FilterValue[] = ['', null, undefined, 'a', 'B', 0, 1.5, true, false, '2026-01-31', '10'];

  test('arbitrary expressions either compile or fail with a position inside them', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
          fc.string({ maxLength: 20 }),
        ),
        fc.constantFrom(...kinds),
        fc.constantFrom(IT, EN),
        (expr, kind, ctx) => {
          let f;
          try {
            f = parseFilter(expr, kind, ctx);
          } catch (e) {
            expect(e).toBeInstanceOf(SegmentsError);
            const err = e as SegmentsError;
            expect(err.code).toBe('INVALID_FILTER');
            expect(err.details.position).toBeGreaterThanOrEqual(1);
            expect(err.details.position).toBeLessThanOrEqual(expr.length + 1);
            return;
          }
          for (const v of probe) expect(typeof f.matches(v)).toBe('boolean');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// A small grammar of valid text expressions, rendered on its own and matched by a reference written
// from the grammar's meaning (collation for order, a backtracking glob matcher), not through the parser.
type Op = '=' | '<>' | '<' | '<=' | '>' | '>=';
type RefNode =
  | { t: 'cmp'; op: Op; ci: boolean; value: string; bare: boolean }
  | { t: 'glob'; negate: boolean; ci: boolean; glob: string[] }
  | { t: 'range'; ci: boolean; lo?: string; hi?: string }
  | { t: 'or' | 'and'; items: RefNode[] }
  | { t: 'paren'; inner: RefNode };

const CHARS = ['a', 'b', 'A', 'B', 'é', 'e', '1', ' ', '|', "'", '*', '.', '&', '(', '<'];
const valueArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 3 }).map((c) => c.join(''));
const globArb = fc.array(fc.constantFrom('a', 'b', 'A', 'é', '*', '?'), { minLength: 1, maxLength: 4 });

const refArb = fc.letrec<{ node: RefNode; leaf: RefNode }>((tie) => ({
  leaf: fc.oneof(
    fc.record({
      t: fc.constant('cmp' as const),
      op: fc.constantFrom<Op>('=', '<>', '<', '<=', '>', '>='),
      ci: fc.boolean(),
      value: valueArb,
      bare: fc.boolean(),
    }),
    fc.record({ t: fc.constant('glob' as const), negate: fc.boolean(), ci: fc.boolean(), glob: globArb }),
    fc
      .record({
        t: fc.constant('range' as const),
        ci: fc.boolean(),
        lo: fc.option(valueArb, { nil: undefined }),
        hi: fc.option(valueArb, { nil: undefined }),
      })
      .filter((r) => r.lo !== undefined || r.hi !== undefined),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.record({
      t: fc.constantFrom('or' as const, 'and' as const),
      items: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ t: fc.constant('paren' as const), inner: tie('node') }),
  ),
}));

function renderValue(v: string): string {
  return /^[A-Za-z0-9é]+$/.test(v) ? v : `'${v.split("'").join("''")}'`;
}

function render(n: RefNode, space: string): string {
  switch (n.t) {
    case 'cmp':
      return `${n.ci ? '@' : ''}${n.op === '=' && n.bare ? '' : n.op}${renderValue(n.value)}`;
    case 'glob':
      return `${n.negate ? '<>' : ''}${n.ci ? '@' : ''}${n.glob.join('')}`;
    case 'range':
      return `${n.ci ? '@' : ''}${n.lo === undefined ? '' : renderValue(n.lo)}..${n.hi === undefined ? '' : renderValue(n.hi)}`;
    case 'paren':
      return `(${render(n.inner, space)})`;
    case 'and':
      return n.items.map((i) => (i.t === 'or' ? `(${render(i, space)})` : render(i, space))).join(`${space}&${space}`);
    case 'or':
      return n.items.map((i) => render(i, space)).join(`${space}|${space}`);
  }
}

function globMatches(glob: string[], chars: string[]): boolean {
  if (glob.length === 0) return chars.length === 0;
  const [g, ...rest] = glob;
  if (g === '*') {
    for (let i = 0; i <= chars.length; i++) if (globMatches(rest, chars.slice(i))) return true;
    return false;
  }
  if (chars.length === 0) return false;
  return (g === '?' || g === chars[0]) && globMatches(rest, chars.slice(1));
}

function refMatches(n: RefNode, value: FilterValue, locale: string): boolean {
  const s = value === null || value === undefined ? '' : String(value);
  const order = (a: string, b: string, ci: boolean): number => {
    if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
    return new Intl.Collator(locale, { sensitivity: ci ? 'accent' : 'variant' }).compare(a, b);
  };
  switch (n.t) {
    case 'cmp': {
      const equal = n.ci ? s.toLowerCase() === n.value.toLowerCase() : s === n.value;
      if (n.op === '=') return equal;
      if (n.op === '<>') return !equal;
      const c = order(s, n.value, n.ci);
      return n.op === '<' ? c < 0 : n.op === '<=' ? c <= 0 : n.op === '>' ? c > 0 : c >= 0;
    }
    case 'glob': {
      const fold = (x: string) => (n.ci ? x.toLowerCase() : x);
      const hit = globMatches(n.glob.map(fold), Array.from(fold(s)));
      return n.negate ? !hit : hit;
    }
    case 'range':
      return (n.lo === undefined || order(s, n.lo, n.ci) >= 0) && (n.hi === undefined || order(s, n.hi, n.ci) <= 0);
    case 'paren':
      return refMatches(n.inner, value, locale);
    case 'and':
      return n.items.every((i) => refMatches(i, value, locale));
    case 'or':
      return n.items.some((i) => refMatches(i, value, locale));
  }
}

describe('property: the parser selects what the grammar means', () => {
  const recordsArb = fc.array(fc.oneof(valueArb, fc.constant(null)), { minLength: 1, maxLength: 15 });

  test('text expressions', () => {
    fc.assert(
      fc.property(
        refArb.node,
        recordsArb,
        fc.constantFrom('', ' '),
        fc.constantFrom(IT, EN),
        (tree, records, space, ctx) => {
          const expr = render(tree, space);
          const f = parseFilter(expr, 'text', ctx);
          const got = records.filter((r) => f.matches(r));
          const want = records.filter((r) => refMatches(tree, r, ctx.locale));
          expect(got, expr).toEqual(want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// Names with apostrophes typed as users type them (unquoted, the apostrophe after a letter), against the
// same reference: the apostrophe is a plain character wherever it touches a letter on its left.
const WORD_LETTERS = ['a', 'D', 'o', 'é', 'L', 'n'];
const wordArb = fc
  .tuple(fc.array(fc.constantFrom(...WORD_LETTERS), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([letters, apostrophe]) => letters.join('') + (apostrophe ? "'" : ''));
const apostropheNameArb = fc
  .tuple(fc.array(wordArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' '))
  .map(([words, sep]) => words.join(sep));
const apostropheLeafArb: fc.Arbitrary<RefNode> = fc.oneof(
  fc.record({
    t: fc.constant('cmp' as const),
    op: fc.constantFrom<Op>('=', '<>'),
    ci: fc.boolean(),
    value: apostropheNameArb,
    bare: fc.boolean(),
  }),
  fc
    .record({
      name: apostropheNameArb,
      before: fc.boolean(),
      after: fc.boolean(),
      ci: fc.boolean(),
      negate: fc.boolean(),
    })
    .filter((g) => g.before || g.after)
    .map((g) => ({
      t: 'glob' as const,
      ci: g.ci,
      negate: g.negate,
      glob: [...(g.before ? ['*'] : []), ...Array.from(g.name), ...(g.after ? ['*'] : [])],
    })),
  fc.record({ t: fc.constant('range' as const), ci: fc.boolean(), lo: apostropheNameArb, hi: apostropheNameArb }),
);
const apostropheTreeArb: fc.Arbitrary<RefNode> = fc.oneof(
  apostropheLeafArb,
  fc.record({
    t: fc.constantFrom('or' as const, 'and' as const),
    items: fc.array(apostropheLeafArb, { minLength: 2, maxLength: 3 }),
  }),
);

function renderTyped(n: RefNode, space: string): string {
  switch (n.t) {
    case 'cmp':
      return `${n.op === '=' && n.bare ? '' : n.op}${n.ci ? '@' : ''}${n.value}`;
    case 'glob':
      return `${n.negate ? '<>' : ''}${n.ci ? '@' : ''}${n.glob.join('')}`;
    case 'range':
      return `${n.ci ? '@' : ''}${n.lo ?? ''}..${n.hi ?? ''}`;
    case 'and':
    case 'or':
      return n.items.map((i) => renderTyped(i, space)).join(`${space}${n.t === 'and' ? '&' : '|'}${space}`);
    case 'paren':
      return `(${renderTyped(n.inner, space)})`;
  }
}

describe('property: names with apostrophes select what they say', () => {
  test('unquoted apostrophes after letters are plain characters', () => {
    const recordsArb = fc.array(
      fc.oneof(
        apostropheNameArb,
        apostropheNameArb.map((x) => x.toUpperCase()),
        fc.constant(null),
      ),
      {
        minLength: 1,
        maxLength: 15,
      },
    );
    fc.assert(
      fc.property(
        apostropheTreeArb,
        recordsArb,
        fc.constantFrom('', ' '),
        fc.constantFrom(IT, EN),
        (tree, records, space, ctx) => {
          const expr = renderTyped(tree, space);
          const f = parseFilter(expr, 'text', ctx);
          const got = records.filter((r) => f.matches(r));
          const want = records.filter((r) => refMatches(tree, r, ctx.locale));
          expect(got, expr).toEqual(want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// The same for numbers: integer literals (and '' for blank), compared as numbers, blank before all.
type NumNode =
  | { t: 'cmp'; op: Op; value: number | null }
  | { t: 'range'; lo?: number; hi?: number }
  | { t: 'or' | 'and'; items: NumNode[] };

const numValueArb = fc.integer({ min: -3, max: 12 });
const numArb = fc.letrec<{ node: NumNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      t: fc.constant('cmp' as const),
      op: fc.constantFrom<Op>('=', '<>', '<', '<=', '>', '>='),
      value: fc.option(numValueArb, { nil: null }),
    }),
    fc
      .record({
        t: fc.constant('range' as const),
        lo: fc.option(numValueArb, { nil: undefined }),
        hi: fc.option(numValueArb, { nil: undefined }),
      })
      .filter((r) => r.lo !== undefined || r.hi !== undefined),
    fc.record({
      t: fc.constantFrom('or' as const, 'and' as const),
      items: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));

function renderNum(n: NumNode): string {
  switch (n.t) {
    case 'cmp':
      return `${n.op}${n.value === null ? "''" : n.value}`;
    case 'range':
      return `${n.lo ?? ''}..${n.hi ?? ''}`;
    case 'and':
      return n.items.map((i) => (i.t === 'or' ? `(${renderNum(i)})` : renderNum(i))).join('&');
    case 'or':
      return n.items.map((i) => `(${renderNum(i)})`).join('|');
  }
}

function refNum(n: NumNode, v: number | null): boolean {
  // blank (null) sorts before every number
  const order = (a: number | null, b: number | null): number =>
    a === null ? (b === null ? 0 : -1) : b === null ? 1 : a - b;
  switch (n.t) {
    case 'cmp': {
      const c = order(v, n.value);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[n.op];
    }
    case 'range':
      return (n.lo === undefined || order(v, n.lo) >= 0) && (n.hi === undefined || order(v, n.hi) <= 0);
    case 'and':
      return n.items.every((i) => refNum(i, v));
    case 'or':
      return n.items.some((i) => refNum(i, v));
  }
}

test('property: number expressions select what the grammar means', () => {
  fc.assert(
    fc.property(
      numArb.node,
      fc.array(fc.option(numValueArb, { nil: null }), { minLength: 1, maxLength: 15 }),
      (tree, records) => {
        const expr = renderNum(tree);
        const f = parseFilter(expr, 'number', IT);
        expect(
          records.filter((r) => f.matches(r)),
          expr,
        ).toEqual(records.filter((r) => refNum(tree, r)));
      },
    ),
    { numRuns: RUNS },
  );
});
