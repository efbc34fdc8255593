// Per-host preferences (language choice, last segment, remembered column mappings) in the browser's
// localStorage, each host's under its own prefix. The format is the one @microsoft/office-js-helpers'
// Storage wrote (`@segments-preferences-<host>/<key>` holding JSON), so what earlier versions kept is
// read as it was; the library itself (55 KiB minified) is no longer fetched for a handful of lines.
// Beside them, for each team server, the user and role it last told this browser (rememberedTeamUser).
import type { Preferences } from '../domain/ports/preferences';
import type { TeamRole } from '../domain/ports/team';

/** Preferences for one host ('Excel', 'Word', 'none'): each host keeps its own. */
export function loadPreferences(host: string, storage?: Storage): Preferences {
  try {
    const store = storage ?? globalThis.localStorage;
    if (!store) throw new Error('this browser has no localStorage');
    const scoped = (key: string) => `@segments-preferences-${host}/${key}`;
    store.getItem(scoped('language')); // a locked-down webview refuses here (SecurityError)
    return {
      get<T>(key: string) {
        const item = store.getItem(scoped(key));
        if (item === null) return undefined;
        try {
          return JSON.parse(item) as T;
        } catch {
          return item as T; // a plain string kept by hand
        }
      },
      set(key, value) {
        try {
          store.setItem(scoped(key), JSON.stringify(value));
        } catch (e) {
          // Full or refused: the choice holds for this session (the pane keeps it in its state).
          console.warn(`The preference ${key} could not be kept:`, e);
        }
      },
    };
  } catch (e) {
    // Storage refused (a locked-down webview): preferences last for this session only.
    console.warn('Preferences are kept for this session only:', e);
    return memoryPreferences();
  }
}

export function memoryPreferences(): Preferences {
  const map = new Map<string, unknown>();
  return { get: <T>(key: string) => map.get(key) as T | undefined, set: (key, value) => void map.set(key, value) };
}

/** The item that keeps, for each team server this browser talked to, who the server last said the user is. */
const TEAM_USER_ITEM = 'segments.teamUser';

type RememberedUser = { user: string; role: TeamRole };

/** The browser's storage unless one is given; a locked-down webview refuses even to hand it out. */
function storageOr<S>(given: S | undefined): S | Storage | undefined {
  try {
    return given ?? globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readTeamUsers(store: Pick<Storage, 'getItem'> | undefined): Record<string, RememberedUser> {
  try {
    const all = JSON.parse(store?.getItem(TEAM_USER_ITEM) ?? '{}') as unknown;
    return typeof all === 'object' && all !== null ? (all as Record<string, RememberedUser>) : {};
  } catch {
    return {}; // refused, or not ours
  }
}

/**
 * The user and role the team server at `serverUrl` last told this browser: what the pane offers after a
 * reload while the server is away or refuses the key (shared by every pane of this browser on that
 * server, Excel's and Word's). Undefined when nothing was told (or on a server without users).
 */
export function rememberedTeamUser(serverUrl: string, storage?: Pick<Storage, 'getItem'>): RememberedUser | undefined {
  const all = readTeamUsers(storageOr(storage));
  const r = (Object.hasOwn(all, serverUrl) ? all[serverUrl] : undefined) as Partial<RememberedUser> | undefined;
  return typeof r?.user === 'string' && (r.role === 'admin' || r.role === 'member')
    ? { user: r.user, role: r.role }
    : undefined;
}

/** Keeps what the server at `serverUrl` told (undefined forgets it); a browser that refuses keeps nothing. */
export function rememberTeamUser(
  serverUrl: string,
  who: RememberedUser | undefined,
  given?: Pick<Storage, 'getItem' | 'setItem'>,
): void {
  const storage = storageOr(given);
  const all = readTeamUsers(storage);
  if (who) all[serverUrl] = { user: who.user, role: who.role };
  else if (Object.hasOwn(all, serverUrl)) delete all[serverUrl];
  else return;
  try {
    storage?.setItem(TEAM_USER_ITEM, JSON.stringify(all));
  } catch {
    // Full or refused: the role is asked again when the pane connects.
  }
}
