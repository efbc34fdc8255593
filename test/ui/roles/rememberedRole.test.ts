// The pane remembers, per server, the user and role the server last told it (in the browser's storage),
// so that after a reload with the server away or the key refused it offers what that role may do, not
// an administrator's everything. A server without users leaves nothing to remember; a new personal key
// forgets what the old one was told, and is asked again at once.
import { describe, expect, test } from 'vitest';
import type { SyncState } from '../../../src/domain/ports/syncStatus';
import { rememberedTeamUser } from '../../../src/taskpane/preferences';
import { teamService } from '../../../src/taskpane/teamService';

function fakeSync(connection: SyncState['connection'] = 'starting') {
  let status: SyncState = { connection, pending: 0, failed: [], renumbered: [] };
  const listeners = new Set<() => void>();
  return {
    subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    getStatus: () => status,
    set(patch: Partial<SyncState>) {
      status = { ...status, ...patch };
      for (const l of listeners) l();
    },
  };
}

function memoryStorage(key?: string): Storage {
  const m = new Map<string, string>(key ? [['segments.syncKey', key]] : []);
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  } as Storage;
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(f()).toBe(true);
};

const A = 'https://segments.example.test';
const B = 'https://other.example.test';

/** A server answering /status with `who` for every key. */
const answering = (who: () => { user: string | null; role: string | null }) =>
  (async () => Response.json({ schemaVersion: 1, lastRev: 0, ...who() })) as unknown as typeof fetch;

describe('the role the server told, remembered', () => {
  test('a reload with the server away keeps the role (per server)', async () => {
    const storage = memoryStorage('k-marco');
    const sync = fakeSync();
    const first = teamService(
      sync,
      A,
      storage,
      answering(() => ({ user: 'marco', role: 'member' })),
    );
    sync.set({ connection: 'connected' });
    await until(() => first.getUser().known);

    // The reload: a new pane over the same browser storage, the server away.
    const down = (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    const reloaded = teamService(fakeSync('offline'), A, storage, down);
    expect(reloaded.getUser()).toEqual({ known: false, user: 'marco', role: 'member' });
    // Another server's pane in the same browser knows nothing of it.
    expect(teamService(fakeSync('offline'), B, storage, down).getUser()).toEqual({ known: false });
    expect(rememberedTeamUser(A, storage)).toEqual({ user: 'marco', role: 'member' });
  });

  test('the role the server tells replaces the remembered one; a server without users leaves nothing', async () => {
    const storage = memoryStorage('k-anna');
    let who = { user: 'anna' as string | null, role: 'admin' as string | null };
    const sync = fakeSync('connected');
    const team = teamService(
      sync,
      A,
      storage,
      answering(() => who),
    );
    await until(() => team.getUser().known);
    expect(rememberedTeamUser(A, storage)).toEqual({ user: 'anna', role: 'admin' });
    who = { user: null, role: null };
    sync.set({ connection: 'offline' });
    sync.set({ connection: 'connected' });
    await until(() => team.getUser().role === undefined);
    expect(rememberedTeamUser(A, storage)).toBeUndefined();
  });

  test('a new personal key forgets the old one’s role, and the server is asked again', async () => {
    const storage = memoryStorage('k-anna');
    let asked = 0;
    const doFetch = (async (_url: string, init?: RequestInit) => {
      asked++;
      const auth = (init?.headers as Record<string, string>)?.authorization;
      return Response.json(
        auth === 'Bearer k-anna' ? { user: 'anna', role: 'admin' } : { user: 'marco', role: 'member' },
      );
    }) as unknown as typeof fetch;
    const sync = fakeSync('connected');
    const team = teamService(sync, A, storage, doFetch);
    await until(() => team.getUser().role === 'admin');
    // marco enters his key in this pane; the shared workspace stays connected.
    storage.setItem('segments.syncKey', 'k-marco');
    sync.set({ pending: 1 });
    expect(team.getUser()).toEqual({ known: false });
    expect(rememberedTeamUser(A, storage)).toBeUndefined();
    await until(() => team.getUser().user === 'marco');
    expect(team.getUser()).toEqual({ known: true, user: 'marco', role: 'member' });
    expect(asked).toBe(2);
  });

  test('a browser that refuses its storage: nothing remembered, nothing fails', async () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(rememberedTeamUser(A, refusing)).toBeUndefined();
    const sync = fakeSync('connected');
    const team = teamService(
      sync,
      A,
      refusing,
      answering(() => ({ user: 'anna', role: 'member' })),
    );
    await until(() => team.getUser().known);
    expect(team.getUser()).toEqual({ known: true, user: 'anna', role: 'member' });
  });
});
