// The imported columns the Contacts list's filter rows offer, by header. Every contact is read when no
// filter is set, which gives every header; a filtered list reads only its matches, so the headers seen
// before are kept and those of the matches added (a column imported while a filter is set is offered once
// a contact that has it is shown, or the filters are cleared).
import { useState } from 'react';
import type { Contact } from '../../domain/contact';
import { importedHeaders } from './contactRowFilters';

export function useImportedHeaders(contacts: Contact[] | undefined, every: boolean): string[] {
  const [seen, setSeen] = useState<{ from?: Contact[]; headers: string[] }>({ headers: [] });
  // Derived while rendering, from the list the page shows (React's pattern for state that follows a prop).
  if (contacts !== undefined && contacts !== seen.from)
    setSeen({ from: contacts, headers: importedHeaders(contacts, every ? [] : seen.headers) });
  return seen.headers;
}
