// Interaction log entries matching a filter, live; a date filter that does not parse comes back as `error`.
import { useLiveQuery } from '../common/useLiveQuery';
import type { InteractionLogEntry } from '../../domain/log';
import type { InteractionLogFilter } from '../../domain/workspace';
import { useWorkspace } from '../common/services';

export interface EntriesResult {
  entries?: InteractionLogEntry[];
  error?: unknown;
}

/** `undefined` while loading. */
export function useInteractionLog(filter: InteractionLogFilter): EntriesResult | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(
    () => workspace.interactionLog.list(filter).then((entries): EntriesResult => ({ entries }), (error: unknown): EntriesResult => ({ error })),
    [workspace, JSON.stringify(filter)],
  );
}
