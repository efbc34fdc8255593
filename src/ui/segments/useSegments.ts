// The open segments, live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { SegmentHeader } from '../../domain/segment';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useSegments(): SegmentHeader[] | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.segments.list(), [workspace]);
}
