// Reading the values a user types in a filter (numbers, dates, Yes/No) and the locale services the
// filter evaluator needs (collation, date order). Everything locale-bound is cached per locale.
import type { FilterContext } from './filterExpression';
import { isValidIsoDate } from './fields';

const FALLBACK_LOCALE = 'en-US';
const localeCache = new Map<string, string>();

/** The canonical form of a BCP 47 tag; a tag Intl cannot read falls back to the workspace default, en-US. */
export function safeLocale(locale: string): string {
  let known = localeCache.get(locale);
  if (known === undefined) {
    try {
      known = Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
    } catch {
      known = FALLBACK_LOCALE;
    }
    localeCache.set(locale, known);
  }
  return known;
}

const collators = new Map<string, Intl.Collator>();

/** The locale's collation; case-insensitive (but accent-sensitive) for `@` filters. */
export function collatorFor(locale: string, caseInsensitive: boolean): Intl.Collator {
  const loc = safeLocale(locale);
  const key = `${loc}|${caseInsensitive ? 'i' : 's'}`;
  let c = collators.get(key);
  if (!c) {
    c = new Intl.Collator(loc, { usage: 'sort', sensitivity: caseInsensitive ? 'accent' : 'variant' });
    collators.set(key, c);
  }
  return c;
}

export interface NumberNotation {
  decimal: string;
  /** A character class of the group separators, for a pattern. */
  groupClass: string;
  /** The locale's full notation, group separators included (1.234,56 in it-IT, 1,234.56 in en-US). */
  grouped: RegExp;
  /** Digits with the locale's decimal sign and no group separator (12,5 and ,5 in it-IT; 12.5 in en-US). */
  ungrouped: RegExp;
  group: string[];
  /** 1234.56 as the locale writes it: the example an error message shows. */
  example: string;
}
const notations = new Map<string, NumberNotation>();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACES = [' ', '\u00a0', '\u202f'];

/** How the locale writes numbers (from Intl): its decimal sign and group separators, read once per locale. */
export function numberNotation(locale: string): NumberNotation {
  const loc = safeLocale(locale);
  let n = notations.get(loc);
  if (n === undefined) {
    const parts = new Intl.NumberFormat(loc).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    const groupChar = parts.find((p) => p.type === 'group')?.value ?? (decimal === ',' ? '.' : ',');
    // A space as group separator is typed as any space.
    const group = SPACES.includes(groupChar) ? SPACES : [groupChar];
    const g = `[${group.map(escapeRe).join('')}]`;
    const d = escapeRe(decimal);
    const grouped = new RegExp(`^[+-]?\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?$`);
    const ungrouped = new RegExp(`^[+-]?(?:\\d+(?:${d}\\d*)?|${d}\\d+)$`);
    n = { decimal, groupClass: g, grouped, ungrouped, group, example: `1${groupChar}234${decimal}56` };
    notations.set(loc, n);
  }
  return n;
}

/** How 1234.56 looks in the locale (1.234,56 in it-IT): the example an error message shows. */
export function numberExample(locale: string): string {
  return numberNotation(locale).example;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number typed in a filter, as the locale writes it (the pane's hint: 1.234,56 in it-IT): digits with the
 * locale's decimal sign (`12,5` in it-IT, `12.5` in en-US), and its group separator only between groups of
 * exactly three digits (`1.500` and `1.234.567` in it-IT, `1,500` in en-US). A group separator anywhere
 * else (`1.5` in it-IT, `1,5` in en-US) makes no number: read as a decimal sign it would select other
 * contacts than `1.500` does, without a word (see numberSeparatorProblem for the message). Where the
 * point groups nothing (fr-FR groups with a space) it can only be a decimal point, and is read as one.
 */
export function parseFilterNumber(text: string, locale: string): number | undefined {
  const s = text.trim();
  const n = numberNotation(locale);
  if (n.ungrouped.test(s)) return Number(s.replace(n.decimal, '.'));
  if (n.grouped.test(s)) {
    let digits = s;
    for (const g of n.group) digits = digits.split(g).join('');
    return Number(digits.replace(n.decimal, '.'));
  }
  return !n.group.includes('.') && NUMBER.test(s) ? Number(s) : undefined;
}

/** Digits and the two separators only: what a user means as a number, whatever its separators. */
const SEPARATED_DIGITS = /^[+-]?[\d.,]*\d[\d.,]*$/;

/**
 * Why a number-like filter value is no number in the locale, when the reason is its separators: in a
 * locale whose decimal sign is the comma and whose group separator the point (it-IT, de-DE), a point
 * that cannot be grouping (`1.5`, `1.50`) is `decimalComma`; mirrored, a comma that cannot be grouping in
 * en-US (`1,5`) is `decimalPoint`. Undefined for a number, for text, and for any other mistake.
 */
export function numberSeparatorProblem(text: string, locale: string): 'decimalComma' | 'decimalPoint' | undefined {
  const s = text.trim();
  if (!SEPARATED_DIGITS.test(s) || parseFilterNumber(s, locale) !== undefined) return undefined;
  const n = numberNotation(locale);
  if (n.decimal === ',' && n.group.includes('.') && s.includes('.')) return 'decimalComma';
  if (n.decimal === '.' && n.group.includes(',') && s.includes(',')) return 'decimalPoint';
  return undefined;
}

/** Whether a filter value is written as a number would be (digits, a sign, points and commas). */
export function looksLikeNumber(text: string): boolean {
  return SEPARATED_DIGITS.test(text.trim());
}

/** A number written with `.` as decimal point and nothing else (a stored value's text), or undefined. */
export function plainNumber(text: string): number | undefined {
  const s = text.trim();
  return NUMBER.test(s) ? Number(s) : undefined;
}

const BOOLEANS = new Map<string, boolean>([
  ['yes', true],
  ['true', true],
  ['sì', true],
  ['si', true],
  ['no', false],
  ['false', false],
]);

/** Yes/No/true/false (and Italian Sì/Si/No), case-insensitive. */
export function parseFilterBoolean(text: string): boolean | undefined {
  return BOOLEANS.get(text.trim().toLowerCase());
}

type DateOrder = 'dmy' | 'mdy' | 'ymd' | 'ydm' | 'myd' | 'dym';
const dateOrders = new Map<string, DateOrder>();
const SAMPLE_DATE = new Date(Date.UTC(2026, 0, 31));

const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale's short date with the year in four digits, as BC shows dates (07/12/2026 in it-IT, 12/7/2026
 * in en-US): Intl's `dateStyle: 'short'` writes 07/12/26, a year the user must guess. The pane's own dates
 * (formatDate in src/ui/common/i18n.tsx) use the same options, so a date shown reads back as that date.
 */
function shortDateFormat(locale: string): Intl.DateTimeFormat {
  const loc = safeLocale(locale);
  let f = shortDateFormats.get(loc);
  if (!f) {
    f = new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    shortDateFormats.set(loc, f);
  }
  return f;
}

/** The order of day, month and year in the locale's short date format (31/01/2026 is dmy). */
function dateOrder(locale: string): DateOrder {
  const loc = safeLocale(locale);
  let order = dateOrders.get(loc);
  if (order === undefined) {
    const letters = shortDateFormat(loc)
      .formatToParts(SAMPLE_DATE)
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type[0])
      .join('');
    order = (['dmy', 'mdy', 'ymd', 'ydm', 'myd', 'dym'] as const).find((o) => o === letters) ?? 'mdy';
    dateOrders.set(loc, order);
  }
  return order;
}

/** How 2026-01-31 looks in the locale's short format: the example an error message shows. */
export function dateExample(locale: string): string {
  return shortDateFormat(locale).format(SAMPLE_DATE);
}

/**
 * An ISO date as a user types it in the locale, the year in four digits (31/01/2026 in it-IT, 1/31/2026 in
 * en-US): what a card's date field shows, so that the field reads back what it shows. Blank for none.
 */
export function typedDate(iso: string, locale: string): string {
  if (!isValidIsoDate(iso)) return '';
  return shortDateFormat(locale).format(new Date(`${iso}T00:00:00Z`));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE = /^(\d{1,4})\s*([./-])\s*(\d{1,4})\s*\2\s*(\d{1,4})\.?$/;
const DIGITS = /^\d+$/;
/** BC's words for today in English and in Italian; BC reads any beginning of them (t, tod; o, ogg). */
const TODAY_WORDS = ['today', 'oggi'];
/** BC's word for the work date in English and in Italian; BC reads any beginning of it (w, work; l, lav). */
const WORK_DATE_WORDS = ['workdate', 'work date', 'lavoro'];

const beginsWord = (words: string[], lower: string): boolean => lower !== '' && words.some((w) => w.startsWith(lower));
const isToday = (lower: string): boolean => beginsWord(TODAY_WORDS, lower);
const isWorkDate = (lower: string): boolean => beginsWord(WORK_DATE_WORDS, lower);

/**
 * Today (`t`, `today`, `o`, `oggi`) and the work date (`w`, `work date`, `l`, `lavoro`): a date that moves with the day, so
 * a saved criterion keeps the word, not the date it meant when saved.
 */
export function isRelativeDate(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return isToday(lower) || isWorkDate(lower);
}

/** A two-digit year is 1930–2029, as BC reads it. */
const fullYear = (y: string): string =>
  y.length === 4 ? y : String(Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y));

function isoOf(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/**
 * BC's digit patterns of a date field (ui-enter-date-ranges): 1–2 digits are a day of the work date's month,
 * 4 digits day and month in the locale's order of the two (0712 is 7 December in it-IT, 12 July in en-US)
 * in the work date's year, 6 and 8 digits the whole date in the locale's order with a two- or four-digit
 * year (071226, 07122026 in it-IT; 120726 in en-US).
 */
function digitDate(s: string, order: DateOrder, workDate: string): string | undefined {
  const len = s.length;
  if (len <= 2) return isoOf(workDate.slice(0, 4), workDate.slice(5, 7), s);
  if (len === 4) {
    const dayFirst = order.indexOf('d') < order.indexOf('m');
    const [day, month] = dayFirst ? [s.slice(0, 2), s.slice(2)] : [s.slice(2), s.slice(0, 2)];
    return isoOf(workDate.slice(0, 4), month, day);
  }
  if (len !== 6 && len !== 8) return undefined;
  const parts: Record<string, string> = {};
  let at = 0;
  for (const letter of order) {
    const width = letter === 'y' ? len - 4 : 2;
    parts[letter] = s.slice(at, at + width);
    at += width;
  }
  return isoOf(fullYear(parts.y), parts.m, parts.d);
}

/**
 * A date typed by a user, as ISO YYYY-MM-DD, or undefined when it is not one: ISO always; the locale's
 * short format with `/`, `.` or `-` (31/01/2026 in it-IT, 1/31/2026 in en-US; a two-digit year is
 * 1930–2029); today (`t`, `today`, `o`, `oggi`, or any beginning of them) for ctx.today; BC's shortcuts of a date field, read from the work date
 * (ctx.today): the work date's word and digits without separators (see digitDate). Without a work date (a
 * file's cell, read with no today) those shortcuts are no date: there digits are a number or a code.
 */
export function parseFilterDate(text: string, ctx: FilterContext): string | undefined {
  const s = text.trim();
  const lower = s.toLowerCase();
  const workDate = isValidIsoDate(ctx.today) ? ctx.today : undefined;
  if (isToday(lower) || isWorkDate(lower)) return workDate;
  if (ISO.test(s)) return isValidIsoDate(s) ? s : undefined;
  if (DIGITS.test(s)) return workDate === undefined ? undefined : digitDate(s, dateOrder(ctx.locale), workDate);
  const m = LOCAL_DATE.exec(s);
  if (!m) return undefined;
  const order = dateOrder(ctx.locale);
  const groups = [m[1], m[3], m[4]];
  const at = (letter: string): string => groups[order.indexOf(letter)];
  const d = at('d');
  const mo = at('m');
  const y = at('y');
  if (d.length > 2 || mo.length > 2 || (y.length !== 2 && y.length !== 4)) return undefined;
  return isoOf(fullYear(y), mo, d);
}

const DATE_SHAPE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * Whether a filter value is written as a date would be (`2023-02-29`, `29/02/2023`, `31.02.26`), whether or
 * not that date exists: such a value means a date, so one that is no date is a mistake to point out.
 */
export function looksLikeDate(text: string): boolean {
  const s = text.trim();
  return DATE_SHAPE.test(s) || LOCAL_DATE.test(s);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The ISO date a stored value starts with (`2026-01-31`, also `2026-01-31T10:00:00`), or undefined.
 * Runs once per record and value, so it reads characters instead of building a Date.
 */
export function isoDateOf(s: string): string | undefined {
  if (s.length < 10 || (s.length > 10 && s[10] !== 'T' && s[10] !== ' ')) return undefined;
  if (s[4] !== '-' || s[7] !== '-') return undefined;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return undefined;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return s.length === 10 ? s : s.slice(0, 10);
}
