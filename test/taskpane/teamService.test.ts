// The pane learns its user's role from the server's /status (with the personal key kept in this browser),
// asks again when the shared workspace connects (a new key takes effect), keeps what it knew when the
// server cannot answer, and reads a row's history by its id.
import { describe, expect, test } from 'vitest';
import type { SyncState } from '../../src/domain/ports/syncStatus';
import { teamService } from '../../src/taskpane/teamService';

function fakeSync() {
  let status: SyncState = { connection: 'starting', pending: 0, failed: [], renumbered: [] };
  const listeners = new Set<() => void>();
  return {
    subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    getStatus: () => status,
    set(connection: SyncState['connection']) {
      status = { ...status, connection };
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

describe('team service', () => {
  test('the role from /status with the key; asked again on connecting; kept when the server is away', async () => {
    const calls: { url: string; auth?: string }[] = [];
    let answer: () => Response = () => Response.json({ schemaVersion: 1, lastRev: 0, user: 'anna', role: 'member' });
    const doFetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, auth: (init?.headers as Record<string, string>)?.authorization });
      return answer();
    }) as unknown as typeof fetch;
    const sync = fakeSync();
    const team = teamService(sync, 'https://segments.example.test', memoryStorage('k1'), doFetch);
    expect(team.getUser()).toEqual({ known: false });
    let notified = 0;
    team.subscribe(() => notified++);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]); // not asked before the shared workspace is connected
    sync.set('connected');
    await until(() => team.getUser().known);
    expect(team.getUser()).toEqual({ known: true, user: 'anna', role: 'member' });
    expect(calls[0]).toEqual({ url: 'https://segments.example.test/api/v1/status', auth: 'Bearer k1' });
    expect(notified).toBe(1);

    answer = () => Response.json({ schemaVersion: 1, lastRev: 0, user: 'anna', role: 'admin' });
    sync.set('offline');
    sync.set('connected');
    await until(() => team.getUser().role === 'admin');
    sync.set('connected'); // still connected: not asked again
    expect(calls).toHaveLength(2);

    answer = () => new Response('down', { status: 503 });
    sync.set('offline');
    sync.set('connected');
    await until(() => calls.length === 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(team.getUser()).toEqual({ known: true, user: 'anna', role: 'admin' });
  });

  test('a server without users: known, no user, no role (everything allowed)', async () => {
    const doFetch = (async () =>
      Response.json({ schemaVersion: 1, lastRev: 0, user: null, role: null })) as unknown as typeof fetch;
    const sync = fakeSync();
    const team = teamService(sync, 'https://segments.example.test', memoryStorage(), doFetch);
    sync.set('connected');
    await until(() => team.getUser().known);
    expect(team.getUser()).toEqual({ known: true, user: undefined, role: undefined });
  });

  test('a row history by its id, oldest first', async () => {
    const urls: string[] = [];
    const doFetch = (async (url: string) => {
      urls.push(url);
      if (url.endsWith('/status')) return Response.json({ user: 'anna', role: 'member' });
      return Response.json({
        table: 'interactionLog',
        id: 'E 1',
        entries: [{ rev: 3, op: 'put', user: 'anna', at: '2026-03-02T09:30:00.000Z', changesetId: 'c1' }],
      });
    }) as unknown as typeof fetch;
    const team = teamService(fakeSync(), 'https://segments.example.test', memoryStorage('k1'), doFetch);
    expect(await team.rowHistory('interactionLog', 'E 1')).toEqual([
      { rev: 3, op: 'put', user: 'anna', at: '2026-03-02T09:30:00.000Z' },
    ]);
    expect(urls).toContain('https://segments.example.test/api/v1/history?table=interactionLog&id=E%201');
  });
});
