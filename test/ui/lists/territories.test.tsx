// @vitest-environment jsdom
// The Territories page: a code list like the others (Code and Name), in English and Italian, and a
// contact's Territory Code on its card.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { makeWorkspace } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

test('a territory is added with its code and name, and listed', async () => {
  renderInPane(<CodeListPage list="territories" />, ws);
  await userEvent.type(await screen.findByTestId('code-code'), 'nord');
  await userEvent.type(screen.getByTestId('code-name'), 'Nord Italia');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(async () => expect(await ws.territories.get('NORD')).toMatchObject({ name: 'Nord Italia' }));
  expect(await screen.findByText('Nord Italia')).toBeTruthy();
});

test('in Italian: a code longer than 10 characters is refused, saying why', async () => {
  renderInPane(<CodeListPage list="territories" />, ws, 'it');
  await userEvent.type(await screen.findByTestId('code-code'), 'SETTENTRIONE');
  await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
  expect(await screen.findByText(/10/)).toBeTruthy();
  expect(await ws.territories.list()).toEqual([]);
});
