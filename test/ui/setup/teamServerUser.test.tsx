// @vitest-environment jsdom
// On a team server with personal keys the server stamps the user from the key on what is logged: My profile
// shows who the server knows the user as, and their role, instead of a User ID that would not be used; Log
// does not ask for the profile's User ID, and what it writes carries the server's user. Without a server
// that knows the user, the profile's User ID is asked for and used, as before.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { LogResult } from '../../../src/domain/log';
import type { TeamUser } from '../../../src/domain/ports/team';
import { LogDialog } from '../../../src/ui/log/LogDialog';
import { ProfilePage } from '../../../src/ui/setup/ProfilePage';
import userEvent from '@testing-library/user-event';
import { seedMarket } from '../../store/helpers';
import { fakeTeam, renderWithWorkspace } from '../log/renderWithTeam';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';
import '../setup';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
});

const anna: TeamUser = { known: true, user: 'anna', role: 'admin' };

const profile = (user: TeamUser | undefined, language: 'en' | 'it' = 'en') =>
  renderWithWorkspace(
    <ProfilePage language={language} onLanguageChange={() => undefined} />,
    ws,
    user && fakeTeam(user),
    language,
  );

test('My profile shows the team server’s user and role, read-only, and no User ID to type', async () => {
  profile(anna);
  const who = await screen.findByTestId('profile-server-user', {}, { timeout: 8000 });
  expect(who.textContent).toBe('Signed in to the team server as anna (administrator).');
  expect(screen.getByText('The server records this name as User ID on what you log.')).toBeTruthy();
  expect(screen.queryByRole('textbox', { name: 'User ID' })).toBeNull();
  // The salesperson and the language stay the user's.
  expect(screen.getByRole('combobox', { name: 'Salesperson Code' })).toBeTruthy();
});

test('a member, in Italian', async () => {
  profile({ known: true, user: 'marco', role: 'member' }, 'it');
  const who = await screen.findByTestId('profile-server-user', {}, { timeout: 8000 });
  expect(who.textContent).toBe('Connesso al server del team come marco (membro).');
});

test('without a server that knows the user, My profile asks for the User ID as before', async () => {
  profile({ known: false });
  expect(await screen.findByRole('textbox', { name: 'User ID' }, { timeout: 8000 })).toBeTruthy();
  expect(screen.queryByTestId('profile-server-user')).toBeNull();
});

async function logDialog(user: TeamUser | undefined) {
  const h = await ws.segments.create({
    description: 'Spring mailing',
    interactionTemplateCode: 'MEMO',
    salespersonCode: 'JR',
  });
  await ws.segments.addContactList(h.no, ['P101', 'P201']);
  const logged: LogResult[] = [];
  renderWithWorkspace(
    <LogDialog segmentNo={h.no} onClose={() => undefined} onLogged={(r) => logged.push(r)} />,
    ws,
    user && fakeTeam(user),
  );
  return { dialog: screen.getByRole('dialog'), logged };
}

test('Log does not ask for the profile’s User ID when the server knows the user, and logs as that user', async () => {
  await ws.profile.update({ userId: '' });
  const { dialog, logged } = await logDialog(anna);
  expect(await within(dialog).findByTestId('log-no-blockers', {}, { timeout: 8000 })).toBeTruthy();
  expect(dialog.textContent).not.toMatch(/Fill in User ID/);
  await waitFor(() => expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(false));
  await userEvent.click(within(dialog).getByTestId('log-run'));
  await waitFor(() => expect(logged).toHaveLength(1));
  expect(logged[0].loggedSegment.userId).toBe('anna');
  expect(logged[0].entries.map((e) => e.userId)).toEqual(['anna', 'anna']);
});

test('without a server that knows the user, an empty User ID blocks Log as before', async () => {
  await ws.profile.update({ userId: '' });
  const { dialog } = await logDialog({ known: false });
  expect(
    await within(dialog).findByText(
      'Fill in User ID in My profile (menu ☰): every interaction log entry records the user who logged it.',
      {},
      { timeout: 8000 },
    ),
  ).toBeTruthy();
  expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(true);
});
