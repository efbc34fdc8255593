// @vitest-environment jsdom
// History shown: Logged Segments (the row's ⋯ menu) and Interaction Log Entries open "Show changes" /
// "Mostra modifiche", a dialog with who changed the row and when, from the team server's history of that
// row (asked by its id). Without a team server the item is not offered.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { RowChange, TeamService } from '../../../src/domain/ports/team';
import { RowHistoryError } from '../../../src/sync/rowHistory';
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
  // Italian short date with the year in four digits, as BC shows it (03/03/2026, not 03/03/26), in local time.
  const at = new Date(changes[1].at);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()}, ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  expect(within(dialog).getByTestId('history-40').textContent).toContain(when);
  expect(asked[0][0]).toBe('interactionLog');
  expect(asked[0][1]).toBe((await ws.interactionLog.get(2))!.id);
});

/** Opens "Show changes" on entry 1 with a team server whose history fails with `error`; the text said. */
async function failedHistory(error: unknown, language: 'en' | 'it' = 'en'): Promise<string> {
  const refusing: TeamService = { ...team([]), rowHistory: async () => Promise.reject(error) };
  renderWithWorkspace(<InteractionLogPage />, ws, refusing, language);
  const actions = language === 'it' ? 'Azioni del movimento 1' : 'Actions for entry 1';
  await userEvent.click(within(await screen.findByTestId('entry-1')).getByRole('button', { name: actions }));
  await userEvent.click(
    await screen.findByRole('menuitem', { name: language === 'it' ? 'Mostra modifiche' : 'Show changes' }),
  );
  const alert = await waitFor(() => {
    const a = document.querySelector('.fui-DialogSurface [role="alert"]');
    expect(a).not.toBeNull();
    return a!;
  });
  return alert.textContent ?? '';
}

const ID = '01M98HNMR0SJH1NRPC2QM42NZC';

test("a refused key is said in the user's words, with what to do: never the table, the id or the server's English", async () => {
  const refused = new RowHistoryError(
    'keyRefused',
    `history of interactionLog ${ID}: 401 the key is not one of this server's keys`,
    401,
  );
  expect(await failedHistory(refused, 'it')).toBe(
    'Il server ha rifiutato la chiave personale: chiedine una nuova all’amministratore e immettila in Setup.',
  );
  cleanup();
  const text = await failedHistory(refused);
  expect(text).toBe('The server refused your personal key: ask the administrator for a new one and enter it in Setup.');
  expect(text).not.toMatch(new RegExp(`${ID}|interactionLog|401`));
});

test('a server that cannot be reached, a missing key and a server error are each said as such', async () => {
  expect(
    await failedHistory(new RowHistoryError('unreachable', `history of interactionLog ${ID}: Failed to fetch`), 'it'),
  ).toBe('Il server non è raggiungibile: le modifiche si potranno vedere quando il riquadro sarà di nuovo in linea.');
  cleanup();
  expect(await failedHistory(new RowHistoryError('unreachable', 'Failed to fetch'))).toBe(
    'The server cannot be reached: the changes can be seen when the pane is online again.',
  );
  cleanup();
  expect(await failedHistory(new RowHistoryError('noKey', `history of interactionLog ${ID}: 401 …`, 401))).toBe(
    'Enter your personal key in Setup to see who changed this row.',
  );
  cleanup();
  expect(await failedHistory(new RowHistoryError('server', `history of interactionLog ${ID}: 503 …`, 503), 'it')).toBe(
    'Il server non ha potuto leggere le modifiche (errore HTTP 503): riprovare più tardi.',
  );
  cleanup();
  // Anything else (not a refusal the server's client worded): no developer text either.
  expect(await failedHistory(new Error(`history of interactionLog ${ID}: something`))).toBe(
    'The changes could not be read: try again later.',
  );
});

test('without a team server, no "Show changes"', async () => {
  renderWithWorkspace(<InteractionLogPage />, ws, undefined);
  const entry = await screen.findByTestId('entry-1');
  expect(within(entry).queryByRole('button', { name: 'Show changes' })).toBeNull();
});
