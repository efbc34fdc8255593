// The workspace's Setup, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { Setup } from '../../domain/setup';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useSetup(): Setup | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.setup.get(), [workspace]);
}
