// Contacts matching filters (BC filter expressions the user types), live. A filter that does not parse
// comes back as `error` instead of breaking the page.
import { useLiveQuery } from '../common/useLiveQuery';
import type { Contact } from '../../domain/contact';
import type { CriteriaFilters } from '../../domain/criteria';
import { useWorkspace } from '../common/services';

export interface ContactsResult {
  contacts?: Contact[];
  error?: unknown;
}

/** `undefined` while loading. */
export function useContacts(filters?: CriteriaFilters): ContactsResult | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(
    () =>
      workspace.contacts.list(filters).then(
        (contacts): ContactsResult => ({ contacts }),
        (error: unknown): ContactsResult => ({ error }),
      ),
    [workspace, JSON.stringify(filters ?? {})],
  );
}
