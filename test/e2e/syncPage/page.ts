// A test page for the browser suite: the real sync client over the real store, in real IndexedDB, with
// the browser's own fetch, streams and navigator.locks. The test drives it through `window.segmentsPane`.
import { openSyncedWorkspace, type SyncedWorkspace } from '../../../src/sync/openSyncedWorkspace';

declare global {
  interface Window {
    segmentsPane?: SyncedWorkspace;
    openSegmentsPane(): Promise<void>;
  }
}

window.openSegmentsPane = async () => {
  window.segmentsPane = await openSyncedWorkspace({ name: 'segments' }, { serverUrl: location.origin });
};
document.body.dataset.ready = 'yes';
