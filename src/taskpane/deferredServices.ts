// The shared workspace's status and the team server's services as the first page gets them, before the
// chunk with the sync client has arrived (openPane.ts): "starting" and "user not known yet" until then,
// every listener moved onto the real service when it comes, and every action waiting for it.
import type { SyncService, SyncState } from '../domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../domain/ports/team';

/** The item the sync client keeps the personal key in (src/sync/paneSync.ts), read while it loads. */
const SYNC_KEY_ITEM = 'segments.syncKey';

const STARTING: SyncState = { connection: 'starting', pending: 0, failed: [], renumbered: [] };
const NOT_KNOWN: TeamUser = { known: false };

/** An external store (subscribe / get) whose source arrives later: listeners move onto it then. */
function deferredStore<S extends { subscribe(listener: () => void): () => void }>(loading: Promise<S>) {
  let real: S | undefined;
  const listeners = new Set<() => void>();
  loading.then(
    (s) => {
      real = s;
      s.subscribe(() => {
        for (const l of [...listeners]) l();
      });
      for (const l of [...listeners]) l();
    },
    () => undefined, // the pane says why it could not open (Boot)
  );
  return {
    current: () => real,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export function deferredSync(
  serverUrl: string,
  loading: Promise<SyncService>,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): SyncService {
  const store = deferredStore(loading);
  let queuedKey: string | undefined;
  return {
    subscribe: store.subscribe,
    getStatus: () => store.current()?.getStatus() ?? STARTING,
    retry: async (id) => (await loading).retry(id),
    dismiss: async (id) => (await loading).dismiss(id),
    clearRenumbered: () => store.current()?.clearRenumbered(),
    serverUrl,
    hasKey() {
      const real = store.current();
      if (real) return real.hasKey();
      if (queuedKey !== undefined) return queuedKey.trim() !== '';
      try {
        return Boolean(storage?.getItem(SYNC_KEY_ITEM));
      } catch {
        return false;
      }
    },
    saveKey(key) {
      const real = store.current();
      if (real) return real.saveKey(key);
      queuedKey = key;
      void loading.then((s) => s.saveKey(key)).catch(() => undefined);
    },
    // Setup asks once the user saves a key: the sync client is here by then, or on its way.
    checkKey: async (key) => (await loading).checkKey(key),
  };
}

export function deferredTeam(loading: Promise<TeamService>): TeamService {
  const store = deferredStore(loading);
  return {
    subscribe: store.subscribe,
    getUser: () => store.current()?.getUser() ?? NOT_KNOWN,
    rowHistory: async (table, id) => (await loading).rowHistory(table, id),
  };
}
