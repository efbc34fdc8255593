// Opens the pane's workspace with the outbox recording every change, and starts its sync loop.
import { openRecordedWorkspace, type StoreOptions, type WorkspaceHandle } from '../store/syncPort';
import { SyncClient, type SyncClientOptions } from './syncClient';

export interface SyncedWorkspace {
  workspace: WorkspaceHandle;
  sync: SyncClient;
  close(): Promise<void>;
}

export async function openSyncedWorkspace(
  store: StoreOptions,
  sync: Omit<SyncClientOptions, 'port'> & { start?: boolean },
): Promise<SyncedWorkspace> {
  const ref: { client?: SyncClient } = {};
  const { workspace, port } = await openRecordedWorkspace(store, () => ref.client?.notifyLocalChange());
  const c = new SyncClient({ lockName: `segments-sync:${store.name ?? 'segments'}`, ...sync, port });
  ref.client = c;
  if (sync.start !== false) c.start();
  return {
    workspace,
    sync: c,
    async close() {
      await c.stop();
      workspace.close();
    },
  };
}
