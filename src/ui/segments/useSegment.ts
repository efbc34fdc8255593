// One segment with its lines and criteria, live; null when it does not exist (logged, deleted).
import { useLiveQuery } from '../common/useLiveQuery';
import type { SegmentView } from '../../domain/workspace';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useSegment(no: string): SegmentView | null | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.segments.get(no).then((v) => v ?? null), [workspace, no]);
}
