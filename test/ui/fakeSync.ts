// The shared workspace's client as the pane sees it (src/sync's client is the host boundary for the
// pane's component tests): a status the test changes, and a record of what the pane asked of it.
import type { SyncService, SyncState } from '../../src/domain/ports/syncStatus';
import { checkPersonalKey } from '../../src/sync/checkKey';

export function fakeSync(initial: Partial<SyncState> = {}) {
  let status: SyncState = { connection: 'connected', pending: 0, failed: [], renumbered: [], ...initial };
  const listeners = new Set<() => void>();
  const calls = { retry: [] as string[], dismiss: [] as string[], cleared: 0, keys: [] as string[] };
  let key: string | undefined;
  let retryFails: unknown;
  const set = (patch: Partial<SyncState>) => {
    status = { ...status, ...patch };
    for (const l of listeners) l();
  };
  const service: SyncService = {
    subscribe(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    getStatus: () => status,
    async retry(id) {
      calls.retry.push(id);
      if (retryFails) throw retryFails;
      set({ failed: status.failed.filter((f) => f.id !== id) });
    },
    async dismiss(id) {
      calls.dismiss.push(id);
      set({ failed: status.failed.filter((f) => f.id !== id) });
    },
    clearRenumbered() {
      calls.cleared++;
      set({ renumbered: [] });
    },
    serverUrl: 'https://segments.example.test:3000',
    hasKey: () => key !== undefined,
    saveKey(k) {
      calls.keys.push(k);
      key = k.trim() || undefined;
    },
    // The real check, against whatever `fetch` the test gives the page.
    checkKey: (k) => checkPersonalKey(service.serverUrl, k),
  };
  return { service, calls, set, failRetries: (e: unknown) => (retryFails = e) };
}
