// @vitest-environment jsdom
// The first run: an empty workspace greets the user with the ways in and asks for the profile; the
// sample workspace is loaded and removed in one click each.
// Dexie's liveQuery (behind the sample's status and the profile) needs a global indexedDB in jsdom, before Dexie loads.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { FirstRun } from '../../../src/ui/setup/FirstRun';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { ServicesProvider } from '../../../src/ui/common/services';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import type { Preferences } from '../../../src/domain/ports/preferences';
import type { SyncService } from '../../../src/domain/ports/syncStatus';
import type { TeamService } from '../../../src/domain/ports/team';
import { fakeTeam } from '../log/renderWithTeam';
import { fakeSync } from '../fakeSync';
import { makeWorkspace } from '../../store/helpers';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

function renderApp(language: 'en' | 'it', excel = false, sync?: SyncService, team?: TeamService) {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  const seen: Route[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <ServicesProvider value={{ workspace: ws, host: excel ? 'Excel' : 'none', preferences, sync, team }}>
          <ConfirmProvider>
            <FirstRun
              navigate={(r) => seen.push(r)}
              excelImport={excel}
              language={language}
              onLanguageChange={() => undefined}
            />
          </ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return seen;
}

test('an empty workspace says what a segment is and offers the CSV import and the sample; Excel adds the sheet', async () => {
  const seen = renderApp('en');
  const first = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  expect(within(first).getByText(/A segment is a group of contacts/)).toBeTruthy();
  expect(within(first).queryByTestId('first-run-excel')).toBeNull();
  expect(await within(first).findByTestId('first-run-profile')).toBeTruthy();
  await userEvent.click(within(first).getByTestId('first-run-csv'));
  expect(seen).toEqual([{ page: 'csvImport' }]);
  cleanup();
  const seenIt = renderApp('it', true);
  const it = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  expect(within(it).getByText('Benvenuti in Segmenti')).toBeTruthy();
  await userEvent.click(within(it).getByTestId('first-run-excel'));
  expect(seenIt).toEqual([{ page: 'excelImport' }]);
});

test('the profile is asked while the user ID is empty', async () => {
  await ws.profile.update({ userId: 'MROSSI' });
  renderApp('en');
  const first = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  // The sample's button shows once the workspace answered; by then the profile was read too.
  await within(first).findByTestId('sample-load');
  await waitFor(async () => expect((await ws.profile.get()).userId).toBe('MROSSI'));
  expect(within(first).queryByTestId('first-run-profile')).toBeNull();
});

test('the sample workspace is loaded in one click and removed in one confirmed click, with the result said', async () => {
  renderApp('en');
  await userEvent.click(await screen.findByTestId('sample-load', {}, { timeout: 8000 }));
  expect(await screen.findByText(/^The sample workspace was loaded: \d+ contacts/)).toBeTruthy();
  expect((await ws.contacts.list()).length).toBeGreaterThan(0);
  await userEvent.click(await screen.findByTestId('sample-remove'));
  const ask = await screen.findByRole('alertdialog');
  expect(ask.textContent).toMatch(/your own data stays/);
  await userEvent.click(within(ask).getByRole('button', { name: 'Yes' }));
  expect(await screen.findByText(/^The sample workspace was removed: \d+ records\./)).toBeTruthy();
  expect(await ws.contacts.list()).toEqual([]);
  expect(await screen.findByTestId('sample-load', {}, { timeout: 8000 })).toBeTruthy();
});

test('while the shared workspace arrives, the first run says so instead of offering the ways in; then it offers them', async () => {
  const sync = fakeSync({ connection: 'starting', receiving: 4200 });
  renderApp('en', true, sync.service);
  const arriving = await screen.findByTestId('first-run-arriving', {}, { timeout: 8000 });
  expect(arriving.textContent).toBe(
    'The shared workspace is arriving4,200 changes received so far. Its contacts and segments show here as soon as they are in: nothing to import meanwhile.',
  );
  for (const way of ['first-run-excel', 'first-run-csv', 'sample-load'])
    expect(screen.queryByTestId(way), way).toBeNull();
  sync.set({ receiving: 9000 });
  await waitFor(() => expect(arriving.textContent).toContain('9,000 changes received so far.'));
  sync.set({ connection: 'connected', receiving: undefined });
  expect(await screen.findByTestId('sample-load')).toBeTruthy();
  expect(screen.getByTestId('first-run-csv')).toBeTruthy();
  expect(screen.getByTestId('first-run-excel')).toBeTruthy();
  expect(screen.queryByTestId('first-run-arriving')).toBeNull();
});

test('in Italian', async () => {
  renderApp('it', false, fakeSync({ receiving: 12500 }).service);
  const arriving = await screen.findByTestId('first-run-arriving', {}, { timeout: 8000 });
  expect(arriving.textContent).toBe(
    'L\u2019area di lavoro condivisa sta arrivando12.500 modifiche ricevute finora. I suoi contatti e segmenti compariranno qui appena arrivati: nel frattempo non serve importare nulla.',
  );
});

test('a new workspace takes the locale of the user’s language when it is first set up; a saved Setup is kept', async () => {
  expect((await ws.setup.get()).locale).toBe('en-US'); // never saved: the store's default
  renderApp('it');
  await userEvent.click(await screen.findByTestId('sample-load', {}, { timeout: 8000 }));
  expect(await screen.findByText(/^L’area di lavoro di esempio è stata caricata|caricat/)).toBeTruthy();
  expect((await ws.setup.get()).locale).toBe('it-IT');
  cleanup();
  // An existing workspace whose Setup was saved keeps its locale (its filters mean what they meant).
  await ws.sampleWorkspace.remove();
  await ws.setup.update({ locale: 'en-GB' });
  const seen = renderApp('it');
  await userEvent.click(await screen.findByTestId('first-run-csv', {}, { timeout: 8000 }));
  expect(seen).toEqual([{ page: 'csvImport' }]);
  await userEvent.click(await screen.findByTestId('sample-load', {}, { timeout: 8000 }));
  await waitFor(async () => expect((await ws.contacts.list()).length).toBeGreaterThan(0));
  expect((await ws.setup.get()).locale).toBe('en-GB');
});

test('starting an import from the first run sets a new workspace up in the user’s locale', async () => {
  renderApp('it');
  await userEvent.click(await screen.findByTestId('first-run-csv', {}, { timeout: 8000 }));
  await waitFor(async () => expect((await ws.setup.get()).locale).toBe('it-IT'));
});

test('the sample’s card says where it is removed later: Setup', async () => {
  renderApp('en');
  const first = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  expect(first.textContent).toContain('You can remove it later in Setup; your own data stays as it is.');
  cleanup();
  renderApp('it');
  const it = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  expect(it.textContent).toContain('È possibile rimuoverla in seguito da Setup; i dati propri restano invariati.');
});

test('on a team server, a member may load the sample but only an administrator removes it', async () => {
  renderApp('en', false, undefined, fakeTeam({ known: true, user: 'ANNA', role: 'member' }));
  await userEvent.click(await screen.findByTestId('sample-load', {}, { timeout: 8000 }));
  const remove = await screen.findByTestId('sample-remove', {}, { timeout: 8000 });
  // Disabled but focusable: the focus stays on the button that was Load.
  expect(remove.getAttribute('aria-disabled')).toBe('true');
  await userEvent.click(remove);
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(screen.getByTestId('first-run').textContent).toContain(
    'Only an administrator can remove the sample workspace.',
  );
});
