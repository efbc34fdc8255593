// Which contacts an Add Contacts step puts on the segment, and which lines Reduce / Refine remove
// (segments.md, section 3).
import type { Contact } from './contact';
import type { AddContactsOptions } from './criteria';
import type { CriteriaKind } from './enums';
import type { SegmentLine } from './segment';

/** The key that groups a contact with its company: the company's number, or its own when it has none. */
export const companyKey = (c: Pick<Contact, 'no' | 'companyNo'>): string => c.companyNo || c.no;

/** BC's order for new lines: company name, company no., type (Company before Person), name; text by the locale's collation. */
export function contactLineOrder(locale: string): (a: Contact, b: Contact) => number {
  const coll = new Intl.Collator(locale);
  const companyName = (c: Contact) => (c.type === 'Company' ? c.companyName || c.name : c.companyName);
  return (a, b) =>
    coll.compare(companyName(a), companyName(b)) ||
    coll.compare(a.companyNo, b.companyNo) ||
    (a.type === b.type ? 0 : a.type === 'Company' ? -1 : 1) ||
    coll.compare(a.name, b.name) ||
    coll.compare(a.no, b.no);
}

export interface AddSelectionInput {
  /** Contacts that match the step's filters. */
  matched: readonly Contact[];
  /** Every contact of a company (the company and its persons), by company number. */
  membersOf(companyNo: string): readonly Contact[];
  contactsByNo: ReadonlyMap<string, Contact>;
  /** Contacts that already have a line on the segment. */
  existing: ReadonlySet<string>;
  options: AddContactsOptions;
  locale: string;
}

/** The contacts an Add Contacts step adds, each once, in BC's line order. */
export function selectContactsToAdd(input: AddSelectionInput): Contact[] {
  const { options } = input;
  const chosen = new Map<string, Contact>();
  const take = (c: Contact | undefined) => {
    if (!c || chosen.has(c.no)) return;
    if (c.excludeFromSegment && !options.ignoreExclusion) return;
    if (input.existing.has(c.no) && !options.allowExistingContacts) return;
    chosen.set(c.no, c);
  };
  for (const c of input.matched) {
    if (c.excludeFromSegment && !options.ignoreExclusion) continue;
    if (options.expandCompanies && c.companyNo) {
      for (const m of input.membersOf(c.companyNo)) take(m);
      take(input.contactsByNo.get(c.companyNo));
    } else {
      take(c);
    }
    if (options.allowRelatedCompanies && c.type === 'Person' && c.companyNo) take(input.contactsByNo.get(c.companyNo));
  }
  return [...chosen.values()].sort(contactLineOrder(input.locale));
}

export interface RemoveSelectionInput {
  kind: Exclude<CriteriaKind, 'Add Contacts'>;
  lines: readonly SegmentLine[];
  /** The numbers of every contact (on the segment or not) that matches the step's filters. */
  matched: ReadonlySet<string>;
  contactsByNo: ReadonlyMap<string, Contact>;
  entireCompanies?: boolean;
}

/** The lines a Reduce (those that match) or Refine (those that do not) step removes. */
export function selectLinesToRemove(input: RemoveSelectionInput): SegmentLine[] {
  let matched = (l: SegmentLine) => l.contactNo !== '' && input.matched.has(l.contactNo);
  if (input.entireCompanies) {
    // Judge whole companies: when one contact of a company matches, all its contacts count as matched.
    const companies = new Set<string>();
    for (const no of input.matched) {
      const c = input.contactsByNo.get(no);
      companies.add(c ? companyKey(c) : no);
    }
    const keyOf = (l: SegmentLine) => {
      const c = input.contactsByNo.get(l.contactNo);
      return c ? companyKey(c) : l.contactCompanyNo || l.contactNo;
    };
    matched = (l) => l.contactNo !== '' && companies.has(keyOf(l));
  }
  return input.kind === 'Remove Contacts (Reduce)'
    ? input.lines.filter(matched)
    : input.lines.filter((l) => !matched(l));
}
