// What the task pane calls instead of openWorkspace: the workspace with its outbox and sync loop,
// talking to the server the pane was loaded from, with the user's personal key when there is one.
import type { StoreOptions } from '../store/syncPort';
import { openSyncedWorkspace, type SyncedWorkspace } from './openSyncedWorkspace';

const KEY_ITEM = 'segments.syncKey';

/** The user's personal key for the team server, kept in this browser only (never synced). */
export function readSyncKey(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): string | undefined {
  try {
    return storage?.getItem(KEY_ITEM) || undefined;
  } catch {
    return undefined;
  }
}

export function saveSyncKey(
  key: string,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  if (key.trim()) storage?.setItem(KEY_ITEM, key.trim());
  else storage?.removeItem(KEY_ITEM);
}

export async function openPaneWorkspace(
  store: StoreOptions = {},
  origin = globalThis.location?.origin,
): Promise<SyncedWorkspace> {
  if (!origin || origin === 'null') throw new Error('the pane has no origin to reach its server');
  return openSyncedWorkspace(store, { serverUrl: origin, key: readSyncKey() });
}
