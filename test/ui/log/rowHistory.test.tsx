// @vitest-environment jsdom
// History shown: Logged Segments (the row's ⋯ menu) and Interaction Log Entries open "Show changes" /
// "Mostra modifiche", a dialog with who changed the row and when, from the team server's history of that
// row (asked by its id). Without a team server the item is not offered.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { RowChange, TeamService } from '../../../src/domain/ports/team';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderWithWorkspace } from './renderWithTeam';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  const no = (await ws.segments.create({ description: 'Christmas letter', interactionTemplateCode: 'ABSTRACT' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
  await ws.segments.log(no);
});
afterEach(() => {
  cleanup();
  ws.close();
});

const changes: RowChange[] = [
  { rev: 12, op: 'put', user: 'anna', at: '2026-03-02T09:30:00.000Z' },
  { rev: 40, op: 'put', user: 'bob', at: '2026-03-03T16:05:00.000Z' },
];

const anna = { known: true, user: 'anna', role: 'member' } as const;

function team(asked: [string, string][]): TeamService {
  return {
    subscribe: () => () => undefined,
    getUser: () => anna,
    rowHistory: async (table, id) => {
      asked.push([table, id]);
      return changes;
    },
  };
}

test('Logged Segments: "Show changes" in the row menu lists who changed the logged segment and when', async () => {
  const asked: [string, string][] = [];
  renderWithWorkspace(<LoggedSegmentsPage navigate={() => undefined} />, ws, team(asked));
  await userEvent.click(await screen.findByRole('button', { name: 'Actions 1' }));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Show changes' }));
  // The dialog opens as the menu closes (role queries skip it while the menu's focus trap lets go).
  const dialog = (await screen.findByText('Changes of logged segment 1')).closest('.fui-DialogSurface') as HTMLElement;
  await waitFor(() => expect(within(dialog).getByTestId('history-40').textContent).toContain('bob'));
  expect(within(dialog).getByTestId('history-12').textContent).toContain('anna');
  expect(within(dialog).getByTestId('history-12').textContent).toContain('Created');
  expect(within(dialog).getByTestId('history-40').textContent).toContain('Changed');
  // Its id, not its number: the number the user sees may change on replay.
  const logged = (await ws.loggedSegments.list())[0];
  expect(asked).toEqual([['loggedSegments', logged.id]]);
});

test('Interaction Log Entries: "Mostra modifiche" on an entry, in Italian, with the date and time', async () => {
  const asked: [string, string][] = [];
  renderWithWorkspace(<InteractionLogPage />, ws, team(asked), 'it');
  await screen.findByTestId('entry-2');
  await userEvent.click(screen.getByRole('button', { name: 'Azioni del movimento 2' }));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Mostra modifiche' }));
  // (Text, not roles: in jsdom Fluent's first modal of a file can stay marked aria-hidden.)
  const dialog = (await screen.findByText('Modifiche di movimento log interazione 2')).closest(
    '.fui-DialogSurface',
  ) as HTMLElement;
  await waitFor(() => expect(within(dialog).getByTestId('history-40').textContent).toContain('bob'));
  const when = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(changes[1].at),
  );
  expect(within(dialog).getByTestId('history-40').textContent).toContain(when);
  expect(asked[0][0]).toBe('interactionLog');
  expect(asked[0][1]).toBe((await ws.interactionLog.get(2))!.id);
});

test('a history the server refuses is said, not an empty list', async () => {
  const refusing: TeamService = {
    ...team([]),
    rowHistory: async () => Promise.reject(new Error('history of interactionLog X: 401 unauthorized')),
  };
  renderWithWorkspace(<InteractionLogPage />, ws, refusing);
  await userEvent.click(
    within(await screen.findByTestId('entry-1')).getByRole('button', { name: 'Actions for entry 1' }),
  );
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Show changes' }));
  expect(
    (await screen.findByText('The changes could not be read: history of interactionLog X: 401 unauthorized')).closest(
      '[role="alert"]',
    ),
  ).not.toBeNull();
});

test('without a team server, no "Show changes"', async () => {
  renderWithWorkspace(<InteractionLogPage />, ws, undefined);
  const entry = await screen.findByTestId('entry-1');
  expect(within(entry).queryByRole('button', { name: 'Show changes' })).toBeNull();
});
