// The team server for the pages: the user's role from /status (asked again whenever the shared workspace
// connects, and when the personal key changes, so a new key takes effect) and a row's history. What the
// server told is remembered per server in the browser's storage: after a reload with the server away or
// the key refused, the pane offers what that role may do until the server answers again.
import { fetchRowHistory, fetchServerRole } from '../sync/rowHistory';
import { readSyncKey } from '../sync/paneSync';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../domain/ports/team';
import { rememberedTeamUser, rememberTeamUser } from './preferences';

export function teamService(
  sync: Pick<SyncService, 'subscribe' | 'getStatus'>,
  serverUrl: string,
  storage?: Storage,
  doFetch?: typeof fetch,
): TeamService {
  const fromMemory = (): TeamUser => ({ known: false, ...rememberedTeamUser(serverUrl, storage) });
  let user: TeamUser = fromMemory();
  let key = readSyncKey(storage);
  const listeners = new Set<() => void>();
  const set = (next: TeamUser) => {
    user = next;
    for (const l of listeners) l();
  };
  const ask = () => {
    const asked = key;
    return fetchServerRole({ serverUrl, key: asked, fetch: doFetch }).then(
      (r) => {
        if (asked !== key) return; // the key changed meanwhile: its own answer follows
        rememberTeamUser(serverUrl, r.user && r.role ? { user: r.user, role: r.role } : undefined, storage);
        set({ known: true, ...r });
      },
      // Not answered (offline, key refused): keep what was known; the server enforces the rules anyway.
      () => undefined,
    );
  };
  let connected = false;
  sync.subscribe(() => {
    const now = sync.getStatus().connection === 'connected';
    const k = readSyncKey(storage);
    if (k !== key) {
      // Another personal key (another user, perhaps): what the old one was told no longer holds.
      key = k;
      rememberTeamUser(serverUrl, undefined, storage);
      set({ known: false });
      if (now) void ask();
    } else if (now && !connected) void ask();
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
