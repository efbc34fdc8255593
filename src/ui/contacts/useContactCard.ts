// Everything the contact card shows, live: the contact, its company (a person's) or persons (a company's),
// the open segments it is on, and its interaction log entries.
import type { Contact } from '../../domain/contact';
import { quoteFilterValue } from '../../domain/filterExpression';
import type { InteractionLogEntry } from '../../domain/log';
import type { SegmentHeader } from '../../domain/segment';
import { useWorkspace } from '../common/services';
import { useLiveQuery } from '../common/useLiveQuery';

export interface ContactCardData {
  contact?: Contact;
  /** The contact with a person's Company No.: a company, or not (the card says what it is). */
  company?: Contact;
  persons: Contact[];
  segments: { header: SegmentHeader; lineNo: number }[];
  entries: InteractionLogEntry[];
}

/** `undefined` while loading; `contact` absent when the number does not exist. */
export function useContactCard(no: string): ContactCardData | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(async (): Promise<ContactCardData> => {
    const contact = await workspace.contacts.get(no);
    if (!contact) return { persons: [], segments: [], entries: [] };
    const company =
      contact.type === 'Person' && contact.companyNo ? await workspace.contacts.get(contact.companyNo) : undefined;
    const persons =
      contact.type === 'Company'
        ? (await workspace.contacts.list()).filter((c) => c.companyNo === no && c.no !== no && c.type === 'Person')
        : [];
    const segments: ContactCardData['segments'] = [];
    for (const h of await workspace.segments.list()) {
      const view = await workspace.segments.get(h.no);
      const line = view?.lines.find((l) => l.contactNo === no);
      if (view && line) segments.push({ header: view.header, lineNo: line.lineNo });
    }
    const entries = await workspace.interactionLog.list({ contactNo: quoteFilterValue(no) });
    return { contact, company, persons, segments, entries };
  }, [workspace, no]);
}
