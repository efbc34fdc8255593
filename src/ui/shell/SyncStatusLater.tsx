// The shared workspace's status line, fetched once the first page has been painted: its messages bars,
// links and action names are not part of the first load. Until it is here the line is not shown (the
// shared workspace is still starting then: src/taskpane/deferredServices.ts).
import { Suspense } from 'react';
import { lazyPart } from '../common/laterPart';
import { useServices } from '../common/services';
import type * as SyncStatusModule from './SyncStatus';
import { afterPaint } from './afterPaint';

type Props = Parameters<typeof SyncStatusModule.SyncStatus>[0];

const Real = lazyPart(async () => {
  await afterPaint();
  const m = await import(/* webpackChunkName: "sync-status" */ './SyncStatus');
  return { default: m.SyncStatus };
});

/** Nothing when the pane has no shared workspace. */
export function SyncStatus(props: Props) {
  const { sync } = useServices();
  return sync ? (
    <Suspense fallback={null}>
      <Real {...props} />
    </Suspense>
  ) : null;
}
