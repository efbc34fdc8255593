// The logged segments with their number of interactions, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { LoggedSegment } from '../../domain/log';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useLoggedSegments(): LoggedSegment[] | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.loggedSegments.list(), [workspace]);
}
