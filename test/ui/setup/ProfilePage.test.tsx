// @vitest-environment jsdom
// My profile: the Salesperson Code is a lookup of Salespeople, as BC's User Setup has it. A code that is
// not in the list is refused at the field and not saved; a listed one is saved in capitals; blank is allowed.
import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ProfilePage } from '../../../src/ui/setup/ProfilePage';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await ws.salespeople.upsert([
    { code: 'MR', name: 'Marco Rossi' },
    { code: 'GB', name: 'Giulia Bianchi' },
  ]);
});

const show = (language: 'en' | 'it' = 'en') =>
  renderInPane(<ProfilePage language={language} onLanguageChange={() => undefined} />, ws, language);

test('the Salesperson Code looks up the salespeople, and a picked code is saved', async () => {
  show();
  const field = await screen.findByRole('combobox', { name: 'Salesperson Code' }, { timeout: 8000 });
  await userEvent.click(field);
  expect(await screen.findByRole('option', { name: 'MR · Marco Rossi' })).toBeTruthy();
  await userEvent.click(screen.getByRole('option', { name: 'GB · Giulia Bianchi' }));
  await waitFor(async () => expect((await ws.profile.get()).salespersonCode).toBe('GB'));
});

test('a code not in Salespeople is refused at the field and not saved; typed in small letters it is taken in capitals', async () => {
  await ws.profile.update({ salespersonCode: 'MR' });
  show();
  const field = await screen.findByRole('combobox', { name: 'Salesperson Code' }, { timeout: 8000 });
  await waitFor(() => expect((field as HTMLInputElement).value).toBe('MR'));
  await userEvent.clear(field);
  await userEvent.type(field, 'zz9');
  await userEvent.tab();
  expect(await screen.findByText('The Salesperson Code ZZ9 does not exist.')).toBeTruthy();
  expect(screen.queryByText('Your profile was saved.')).toBeNull();
  expect((await ws.profile.get()).salespersonCode).toBe('MR');
  await userEvent.clear(field);
  await userEvent.type(field, 'gb{Enter}');
  await waitFor(async () => expect((await ws.profile.get()).salespersonCode).toBe('GB'));
  expect(screen.queryByText('The Salesperson Code ZZ9 does not exist.')).toBeNull();
});

test('blank is allowed: a new segment then has no salesperson', async () => {
  await ws.profile.update({ salespersonCode: 'GB' });
  show();
  const field = await screen.findByRole('combobox', { name: 'Salesperson Code' }, { timeout: 8000 });
  await waitFor(() => expect((field as HTMLInputElement).value).toBe('GB'));
  await userEvent.clear(field);
  await userEvent.tab();
  await waitFor(async () => expect((await ws.profile.get()).salespersonCode).toBe(''));
  expect(await screen.findByText('Your profile was saved.')).toBeTruthy();
});

test('in Italian, BC’s words', async () => {
  show('it');
  const field = await screen.findByRole('combobox', { name: 'Cod. agente' }, { timeout: 8000 });
  await userEvent.type(field, 'zz9');
  await userEvent.tab();
  expect(await screen.findByText('Cod. agente ZZ9 non esiste.')).toBeTruthy();
  expect((await ws.profile.get()).salespersonCode).toBe('');
});

test('choosing Italiano saves the language without a note in the language left behind', async () => {
  show();
  await userEvent.click(await screen.findByRole('combobox', { name: 'Language of the pane' }, { timeout: 8000 }));
  await userEvent.click(await screen.findByRole('option', { name: 'Italiano' }));
  await waitFor(async () => expect((await ws.profile.get()).uiLanguage).toBe('it'));
  // The pane switching to Italian is the answer; "Your profile was saved." would be English in it. (A note
  // is shown within a few milliseconds of the save: see the test above.)
  await new Promise((r) => setTimeout(r, 500));
  expect(screen.queryByText('Your profile was saved.')).toBeNull();
});
