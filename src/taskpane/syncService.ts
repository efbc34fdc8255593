// The shared workspace as the pages see it: src/sync's client (status, retry, dismiss) and the personal
// key kept in this browser.
import { checkPersonalKey } from '../sync/checkKey';
import { readSyncKey, saveSyncKey } from '../sync/paneSync';
import type { SyncClient } from '../sync/syncClient';
import type { SyncService } from '../domain/ports/syncStatus';

export function syncService(client: SyncClient, serverUrl: string, storage?: Storage): SyncService {
  return {
    subscribe: (listener) => client.subscribe(() => listener()),
    getStatus: () => client.getStatus(),
    retry: (id) => client.retry(id),
    dismiss: (id) => client.dismiss(id),
    clearRenumbered: () => client.clearRenumbered(),
    serverUrl,
    hasKey: () => readSyncKey(storage) !== undefined,
    saveKey: (key) => {
      saveSyncKey(key, storage);
      client.setKey(readSyncKey(storage));
    },
    checkKey: (key) => checkPersonalKey(serverUrl, key),
  };
}
