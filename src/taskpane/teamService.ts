// The team server for the pages: the user's role from /status (asked again whenever the shared workspace
// connects, so a new personal key takes effect) and a row's history.
import { fetchRowHistory, fetchServerRole } from '../sync/rowHistory';
import { readSyncKey } from '../sync/paneSync';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../domain/ports/team';

export function teamService(
  sync: Pick<SyncService, 'subscribe' | 'getStatus'>,
  serverUrl: string,
  storage?: Storage,
  doFetch?: typeof fetch,
): TeamService {
  let user: TeamUser = { known: false };
  const listeners = new Set<() => void>();
  const set = (next: TeamUser) => {
    user = next;
    for (const l of listeners) l();
  };
  const ask = () =>
    fetchServerRole({ serverUrl, key: readSyncKey(storage), fetch: doFetch }).then(
      (r) => set({ known: true, ...r }),
      // Not answered (offline, key refused): keep what was known; the server enforces the rules anyway.
      () => undefined,
    );
  let connected = false;
  sync.subscribe(() => {
    const now = sync.getStatus().connection === 'connected';
    if (now && !connected) void ask();
    connected = now;
  });
  // Asked once the shared workspace is connected (above): an origin with no sync server (a plain web
  // server) is never asked, so nothing fails in the console there.
  if (sync.getStatus().connection === 'connected') {
    connected = true;
    void ask();
  }
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getUser: () => user,
    async rowHistory(table, id) {
      const h = await fetchRowHistory({ serverUrl, key: readSyncKey(storage), fetch: doFetch }, table, id);
      return h.entries.map(({ rev, op, user: who, at }) => ({ rev, op, user: who, at }));
    },
  };
}
