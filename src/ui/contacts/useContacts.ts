// Contacts matching filters (BC filter expressions the user types), live, with the contacts that the
// persons' Company No. name (what each of those numbers is). A filter that does not parse comes back as
// `error` instead of breaking the page.
import { useLiveQuery } from '../common/useLiveQuery';
import type { Contact } from '../../domain/contact';
import { isEmptyFilters } from '../../domain/contactFilters';
import type { CriteriaFilters } from '../../domain/criteria';
import { useWorkspace } from '../common/services';

export interface ContactsResult {
  contacts?: Contact[];
  /** The contacts that the persons' Company No. name, by number (a number no contact has is absent). */
  companies?: ReadonlyMap<string, Contact>;
  /** Whether `contacts` are every contact (no filter was set). */
  every?: boolean;
  error?: unknown;
}

const COMPANIES = { contact: { type: 'Company' } } satisfies CriteriaFilters;

/** `undefined` while loading. */
export function useContacts(filters?: CriteriaFilters): ContactsResult | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(async (): Promise<ContactsResult> => {
    try {
      const contacts = await workspace.contacts.list(filters);
      // Unfiltered, every contact is at hand. Filtered, the companies are read, and any other number a
      // person names (rare: a person's, or no contact's) one by one.
      if (!filters || isEmptyFilters(filters))
        return { contacts, companies: new Map(contacts.map((c) => [c.no, c])), every: true };
      const companies = new Map((await workspace.contacts.list(COMPANIES)).map((c) => [c.no, c]));
      const others = new Set<string>();
      for (const c of contacts)
        if (c.type === 'Person' && c.companyNo && !companies.has(c.companyNo)) others.add(c.companyNo);
      for (const no of others) {
        const c = await workspace.contacts.get(no);
        if (c) companies.set(no, c);
      }
      return { contacts, companies };
    } catch (error: unknown) {
      return { error };
    }
  }, [workspace, JSON.stringify(filters ?? {})]);
}
