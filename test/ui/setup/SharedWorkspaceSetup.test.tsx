// @vitest-environment jsdom
// Setup's personal key: saving one asks the team server first. A key the server refuses is said at the key
// field and not kept; one the server cannot check now (unreachable) is kept, to be tried when it answers.
// The group tells a key saved and refused (rotated, removed) from a key saved and working.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { SharedWorkspaceSetup } from '../../../src/ui/setup/SharedWorkspaceSetup';
import { fakeSync } from '../fakeSync';
import { renderWithWorkspace } from '../log/renderWithTeam';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';
import '../setup';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The team server's GET /api/v1/status: its answer to each key, as the server gives it. */
function server(answer: (key: string | undefined) => Response | Promise<Response>) {
  const asked: { url: string; key?: string }[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization') ?? undefined;
    const key = auth?.replace(/^Bearer /, '');
    asked.push({ url, key });
    return answer(key);
  });
  vi.stubGlobal('fetch', fetch);
  return asked;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const known = (key: string | undefined) =>
  key === 'anna-key'
    ? json(200, { schemaVersion: 1, lastRev: 4, user: 'anna', role: 'admin', storage: 'pglite', keysRequired: true })
    : json(401, { error: 'unauthorized', reason: "the key is not one of this server's keys" });

function show(sync = fakeSync(), language: 'en' | 'it' = 'en') {
  renderWithWorkspace(<SharedWorkspaceSetup sync={sync.service} />, ws, undefined, language, sync.service);
  return sync;
}

async function enter(key: string) {
  const field = screen.getByTestId('sync-key');
  await userEvent.clear(field);
  await userEvent.type(field, key);
  await userEvent.click(screen.getByTestId('sync-key-save'));
}

test('a key the server refuses is said at the key field, not saved, and no success is told', async () => {
  const asked = server(known);
  const sync = show();
  await enter('wrong-key-123');
  const field = screen.getByTestId('sync-key').closest('.fui-Field') as HTMLElement;
  expect(
    await within(field).findByText('The server refused this key. Check it, or ask the administrator for a new one.'),
  ).toBeTruthy();
  expect(asked).toEqual([{ url: 'https://segments.example.test:3000/api/v1/status', key: 'wrong-key-123' }]);
  expect(sync.calls.keys).toEqual([]);
  expect(screen.getByTestId('sync-key-state').textContent).toBe('No personal key is saved in this browser.');
  expect(screen.queryByText('The personal key was saved.')).toBeNull();
  // Corrected: saved, and the refusal is gone.
  await enter('anna-key');
  expect(await screen.findByText('The personal key was saved.')).toBeTruthy();
  expect(sync.calls.keys).toEqual(['anna-key']);
  expect(screen.getByTestId('sync-key-state').textContent).toBe('A personal key is saved in this browser.');
  expect(screen.queryByText(/The server refused this key/)).toBeNull();
});

test('a server that cannot be reached keeps the key, to be tried when it answers, and says so', async () => {
  server(() => Promise.reject(new TypeError('Failed to fetch')));
  const sync = show(fakeSync({ connection: 'offline' }));
  await enter('anna-key');
  expect(
    await screen.findByText(
      'The server cannot be reached now: the key is saved in this browser and is tried as soon as the server answers.',
    ),
  ).toBeTruthy();
  expect(sync.calls.keys).toEqual(['anna-key']);
  expect(screen.getByTestId('sync-key-state').textContent).toBe('A personal key is saved in this browser.');
  expect(screen.queryByText('The personal key was saved.')).toBeNull();
});

test('a blank key removes the saved one without asking the server', async () => {
  const asked = server(known);
  const sync = fakeSync();
  sync.service.saveKey('anna-key');
  show(sync);
  await userEvent.click(screen.getByTestId('sync-key-save'));
  expect(await screen.findByText('The personal key was removed.')).toBeTruthy();
  expect(asked).toEqual([]);
  expect(screen.getByTestId('sync-key-state').textContent).toBe('No personal key is saved in this browser.');
});

test('a saved key the connection says is refused (rotated, removed) is told apart, until a new one is accepted', async () => {
  server(known);
  const sync = fakeSync({ connection: 'refused' });
  sync.service.saveKey('old-key');
  show(sync);
  const state = screen.getByTestId('sync-key-state');
  expect(state.textContent).toBe(
    'The server refused the personal key saved in this browser: ask the administrator for a new one.',
  );
  // A new key the server accepts: saved at once, though the connection has not tried it yet.
  await enter('anna-key');
  expect(await screen.findByText('The personal key was saved.')).toBeTruthy();
  expect(state.textContent).toBe('A personal key is saved in this browser.');
  sync.set({ connection: 'connected' });
  await waitFor(() => expect(state.textContent).toBe('A personal key is saved in this browser.'));
  // Later rotated: the connection is refused again.
  sync.set({ connection: 'refused' });
  await waitFor(() =>
    expect(state.textContent).toBe(
      'The server refused the personal key saved in this browser: ask the administrator for a new one.',
    ),
  );
});

test('in Italian', async () => {
  server(known);
  const sync = fakeSync({ connection: 'refused' });
  sync.service.saveKey('old-key');
  show(sync, 'it');
  expect(screen.getByTestId('sync-key-state').textContent).toBe(
    'Il server ha rifiutato la chiave personale salvata in questo browser: chiedine una nuova all’amministratore.',
  );
  await enter('wrong-key-123');
  expect(
    await screen.findByText(
      'Il server ha rifiutato questa chiave. Verificala o chiedine una nuova all’amministratore.',
    ),
  ).toBeTruthy();
  expect(sync.calls.keys).toEqual(['old-key']);
});
