// @vitest-environment jsdom
// A list keeps its filters while its card is open, as BC's lists do: the user filters Contacts, opens a
// contact, goes Back, and finds the list filtered as it was. Opened again from the pages menu after another
// page, it starts afresh.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import { makeWorkspace, seedMarket } from '../../store/helpers';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  ws.close();
});

test('Contacts filtered by City, a contact opened, then Back: the filter and the filtered list are as the user left them; from the menu the list starts afresh', async () => {
  // The list's rows are a window of a scroller: jsdom lays nothing out, so the scroller is given a height.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(320);
  const prefs = new Map<string, unknown>();
  render(
    <App
      services={{
        workspace: ws,
        host: 'none',
        preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
      }}
      initialLanguage="it"
      startRoute={{ page: 'contacts' }}
    />,
  );
  const city = () => screen.getByRole('textbox', { name: 'Città' }) as HTMLInputElement;
  const listed = () => screen.queryAllByRole('button', { name: /^Contatto / }).map((b) => b.textContent);
  await screen.findByRole('button', { name: 'Contatto P101' }, { timeout: 8000 });
  const all = listed().length;
  await userEvent.type(city(), 'Milano');
  await waitFor(() => expect(listed().length).toBeLessThan(all));
  const filtered = listed();
  expect(filtered.length).toBeGreaterThan(0);

  await userEvent.click(screen.getByRole('button', { name: `Contatto ${filtered[0]}` }));
  await screen.findByTestId('contact-card');
  await userEvent.click(screen.getByRole('button', { name: 'Indietro' }));

  await waitFor(() => expect(city().value).toBe('Milano'));
  await waitFor(() => expect(listed()).toEqual(filtered));

  // Left for another page from the pages menu, Contacts opens afresh from it.
  await userEvent.click(screen.getByTestId('nav-menu'));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Segmenti' }));
  await screen.findByTestId('new-segment');
  await userEvent.click(screen.getByTestId('nav-menu'));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Contatti' }));
  await waitFor(() => expect(city().value).toBe(''));
  await waitFor(() => expect(listed().length).toBe(all));
});
