// Before the sync client's chunk has arrived the first page shows the shared workspace as starting and
// its user as not known yet; the listeners the page subscribed then hear the real service once it is there.
import { describe, expect, test } from 'vitest';
import type { SyncService, SyncState } from '../../src/domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../../src/domain/ports/team';
import { readSyncKey } from '../../src/sync/paneSync';
import { deferredSync, deferredTeam } from '../../src/taskpane/deferredServices';

function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

function memoryStorage(key?: string) {
  const m = new Map<string, string>(key ? [['segments.syncKey', key]] : []);
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

function fakeSync(storage: ReturnType<typeof memoryStorage>) {
  let status: SyncState = { connection: 'connected', pending: 2, failed: [], renumbered: [] };
  const listeners = new Set<() => void>();
  const retried: string[] = [];
  const service: SyncService = {
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    getStatus: () => status,
    retry: async (id) => void retried.push(id),
    dismiss: async () => undefined,
    clearRenumbered: () => undefined,
    serverUrl: 'https://here',
    hasKey: () => readSyncKey(storage) !== undefined,
    saveKey: (k) => storage.setItem('segments.syncKey', k),
    checkKey: async (k) => (k === 'good-key' ? 'accepted' : 'refused'),
  };
  return {
    service,
    retried,
    set(c: SyncState['connection']) {
      status = { ...status, connection: c };
      for (const l of listeners) l();
    },
  };
}

describe('the shared workspace before its client has loaded', () => {
  test('starting until the client is there; then its status, and the listeners hear it', async () => {
    const loading = later<SyncService>();
    const storage = memoryStorage();
    const sync = deferredSync('https://here', loading.promise, storage);
    expect(sync.getStatus().connection).toBe('starting');
    expect(sync.getStatus()).toBe(sync.getStatus()); // the same object each time (useSyncExternalStore)
    let heard = 0;
    const stop = sync.subscribe(() => heard++);
    const retry = sync.retry('a1');
    const real = fakeSync(storage);
    loading.resolve(real.service);
    await retry;
    expect(real.retried).toEqual(['a1']);
    expect(heard).toBe(1);
    expect(sync.getStatus().pending).toBe(2);
    real.set('offline');
    expect(heard).toBe(2);
    expect(sync.getStatus().connection).toBe('offline');
    stop();
    real.set('connected');
    expect(heard).toBe(2);
  });

  test('the personal key: read where the sync client keeps it, saved once the client is there', async () => {
    const stored = memoryStorage('k-1');
    expect(deferredSync('https://here', new Promise<SyncService>(() => undefined), stored).hasKey()).toBe(
      readSyncKey(stored) !== undefined,
    );
    expect(deferredSync('https://here', new Promise<SyncService>(() => undefined), memoryStorage()).hasKey()).toBe(
      false,
    );
    const storage = memoryStorage();
    const loading = later<SyncService>();
    const sync = deferredSync('https://here', loading.promise, storage);
    sync.saveKey('k-2');
    expect(sync.hasKey()).toBe(true);
    loading.resolve(fakeSync(storage).service);
    await loading.promise;
    await new Promise((r) => setTimeout(r, 0));
    expect(readSyncKey(storage)).toBe('k-2');
  });

  test('a key is checked by the sync client once it is there, asked before', async () => {
    const loading = later<SyncService>();
    const sync = deferredSync('https://here', loading.promise, memoryStorage());
    const asked = [sync.checkKey('good-key'), sync.checkKey('typo')];
    loading.resolve(fakeSync(memoryStorage()).service);
    expect(await Promise.all(asked)).toEqual(['accepted', 'refused']);
  });

  test('the user is not known until the team service is there', async () => {
    const loading = later<TeamService>();
    const team = deferredTeam(loading.promise);
    expect(team.getUser()).toEqual({ known: false });
    let heard = 0;
    team.subscribe(() => heard++);
    const user: TeamUser = { known: true, user: 'anna', role: 'admin' };
    loading.resolve({ subscribe: () => () => undefined, getUser: () => user, rowHistory: async () => [] });
    await loading.promise;
    expect(heard).toBe(1);
    expect(team.getUser()).toBe(user);
    expect(await team.rowHistory('interactionLog', 'x')).toEqual([]);
  });
});
