// The cells of a CSV file's imported (extra) columns as Excel types them when it opens the file in the
// workspace locale: a number in the locale's notation (1.234,56 in it-IT, 1,234.56 in en-US) is a number,
// a date (ISO, or the locale's short format) an ISO date; anything else keeps the text as typed. Codes
// with a leading zero (00184, 0123) and yes/no words stay text. A column that is mostly numbers (or
// dates) with cells that are not gets one warning, naming how many, the first row and its value.
import { dateExample, numberNotation, parseFilterDate, type NumberNotation } from './filterValues';
import { problem, type ImportProblem } from './importProblems';

export type CsvValueKind = 'number' | 'date' | 'text';

export interface CsvValue {
  value: string | number;
  kind: CsvValueKind;
  /** Text that is typed as text on purpose (a code with a leading zero, a number too long to keep exactly). */
  code?: boolean;
}

interface Notation extends NumberNotation {
  number: RegExp;
}

const notations = new Map<string, Notation>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The locale's notation as the filters read it, with the pattern a cell of a file must match to be a number. */
function notationOf(locale: string): Notation {
  let n = notations.get(locale);
  if (!n) {
    const base = numberNotation(locale);
    const g = base.groupClass;
    const d = escape(base.decimal);
    // 0, 950, 1234, 1.234 (groups of three only), with a decimal part; ,5 is 0.5. No leading zero but 0 itself.
    const number = new RegExp(`^[+-]?(?:(?:0|[1-9]\\d*|[1-9]\\d{0,2}(?:${g}\\d{3})+)(?:${d}\\d+)?|${d}\\d+)$`);
    n = { ...base, number };
    notations.set(locale, n);
  }
  return n;
}

const TODAY_WORDS = new Set(['t', 'today', 'oggi']);
const LEADING_ZERO = /^[+-]?0\d/;
/** A code with a leading zero, digits only (00184, 0123): its column is a column of codes. */
const CODE = /^0\d+$/;
/** Digits beyond what a number keeps exactly (Excel keeps 15): such a value is a code, kept as text. */
const MAX_DIGITS = 15;

/** A CSV cell's value for an imported column, read as Excel reads it in `locale`. */
export function readCsvValue(text: string, locale: string): CsvValue {
  const s = text.trim();
  if (s === '') return { value: text, kind: 'text' };
  // A filter's words for today are no date in a file.
  if (!TODAY_WORDS.has(s.toLowerCase())) {
    const iso = parseFilterDate(s, { locale, today: '' });
    if (iso !== undefined) return { value: iso, kind: 'date' };
  }
  if (LEADING_ZERO.test(s)) return { value: text, kind: 'text', code: true };
  const n = notationOf(locale);
  if (!n.number.test(s)) return { value: text, kind: 'text' };
  let plain = s;
  for (const g of n.group) plain = plain.split(g).join('');
  if (plain.replace(/\D/g, '').replace(/^0+/, '').length > MAX_DIGITS) return { value: text, kind: 'text', code: true };
  return { value: Number(plain.replace(n.decimal, '.')), kind: 'number' };
}

interface Tally {
  numbers: number;
  dates: number;
  /** Cells that are neither (codes aside), and the first of them. */
  unread: number;
  first?: { row: number; value: string };
}

/**
 * The typing of a CSV file's imported columns, column by column: `read` types one cell (and counts it),
 * `problems` gives the warnings once every row has been read.
 */
export class CsvColumnTyping {
  private readonly tallies = new Map<number, Tally>();
  /** Columns holding a code with a leading zero (00184): their cells all stay text, as typed. */
  private readonly codeColumns = new Map<number, boolean>();

  /** `cells(column)`: every cell of that column as typed (looked at once, when the column is first read). */
  constructor(
    readonly locale: string,
    private readonly cells?: (column: number) => Iterable<string>,
  ) {}

  private isCodeColumn(column: number): boolean {
    let code = this.codeColumns.get(column);
    if (code === undefined) {
      code = false;
      for (const c of this.cells?.(column) ?? [])
        if (CODE.test(c.trim())) {
          code = true;
          break;
        }
      this.codeColumns.set(column, code);
    }
    return code;
  }

  read(column: number, row: number, text: string): string | number {
    // A column of post codes or customer codes where one has a leading zero: none of them is a number.
    if (this.isCodeColumn(column)) return text;
    const v = readCsvValue(text, this.locale);
    let t = this.tallies.get(column);
    if (!t) {
      t = { numbers: 0, dates: 0, unread: 0 };
      this.tallies.set(column, t);
    }
    if (v.kind === 'number') t.numbers++;
    else if (v.kind === 'date') t.dates++;
    else if (!v.code) {
      t.unread++;
      t.first ??= { row, value: text };
    }
    return v.value;
  }

  /** One warning per column that is mostly numbers (or dates) and has cells that are not. */
  problems(letter: (index: number) => string, header: readonly string[]): ImportProblem[] {
    const out: ImportProblem[] = [];
    for (const [index, t] of this.tallies) {
      if (!t.first || t.numbers + t.dates < t.unread) continue;
      const code = t.numbers >= t.dates ? 'unreadNumbers' : 'unreadDates';
      const expected = code === 'unreadNumbers' ? notationOf(this.locale).example : dateExample(this.locale);
      out.push(
        problem(
          'warning',
          code,
          { row: t.first.row, column: letter(index), header: header[index] ?? '' },
          { count: t.unread, value: t.first.value, expected },
        ),
      );
    }
    return out;
  }
}
