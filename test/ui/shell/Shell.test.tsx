// @vitest-environment jsdom
// The shell's frame in a narrow pane: the outside-Office notice (one line, in a landmark, dismissable for
// the session, never contradicting the shared workspace's status. (The Segment page's focus and Tab
// order are proven in Chromium: test/e2e/paneKeyboard.test.ts.)
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import type { SyncService } from '../../../src/domain/ports/syncStatus';
import type { Services } from '../../../src/ui/common/services';
import { makeWorkspace } from '../../store/helpers';
import '../setup'; // the one set-up of the pane's component tests

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  ws.close();
});

function services(sync?: SyncService): Services {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  return { workspace: ws, preferences, host: 'none', sync };
}

const connectedStatus = { connection: 'connected', pending: 0, failed: [], renumbered: [] } as const;
const connected: SyncService = {
  subscribe: () => () => undefined,
  getStatus: () => connectedStatus as never,
  retry: async () => undefined,
  dismiss: async () => undefined,
  clearRenumbered: () => undefined,
  serverUrl: 'https://segments.example.test:3000',
  hasKey: () => true,
  saveKey: () => undefined,
  checkKey: async () => 'accepted',
};

describe('the outside-Office notice', () => {
  test('one line inside a named landmark; dismissed, it stays hidden for the session', async () => {
    render(<App services={services()} initialLanguage="en" />);
    const notice = await screen.findByTestId('host-status');
    expect(notice.textContent).toBe('Outside Office: data kept in this browser.');
    expect(notice.closest('section[aria-label="Status"]')).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Hide this notice' }));
    expect(screen.queryByTestId('host-status')).toBeNull();
    cleanup();
    render(<App services={services()} initialLanguage="it" />);
    await screen.findByTestId('new-segment');
    expect(screen.queryByTestId('host-status')).toBeNull();
  });

  test('with a shared workspace it does not say the data is this browser’s own, in either language', async () => {
    render(<App services={services(connected)} initialLanguage="en" />);
    expect((await screen.findByTestId('host-status')).textContent).toBe('Outside Office, in a browser.');
    // The status line comes once the first page has been painted.
    expect((await screen.findByTestId('sync-status')).getAttribute('data-connection')).toBe('connected');
    cleanup();
    render(<App services={services(connected)} initialLanguage="it" />);
    const it = (await screen.findByTestId('host-status')).textContent ?? '';
    expect(it).toBe('Fuori da Office, in un browser.');
    expect(it).not.toMatch(/dati di questo browser|salvati in questo browser/);
  });
});

describe('error notes', () => {
  test('an error of one page goes when the user opens another; one raised after it stays', async () => {
    render(<App services={services()} initialLanguage="it" />);
    ws.segments.create = () => Promise.reject(new Error('Disco pieno'));
    await userEvent.click(await screen.findByTestId('new-segment'));
    await screen.findByText(/Disco pieno/);
    await userEvent.click(screen.getByTestId('nav-menu'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Gruppi mailing' }));
    await screen.findByRole('heading', { name: 'Gruppi mailing' });
    await waitFor(() => expect(screen.queryByText(/Disco pieno/)).toBeNull());
    await userEvent.click(screen.getByTestId('nav-menu'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Segmenti' }));
    await userEvent.click(await screen.findByTestId('new-segment'));
    await screen.findByText(/Disco pieno/);
  });
});
