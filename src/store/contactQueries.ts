// Reading the contacts a criteria step needs, from an index where the filters allow it.
import type { Contact } from '../domain/contact';
import { plainEqualityValue, usesInteractionLog, type RelatedData } from '../domain/contactFilters';
import type { CriteriaFilters } from '../domain/criteria';
import type { InteractionLogEntry } from '../domain/log';
import type { StoreContext } from './context';
import { readByIndexKeys } from './indexReads';

const indexedContactFields = ['no', 'companyNo', 'salespersonCode', 'email'] as const;

/**
 * The contacts that may match: from an index when one filter is a plain equality on an indexed field or a
 * mailing group, else every contact. `all` is every contact when it had to be read anyway.
 */
export async function candidateContacts(
  ctx: StoreContext,
  filters: CriteriaFilters,
): Promise<{ candidates: Contact[]; all?: Contact[] }> {
  const t = ctx.db.contacts;
  for (const f of indexedContactFields) {
    const v = plainEqualityValue(filters.contact?.[f]);
    if (v !== undefined) return { candidates: await t.where(f).equals(v).toArray() };
  }
  const mg = plainEqualityValue(filters.mailingGroup);
  if (mg !== undefined) return { candidates: await t.where('mailingGroups').equals(mg).toArray() };
  const all = await t.toArray();
  return { candidates: all, all };
}

/** What the filters need besides the contacts: companies (for inherited groups) and log entries. */
export async function relatedDataFor(
  ctx: StoreContext,
  filters: CriteriaFilters,
  known: readonly Contact[],
): Promise<RelatedData> {
  const contactsByNo = new Map(known.map((c) => [c.no, c]));
  if (filters.industryGroup || filters.businessRelation) {
    const missing = [...new Set(known.map((c) => c.companyNo).filter((n) => n && !contactsByNo.has(n)))];
    if (missing.length)
      for (const c of await readByIndexKeys(ctx.db.contacts, 'no', missing)) contactsByNo.set(c.no, c);
  }
  let entriesByContact: Map<string, InteractionLogEntry[]> | undefined;
  if (usesInteractionLog(filters)) {
    entriesByContact = new Map();
    const loggedNo = plainEqualityValue(filters.interactionLog?.loggedSegmentEntryNo);
    const entries =
      loggedNo !== undefined && /^\d+$/.test(loggedNo)
        ? await ctx.db.interactionLog.where('loggedSegmentEntryNo').equals(Number(loggedNo)).toArray()
        : await ctx.db.interactionLog.toArray();
    for (const e of entries) {
      const list = entriesByContact.get(e.contactNo);
      if (list) list.push(e);
      else entriesByContact.set(e.contactNo, [e]);
    }
  }
  return { contactsByNo, entriesByContact };
}

/** The contacts with these numbers, by number (a number no contact has is absent). */
export async function contactsByNos(ctx: StoreContext, nos: readonly string[]): Promise<Map<string, Contact>> {
  const list = nos.length ? await readByIndexKeys(ctx.db.contacts, 'no', nos) : [];
  return new Map(list.map((c) => [c.no, c]));
}
