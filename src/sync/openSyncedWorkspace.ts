// Opens the pane's workspace with the outbox recording every change, and starts its sync loop.
import { openWorkspace, type StoreOptions, type WorkspaceHandle } from '../store/index';
import { outboxMiddleware } from '../store/outbox';
import { createSyncPort } from '../store/syncPort';
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
  const workspace = await openWorkspace({ ...store, dbCoreMiddlewares: [...(store.dbCoreMiddlewares ?? []), outboxMiddleware(() => ref.client?.notifyLocalChange())] });
  const c = new SyncClient({ lockName: `segments-sync:${store.name ?? 'segments'}`, ...sync, port: createSyncPort(workspace) });
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
