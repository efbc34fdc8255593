// Interaction templates, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { InteractionTemplate } from '../../domain/interaction';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useInteractionTemplates(): InteractionTemplate[] | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.interactionTemplates.list(), [workspace]);
}
