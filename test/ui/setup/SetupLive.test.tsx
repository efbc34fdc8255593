// @vitest-environment jsdom
// Setup is shared by the workspace: another user's change (arriving from the team server while the page is
// open) shows in every field at once, and a field the user only passes through writes nothing back. A new
// pane shows its own locale until the workspace's Setup arrives, then the workspace's.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import type { Setup } from '../../../src/domain/setup';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { makeWorkspace } from '../../store/helpers';
import { marketLanguages } from '../../store/marketCodes';
import { renderWithWorkspace } from '../log/renderWithTeam';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>> | undefined;
afterEach(() => {
  cleanup();
  ws?.close();
  ws = undefined;
});

/** Another pane's Setup, written as a pull writes it: straight into the workspace, no action of this pane. */
async function arrives(w: NonNullable<typeof ws>, patch: Partial<Setup>) {
  const now = await w.setup.get();
  await w.ctx.db.setup.put({ ...now, ...patch, updatedAt: '2025-01-02T10:00:00.000Z' });
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
/** Default Language Code: a lookup of Languages. */
const lookup = (name: string) => screen.getByRole('combobox', { name }) as HTMLInputElement;

test('another user’s Locale shows at once, and passing through the field writes nothing back', async () => {
  ws = await makeWorkspace();
  await ws.languages.upsert(marketLanguages);
  await ws.setup.update({ locale: 'en-US' });
  const saves = vi.spyOn(ws.setup, 'update');
  renderWithWorkspace(<SetupPage />, ws, undefined);
  await screen.findByDisplayValue('en-US', {}, { timeout: 8000 });

  await arrives(ws, { locale: 'it-IT' });
  await waitFor(() => expect(field('Locale').value).toBe('it-IT'));

  // The user changes Default Language Code, then Tabs through Locale without typing.
  await userEvent.type(lookup('Default Language Code'), 'ITA');
  await userEvent.tab();
  await waitFor(async () => expect((await ws!.setup.get()).defaultLanguageCode).toBe('ITA'));
  await userEvent.click(field('Locale'));
  await userEvent.tab();
  await new Promise((r) => setTimeout(r, 200));

  expect((await ws.setup.get()).locale).toBe('it-IT');
  expect(saves.mock.calls).toEqual([[{ defaultLanguageCode: 'ITA' }]]);
});

test('what the user types in Locale is saved; the other fields follow the workspace too', async () => {
  ws = await makeWorkspace();
  await ws.setup.update({ locale: 'en-US' });
  const saves = vi.spyOn(ws.setup, 'update');
  renderWithWorkspace(<SetupPage />, ws, undefined);
  await screen.findByDisplayValue('en-US', {}, { timeout: 8000 });

  await arrives(ws, { segmentNos: 'MKT00001', defaultLanguageCode: 'DEU' });
  await waitFor(() => expect(field('Segment Nos.').value).toBe('MKT00001'));
  expect(lookup('Default Language Code').value).toBe('DEU');
  // Through every text field without typing: nothing written.
  await userEvent.click(field('Segment Nos.'));
  await userEvent.tab();
  // DEU is not in Languages: a code kept from before stands, unchecked, until it is changed.
  await userEvent.click(lookup('Default Language Code'));
  await userEvent.tab();
  await userEvent.click(field('Locale'));
  await userEvent.tab();
  await new Promise((r) => setTimeout(r, 200));
  expect(saves).not.toHaveBeenCalled();
  expect(screen.queryByText(/does not exist/)).toBeNull();
  expect(await ws.setup.get()).toMatchObject({ segmentNos: 'MKT00001', defaultLanguageCode: 'DEU', locale: 'en-US' });

  await userEvent.clear(field('Locale'));
  await userEvent.type(field('Locale'), 'de-DE');
  await userEvent.tab();
  await waitFor(async () => expect((await ws!.setup.get()).locale).toBe('de-DE'));
  expect(saves.mock.calls).toEqual([[{ locale: 'de-DE' }]]);
  expect(await screen.findByText('Setup was saved.')).toBeTruthy();
});

test('picking the option the drop-down shows writes nothing', async () => {
  ws = await makeWorkspace();
  await ws.setup.update({ defaultCorrespondenceType: 'Email' });
  const saves = vi.spyOn(ws.setup, 'update');
  renderWithWorkspace(<SetupPage />, ws, undefined);
  await screen.findByDisplayValue('en-US', {}, { timeout: 8000 });
  const dropdown = screen.getByRole('combobox', { name: 'Default Correspondence Type' });
  await userEvent.click(dropdown);
  await userEvent.click(await screen.findByRole('option', { name: 'Email' }));
  await new Promise((r) => setTimeout(r, 200));
  expect(saves).not.toHaveBeenCalled();
  await userEvent.click(dropdown);
  await userEvent.click(await screen.findByRole('option', { name: 'Hard Copy' }));
  await waitFor(async () => expect((await ws!.setup.get()).defaultCorrespondenceType).toBe('Hard Copy'));
});

test('a new pane shows its own locale until the workspace’s Setup arrives, then the workspace’s', async () => {
  ws = await makeWorkspace({ locale: 'it-IT' });
  renderWithWorkspace(<SetupPage />, ws, undefined, 'it');
  const locale = await screen.findByDisplayValue('it-IT', {}, { timeout: 8000 });
  await arrives(ws, { locale: 'en-US' });
  await waitFor(() => expect((locale as HTMLInputElement).value).toBe('en-US'));
  // Tabbing through it keeps the workspace's.
  await userEvent.click(locale);
  await userEvent.tab();
  await new Promise((r) => setTimeout(r, 200));
  expect((await ws.setup.get()).locale).toBe('en-US');
});
