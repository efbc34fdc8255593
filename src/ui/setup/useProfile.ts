// This pane's user profile, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { Profile } from '../../domain/setup';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useProfile(): Profile | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.profile.get(), [workspace]);
}
