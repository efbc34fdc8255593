// @vitest-environment jsdom
// Success and info notes speak of what the user just did: when the user then opens another page they go
// (besides leaving by themselves after a few seconds), but the note of an action that itself opens a page
// (New segment opens the segment it made) stays on that page. (jsdom plays no animations, so a note's own
// timeout never ends here: a note that goes, went with the page.)
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import { App } from '../../../src/ui/shell/App';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
});

function showPane(startRoute: Route, language: 'en' | 'it' = 'en') {
  const prefs = new Map<string, unknown>();
  render(
    <App
      services={{
        workspace: ws,
        host: 'none',
        preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
      }}
      initialLanguage={language}
      startRoute={startRoute}
    />,
  );
}

async function openFromMenu(name: string) {
  await userEvent.click(screen.getByTestId('nav-menu'));
  await userEvent.click(await screen.findByRole('menuitem', { name }));
  await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe(name));
}

test('a success note goes when the user opens another page, in Italian too', async () => {
  showPane({ page: 'codeList', list: 'mailingGroups' }, 'it');
  await screen.findByRole('row', { name: 'Modifica XMAS' });
  await userEvent.type(screen.getByTestId('code-code'), 'fiera');
  await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
  await screen.findByText('FIERA è stato salvato.');
  await openFromMenu('Contatti');
  await waitFor(() => expect(screen.queryByText('FIERA è stato salvato.')).toBeNull());
});

test('the note of an action that opens a page stays on that page; the next page the user opens takes it away', async () => {
  showPane({ page: 'segments' });
  await userEvent.click(await screen.findByTestId('new-segment'));
  await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segment SEG00001'));
  await screen.findByTestId('field-description');
  // The notes' code comes after the first paint: the note may show a little after the page.
  await screen.findByText('Segment SEG00001 was created.');
  await act(() => new Promise((r) => setTimeout(r, 300)));
  expect(screen.getByText('Segment SEG00001 was created.')).toBeTruthy();
  await openFromMenu('Contacts');
  await waitFor(() => expect(screen.queryByText('Segment SEG00001 was created.')).toBeNull());
});
