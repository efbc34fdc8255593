// Saved segment criteria, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { SavedCriteria } from '../../domain/criteria';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useSavedCriteria(): SavedCriteria[] | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.savedCriteria.list(), [workspace]);
}
