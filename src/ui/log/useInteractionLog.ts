// The first interaction log entries matching a filter (what the page shows), live, with how many match in
// all and the name of each entry's contact (BC's list shows it next to the number); a date filter that does
// not parse comes back as `error`. Only the shown entries are read: the log may hold 100,000.
import { useLiveQuery } from '../common/useLiveQuery';
import type { InteractionLogEntry } from '../../domain/log';
import type { InteractionLogFilter } from '../../domain/workspace';
import { useWorkspace } from '../common/services';

export interface EntriesResult {
  entries?: InteractionLogEntry[];
  /** How many entries match the filter (more than `entries` holds when the page is capped). */
  total?: number;
  /** Contact No. → name, for the contacts of `entries` that still exist. */
  names?: Map<string, string>;
  error?: unknown;
}

/** `undefined` while loading. */
export function useInteractionLog(filter: InteractionLogFilter, limit: number): EntriesResult | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(async (): Promise<EntriesResult> => {
    try {
      const { entries, more } = await workspace.interactionLog.page(filter, limit);
      const total = more ? await workspace.interactionLog.count(filter) : entries.length;
      const nos = [...new Set(entries.map((e) => e.contactNo))];
      const contacts = await Promise.all(nos.map((no) => workspace.contacts.get(no)));
      const names = new Map<string, string>();
      contacts.forEach((c) => c && names.set(c.no, c.name));
      return { entries, total, names };
    } catch (error) {
      return { error };
    }
  }, [workspace, JSON.stringify(filter), limit]);
}
