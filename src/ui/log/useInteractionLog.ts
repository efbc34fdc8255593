// Interaction log entries matching a filter, live, with the name of each entry's contact (BC's list shows
// it next to the number); a date filter that does not parse comes back as `error`.
import { useLiveQuery } from '../common/useLiveQuery';
import type { InteractionLogEntry } from '../../domain/log';
import type { InteractionLogFilter } from '../../domain/workspace';
import { useWorkspace } from '../common/services';

export interface EntriesResult {
  entries?: InteractionLogEntry[];
  /** Contact No. → name, for the contacts of `entries` that still exist. */
  names?: Map<string, string>;
  error?: unknown;
}

/** `undefined` while loading. */
export function useInteractionLog(filter: InteractionLogFilter): EntriesResult | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(async (): Promise<EntriesResult> => {
    try {
      const entries = await workspace.interactionLog.list(filter);
      const nos = [...new Set(entries.map((e) => e.contactNo))];
      const contacts = await Promise.all(nos.map((no) => workspace.contacts.get(no)));
      const names = new Map<string, string>();
      contacts.forEach((c) => c && names.set(c.no, c.name));
      return { entries, names };
    } catch (error) {
      return { error };
    }
  }, [workspace, JSON.stringify(filter)]);
}
