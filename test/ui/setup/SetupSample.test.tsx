// @vitest-environment jsdom
// The sample workspace on Setup: while any of its records is in the workspace, Setup offers to remove it
// (the same question and the same action as the welcome's), whatever page the user went to meanwhile. On a
// team server with roles only an administrator removes it (it deletes codes, which members may not).
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { fakeTeam, renderWithWorkspace } from '../log/renderWithTeam';
import { buttonInDialogOf } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';
import '../setup';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

test('without the sample, Setup says nothing of it', async () => {
  await ws.contacts.upsert([{ no: 'CT00001', name: 'My customer' }]);
  renderWithWorkspace(<SetupPage />, ws, undefined);
  await screen.findByDisplayValue('en-US');
  // The section would show once the workspace answered: give it the time of a read.
  await new Promise((r) => setTimeout(r, 300));
  expect(screen.queryByTestId('setup-sample')).toBeNull();
});

test('with the sample loaded, Setup removes it after asking, says how many records went, and keeps the user’s own data', async () => {
  await ws.contacts.upsert([{ no: 'CT00001', name: 'My customer' }]);
  await ws.sampleWorkspace.load();
  renderWithWorkspace(<SetupPage />, ws, undefined);
  const section = await screen.findByTestId('setup-sample', {}, { timeout: 8000 });
  expect(within(section).getByRole('heading', { name: 'Sample workspace' })).toBeTruthy();
  expect(section.textContent).toContain('Removing them leaves your own data as it is.');
  await userEvent.click(within(section).getByTestId('setup-sample-remove'));
  const ask = await screen.findByRole('alertdialog');
  expect(ask.textContent).toMatch(/your own data stays/);
  // No: nothing changes.
  await userEvent.click(within(ask).getByRole('button', { name: 'No' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  expect(await ws.sampleWorkspace.status()).toEqual({ loaded: true });
  await userEvent.click(within(section).getByTestId('setup-sample-remove'));
  // The question asked again (Fluent's modal layer in jsdom may leave it marked hidden: found by its text).
  await userEvent.click(buttonInDialogOf(await screen.findByText(/your own data stays/), 'Yes'));
  expect(await screen.findByText(/^The sample workspace was removed: \d+ records\./)).toBeTruthy();
  expect((await ws.contacts.list()).map((c) => c.no)).toEqual(['CT00001']);
  await waitFor(() => expect(screen.queryByTestId('setup-sample')).toBeNull());
});

test('in Italian', async () => {
  await ws.sampleWorkspace.load();
  renderWithWorkspace(<SetupPage />, ws, undefined, 'it');
  const section = await screen.findByTestId('setup-sample', {}, { timeout: 8000 });
  expect(within(section).getByRole('heading', { name: 'Area di lavoro di esempio' })).toBeTruthy();
  expect(within(section).getByTestId('setup-sample-remove').textContent).toBe(
    'Rimuovi l\u2019area di lavoro di esempio',
  );
});

test('on a team server, a member sees why the sample cannot be removed; an administrator removes it', async () => {
  await ws.sampleWorkspace.load();
  const view = renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: true, user: 'ANNA', role: 'member' }));
  let section = await screen.findByTestId('setup-sample', {}, { timeout: 8000 });
  expect(within(section).getByTestId('setup-sample-remove').matches(':disabled')).toBe(true);
  expect(section.textContent).toContain('Only an administrator can remove the sample workspace.');
  view.unmount();
  renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: true, user: 'CARLA', role: 'admin' }));
  section = await screen.findByTestId('setup-sample', {}, { timeout: 8000 });
  expect(within(section).getByTestId('setup-sample-remove').matches(':disabled')).toBe(false);
  expect(section.textContent).not.toContain('Only an administrator');
});
