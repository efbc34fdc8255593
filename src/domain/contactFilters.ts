// Criteria filters (segments.md, section 4) compiled into one predicate over contacts. Across fields
// and tables filters are ANDed; within one related table one matching record is enough.
import type { Contact } from './contact';
import { contactFieldNames } from './contact';
import type { CriteriaFilters } from './criteria';
import { interactionLogFilterKeys } from './criteria';
import { isSegmentsError, SegmentsError } from './errors';
import {
  parseFilter,
  type CompiledFilter,
  type FieldKind,
  type FilterContext,
  type FilterValue,
} from './filterExpression';
import { tokenize } from './filterLexer';
import { contactOptionFields, interactionLogOptionFields } from './filterOptions';
import { isoDateOf, looksLikeDate, looksLikeNumber, numberSeparatorProblem } from './filterValues';
import type { InteractionLogEntry } from './log';

/** Related data a filter may need, indexed once per step. */
export interface RelatedData {
  /** Contacts by number, to reach a person's company (industry groups, business relations). */
  contactsByNo: Map<string, Contact>;
  /** Interaction log entries by contact number (only needed when the filters use them). */
  entriesByContact?: Map<string, InteractionLogEntry[]>;
}

export type ContactPredicate = (c: Contact, rel: RelatedData) => boolean;

const notFilterable = new Set(['extra', 'source', 'profileAnswers']);
const listFields = new Set(['mailingGroups', 'industryGroups', 'jobResponsibilities', 'businessRelations']);

/** The kind of a contact field's values for filtering; error for a field that does not exist. */
export function contactFieldKind(field: string): FieldKind {
  if (field.startsWith('extra.') && field.length > 'extra.'.length) return 'auto';
  if (!(contactFieldNames as string[]).includes(field) || notFilterable.has(field)) {
    throw new SegmentsError('INVALID_FILTER', `There is no contact field "${field}" to filter on`, {
      field: `contact.${field}`,
      position: 1,
    });
  }
  const option = contactOptionFields[field];
  if (option) return { option };
  return field === 'excludeFromSegment' ? 'boolean' : 'text';
}

function logFieldKind(field: string): FieldKind {
  const option = interactionLogOptionFields[field];
  if (option) return { option };
  return field === 'date' ? 'date' : field === 'loggedSegmentEntryNo' ? 'number' : 'text';
}

const hasExpression = (e: string | undefined): e is string => e !== undefined && e.trim() !== '';

/** True when the filters select every contact. */
export function isEmptyFilters(filters: CriteriaFilters): boolean {
  return (
    !Object.values(filters.contact ?? {}).some(hasExpression) &&
    !hasExpression(filters.mailingGroup) &&
    !hasExpression(filters.industryGroup) &&
    !hasExpression(filters.jobResponsibility) &&
    !hasExpression(filters.businessRelation) &&
    !hasExpression(filters.profileAnswer?.questionnaire) &&
    !hasExpression(filters.profileAnswer?.answer) &&
    !Object.values(filters.interactionLog ?? {}).some(hasExpression)
  );
}

export function usesInteractionLog(filters: CriteriaFilters): boolean {
  return Object.values(filters.interactionLog ?? {}).some(hasExpression);
}

const anyOf = (f: CompiledFilter, values: readonly string[]) => values.some((v) => f.matches(v));

type ColumnKind = 'number' | 'date' | 'boolean';

/**
 * How a filter reads an imported column: the kind of its values and whether text cells sit among them
 * (cells the import could not read as that kind: `n/d` in a column of amounts, `29/02/2001` among dates).
 */
export interface ColumnTyping {
  kind: ColumnKind;
  withText: boolean;
}

function valueKind(v: unknown): ColumnKind | 'text' | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v === 'string' && v.length === 10 && isoDateOf(v) ? 'date' : 'text';
}

const isBlank = (v: FilterValue): boolean => v === null || v === undefined || v === '';

/**
 * The typing of each filtered imported column whose values are of one kind, as the import typed them
 * (csvValues.ts, sheetCells.ts): numbers, ISO dates or Yes/No. Its filter then reads its values that way
 * and refuses one that cannot be read, as BC refuses text in a date or number filter. A column of numbers
 * or dates may hold text cells too (`withText`): its filter is still a number or date filter, unless it is
 * a text filter (`n/d`, `a*`). A column of other mixes (codes, numbers and dates) compares each value as
 * what it is ('auto').
 */
export function extraColumnKinds(filters: CriteriaFilters, contacts: Iterable<Contact>): Map<string, ColumnTyping> {
  const headers = Object.entries(filters.contact ?? {})
    .filter(([field, expr]) => field.startsWith('extra.') && hasExpression(expr))
    .map(([field]) => field.slice('extra.'.length));
  if (headers.length === 0) return new Map();
  const seen = new Map<string, Set<ColumnKind | 'text'>>();
  for (const c of contacts) {
    const extra = c.extra;
    if (!extra) continue;
    for (const h of headers) {
      const k = valueKind(extra[h]);
      if (k === undefined) continue;
      let kinds = seen.get(h);
      if (!kinds) seen.set(h, (kinds = new Set()));
      kinds.add(k);
    }
  }
  const typed = new Map<string, ColumnTyping>();
  for (const [h, kinds] of seen) {
    const withText = kinds.has('text');
    const [kind, other] = [...kinds].filter((k): k is ColumnKind => k !== 'text');
    if (kind === undefined || other !== undefined || (withText && kind === 'boolean')) continue;
    typed.set(h, { kind, withText });
  }
  return typed;
}

/**
 * parseFilter, with a number that its separators spoil (`1.5` in it-IT: the point only groups thousands
 * there) refused in those words, not as any other value that is no number.
 */
function compileFilter(
  expr: string,
  kind: FieldKind,
  ctx: FilterContext,
  field: string,
  /** What the user typed, when `expr` is it rewritten (blankAsZero): the error message quotes it. */
  typed = expr,
): CompiledFilter {
  try {
    return parseFilter(expr, kind, ctx, field);
  } catch (e) {
    if (!isSegmentsError(e, 'INVALID_FILTER')) throw e;
    const value = e.details.expected === 'number' ? e.details.value : undefined;
    const problem = typeof value === 'string' ? numberSeparatorProblem(value, ctx.locale) : undefined;
    if (!problem && typed === expr) throw e;
    const sign = problem === 'decimalComma' ? 'comma' : 'point';
    const message = e.message.replace(`"${expr}"`, `"${typed}"`);
    throw new SegmentsError(
      'INVALID_FILTER',
      problem
        ? `${message} The decimal separator is the ${sign}; the other separator only groups three digits.`
        : message,
      problem ? { ...e.details, expected: problem } : e.details,
    );
  }
}

/**
 * A number column's expression with each blank `''` written `00`: in BC a number is never blank, a blank
 * is 0, so `''` selects what `0` selects. `00` is as wide as `''`, so an error's position still points
 * into what the user typed. An expression that does not tokenize is left for parseFilter to refuse.
 */
function blankAsZero(expr: string): string {
  let out = expr;
  try {
    for (const t of tokenize(expr, () => {
      throw new Error('not a filter');
    }))
      if (t.type === 'literal' && t.text === '' && expr.startsWith("''", t.position - 1))
        out = `${out.slice(0, t.position - 1)}00${out.slice(t.position + 1)}`;
  } catch {
    return expr;
  }
  return out;
}

/**
 * An imported column's filter. A number column compares as BC's decimal fields: a blank cell is 0 for
 * every operator (`0` and `<1` select it, `<0` does not); a date column keeps blank before every date, as
 * BC's 0D. A text cell among numbers or dates never meets a number or date filter, whatever the operator
 * (`abc` is not `>1000`, nor `<>0`); a text filter on such a column (`n/d`, `a*`) compares as text. A value
 * written as a number or a date (`1.5`, `29/02/2023`) that is none is refused, never read as text.
 */
function extraColumnTest(
  header: string,
  expr: string,
  typing: ColumnTyping | undefined,
  ctx: FilterContext,
): ContactPredicate {
  const field = `contact.extra.${header}`;
  const valueOf = (c: Contact) => c.extra?.[header] as FilterValue;
  const asWritten = () => {
    const f = parseFilter(expr, 'auto', ctx, field);
    return (c: Contact) => f.matches(valueOf(c));
  };
  if (!typing) return asWritten();
  if (typing.kind === 'boolean') {
    const f = compileFilter(expr, 'boolean', ctx, field);
    return (c) => f.matches(valueOf(c));
  }
  let f: CompiledFilter;
  try {
    f = compileFilter(typing.kind === 'number' ? blankAsZero(expr) : expr, typing.kind, ctx, field, expr);
  } catch (e) {
    const value = isSegmentsError(e, 'INVALID_FILTER') ? e.details.value : undefined;
    const meant = typing.kind === 'number' ? looksLikeNumber : looksLikeDate;
    if (!typing.withText || typeof value !== 'string' || meant(value)) throw e;
    return asWritten();
  }
  if (typing.kind === 'number') {
    return (c) => {
      const v = valueOf(c);
      return isBlank(v) ? f.matches(0) : typeof v === 'number' && f.matches(v);
    };
  }
  return (c) => {
    const v = valueOf(c);
    return isBlank(v) || (typeof v === 'string' && v.length === 10 && isoDateOf(v) !== undefined)
      ? f.matches(v)
      : false;
  };
}

/**
 * Compiles the filters once; throws INVALID_FILTER naming the field and position of a bad one. `known`:
 * the contacts at hand, whose values type the imported columns (see extraColumnKinds); without them an
 * imported column compares each value as what it is.
 */
export function compileContactFilters(
  filters: CriteriaFilters,
  ctx: FilterContext,
  known?: Iterable<Contact>,
): ContactPredicate {
  const tests: ContactPredicate[] = [];
  const columnKinds = known ? extraColumnKinds(filters, known) : undefined;

  for (const [field, expr] of Object.entries(filters.contact ?? {})) {
    if (!hasExpression(expr)) continue;
    if (field.startsWith('extra.') && field.length > 'extra.'.length) {
      const header = field.slice('extra.'.length);
      tests.push(extraColumnTest(header, expr, columnKinds?.get(header), ctx));
      continue;
    }
    const f = compileFilter(expr, contactFieldKind(field), ctx, `contact.${field}`);
    if (listFields.has(field)) {
      const key = field as 'mailingGroups';
      tests.push((c) => (c[key].length === 0 ? f.matches('') : anyOf(f, c[key])));
    } else {
      const key = field as keyof Contact;
      tests.push((c) => f.matches(c[key] as FilterValue));
    }
  }

  const company = (c: Contact, rel: RelatedData) =>
    c.companyNo && c.companyNo !== c.no ? (rel.contactsByNo.get(c.companyNo) ?? c) : c;
  const related = (
    name: keyof CriteriaFilters,
    expr: string | undefined,
    values: (c: Contact, rel: RelatedData) => readonly string[],
  ) => {
    if (!hasExpression(expr)) return;
    const f = parseFilter(expr, 'text', ctx, name);
    tests.push((c, rel) => anyOf(f, values(c, rel)));
  };
  related('mailingGroup', filters.mailingGroup, (c) => c.mailingGroups);
  related('jobResponsibility', filters.jobResponsibility, (c) => c.jobResponsibilities);
  // Industry groups and business relations belong to the company: a person inherits its company's.
  related('industryGroup', filters.industryGroup, (c, rel) => company(c, rel).industryGroups);
  related('businessRelation', filters.businessRelation, (c, rel) => company(c, rel).businessRelations);

  const pa = filters.profileAnswer;
  if (pa && (hasExpression(pa.questionnaire) || hasExpression(pa.answer))) {
    const q = hasExpression(pa.questionnaire)
      ? parseFilter(pa.questionnaire, 'text', ctx, 'profileAnswer.questionnaire')
      : undefined;
    const a = hasExpression(pa.answer) ? parseFilter(pa.answer, 'text', ctx, 'profileAnswer.answer') : undefined;
    tests.push((c) => c.profileAnswers.some((p) => (!q || q.matches(p.questionnaire)) && (!a || a.matches(p.answer))));
  }

  const logFilters: [keyof InteractionLogEntry, CompiledFilter][] = [];
  for (const [field, expr] of Object.entries(filters.interactionLog ?? {})) {
    if (!hasExpression(expr)) continue;
    if (!(interactionLogFilterKeys as readonly string[]).includes(field)) {
      throw new SegmentsError('INVALID_FILTER', `There is no interaction log field "${field}" to filter on`, {
        field: `interactionLog.${field}`,
        position: 1,
      });
    }
    logFilters.push([
      field as keyof InteractionLogEntry,
      compileFilter(expr, logFieldKind(field), ctx, `interactionLog.${field}`),
    ]);
  }
  if (logFilters.length) {
    tests.push((c, rel) =>
      (rel.entriesByContact?.get(c.no) ?? []).some((e) => logFilters.every(([k, f]) => f.matches(e[k] as FilterValue))),
    );
  }

  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (c, rel) => {
    for (const t of tests) if (!t(c, rel)) return false;
    return true;
  };
}

/**
 * Throws INVALID_FILTER when a filter names an imported (extra) column that none of `contacts` has: a typo
 * (`Ctiy`) would otherwise select nobody without a word. The error names the column and, when one is close
 * (a letter or two apart, or another case), suggests it.
 */
export function checkExtraColumns(filters: CriteriaFilters, contacts: Iterable<Contact>): void {
  const wanted = Object.entries(filters.contact ?? {})
    .filter(([field, expr]) => field.startsWith('extra.') && hasExpression(expr))
    .map(([field]) => field.slice('extra.'.length));
  if (wanted.length === 0) return;
  const missing = new Set(wanted);
  const headers = new Set<string>();
  for (const c of contacts) {
    for (const h of Object.keys(c.extra ?? {})) {
      headers.add(h);
      missing.delete(h);
    }
    if (missing.size === 0) return;
  }
  const [header] = missing;
  const suggestion = closestHeader(header, headers);
  throw new SegmentsError(
    'INVALID_FILTER',
    `No contact has an imported column "${header}"${suggestion !== undefined ? `; did you mean "${suggestion}"?` : ''}`,
    {
      field: `contact.extra.${header}`,
      expected: 'extraColumn',
      header,
      ...(suggestion !== undefined ? { suggestion } : {}),
    },
  );
}

function closestHeader(header: string, headers: ReadonlySet<string>): string | undefined {
  const h = header.toLowerCase();
  // At most two edits, and fewer than half the name (`ab` is not a typo of `xy`).
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(h.length / 2)) + 1;
  for (const candidate of headers) {
    const d = editDistance(h, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The one literal value an expression selects by plain equality (`C0001`, `=C0001`), or undefined when
 * it is anything else; lets the store answer the filter from an index.
 */
export function plainEqualityValue(expr: string | undefined): string | undefined {
  if (!hasExpression(expr)) return undefined;
  const m = /^=?([^|&.<>=*?@'()\s][^|&<>=*?@'()]*)$/.exec(expr.trim());
  if (!m || m[1].includes('..') || /\s$/.test(m[1])) return undefined;
  return m[1];
}
