// Criteria filters (segments.md, section 4) compiled into one predicate over contacts. Across fields
// and tables filters are ANDed; within one related table one matching record is enough.
import type { Contact } from './contact';
import { contactFieldNames } from './contact';
import type { CriteriaFilters } from './criteria';
import { interactionLogFilterKeys } from './criteria';
import { SegmentsError } from './errors';
import {
  parseFilter,
  type CompiledFilter,
  type FieldKind,
  type FilterContext,
  type FilterValue,
} from './filterExpression';
import { contactOptionFields, interactionLogOptionFields } from './filterOptions';
import { isoDateOf } from './filterValues';
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

function valueKind(v: unknown): ColumnKind | 'text' | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v === 'string' && v.length === 10 && isoDateOf(v) ? 'date' : 'text';
}

/**
 * The kind of each filtered imported column whose values are all of one kind, as the import typed them
 * (csvValues.ts, sheetCells.ts): numbers, ISO dates or Yes/No. Its filter then reads its values that way
 * and refuses one that cannot be read, as BC refuses text in a date or number filter. A column holding
 * text too (codes, cells the import could not read) compares each value as what it is ('auto').
 */
export function extraColumnKinds(filters: CriteriaFilters, contacts: Iterable<Contact>): Map<string, ColumnKind> {
  const headers = Object.entries(filters.contact ?? {})
    .filter(([field, expr]) => field.startsWith('extra.') && hasExpression(expr))
    .map(([field]) => field.slice('extra.'.length));
  const kinds = new Map<string, ColumnKind | 'text'>();
  if (headers.length === 0) return new Map();
  for (const c of contacts) {
    const extra = c.extra;
    if (!extra) continue;
    for (const h of headers) {
      const k = valueKind(extra[h]);
      if (k === undefined) continue;
      const seen = kinds.get(h);
      if (seen === undefined) kinds.set(h, k);
      else if (seen !== k) kinds.set(h, 'text');
    }
  }
  const typed = new Map<string, ColumnKind>();
  for (const [h, k] of kinds) if (k !== 'text') typed.set(h, k);
  return typed;
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
    const kind =
      (field.startsWith('extra.') && columnKinds?.get(field.slice('extra.'.length))) || contactFieldKind(field);
    const f = parseFilter(expr, kind, ctx, `contact.${field}`);
    if (field.startsWith('extra.')) {
      const header = field.slice('extra.'.length);
      tests.push((c) => f.matches(c.extra?.[header] as FilterValue));
    } else if (listFields.has(field)) {
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
      parseFilter(expr, logFieldKind(field), ctx, `interactionLog.${field}`),
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
