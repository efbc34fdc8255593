// @vitest-environment jsdom
// Focus back where the user was after the dialogs that the Segment page's browser run (paneKeyboard) does
// not open: the row history of Logged Segments and Interaction Log Entries, the contact card over the
// criteria dialog, and BC's question asked by Logged Segments (Canceled, Delete Canceled Segments), by a code
// list, by Saved Segment Criteria, by the first run (remove the sample), by Packages and backup (replace a
// segment, restore), by the segment header (apply to the lines) and by Reduce Contacts emptying the segment
// (reset the criteria).
// Each is closed by the keyboard (Escape) or its button and the focus must be on its opener again.
import 'fake-indexeddb/auto';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CriteriaDialog } from '../../../src/ui/criteria/CriteriaDialog';
import { SavedCriteriaPage } from '../../../src/ui/criteria/SavedCriteriaPage';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import { FocusReturn } from '../../../src/ui/shell/FocusReturn';
import { transferApi } from '../../../src/taskpane/transfer';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { SegmentHeaderForm } from '../../../src/ui/segments/SegmentHeaderForm';
import { useSegment } from '../../../src/ui/segments/useSegment';
import { SampleWorkspaceButtons } from '../../../src/ui/setup/FirstRun';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { App } from '../../../src/ui/shell/App';
import { TransferPage } from '../../../src/ui/transfer/TransferPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderWithWorkspace, fakeTeam } from '../log/renderWithTeam';
import { buttonInDialogOf } from '../render';
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

const team = fakeTeam({ known: true, user: 'anna', role: 'member' }, async () => [
  { rev: 1, op: 'put', user: 'anna', at: '2026-03-02T09:30:00.000Z' },
]);

/** The page as the pane shows it: with the focus keeper of the shell. */
function show(page: ReactElement, language: 'en' | 'it' = 'en', withTeam = true) {
  renderWithWorkspace(
    <>
      <FocusReturn />
      {page}
    </>,
    ws,
    withTeam ? team : undefined,
    language,
  );
}

/** Focuses `opener` and presses Enter on it, as a keyboard user opens what it opens. */
async function press(opener: HTMLElement) {
  opener.focus();
  await userEvent.keyboard('{Enter}');
}

async function closedBackTo(opener: HTMLElement, close: () => Promise<unknown>, text: string | RegExp) {
  const shown = await screen.findByText(text);
  await close();
  await waitFor(() => expect(shown.isConnected).toBe(false));
  await waitFor(() => expect(document.activeElement).toBe(opener));
}

async function loggedSegment() {
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  const no = (await ws.segments.create({ description: 'Christmas letter', interactionTemplateCode: 'ABSTRACT' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
  await ws.segments.log(no);
}

test('Logged Segments: the row history, opened from the row menu, gives the focus back to the menu button', async () => {
  await loggedSegment();
  show(<LoggedSegmentsPage navigate={() => undefined} />);
  const actions = await screen.findByRole('button', { name: 'Actions 1' });
  await press(actions);
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Show changes' }));
  await closedBackTo(actions, () => userEvent.keyboard('{Escape}'), 'Changes of logged segment 1');
});

test('Interaction Log Entries, in Italian: the entry history gives the focus back to the entry’s menu button', async () => {
  await loggedSegment();
  show(<InteractionLogPage />, 'it');
  await screen.findByTestId('entry-1');
  const actions = screen.getByRole('button', { name: 'Azioni del movimento 1' });
  await press(actions);
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Mostra modifiche' }));
  await closedBackTo(actions, () => userEvent.keyboard('{Escape}'), 'Modifiche di movimento log interazione 1');
});

test('Logged Segments: the Canceled check box asks BC’s question; No gives the focus back to the check box', async () => {
  await loggedSegment();
  renderWithWorkspace(
    <>
      <FocusReturn />
      <LoggedSegmentsPage navigate={() => undefined} />
    </>,
    ws,
    fakeTeam({ known: true, user: 'ANNA', role: 'member' }),
  );
  // Anna logged it: she may change it.
  const box = await screen.findByRole('checkbox', { name: 'Canceled: logged segment 1' });
  await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
  box.focus();
  await userEvent.keyboard(' ');
  await closedBackTo(
    box,
    () => userEvent.click(screen.getByText('No')),
    'Do you wish to mark Logged Segment 1 as Canceled?',
  );
  expect((await ws.loggedSegments.get(1))!.canceled).toBe(false);
});

test('Logged Segments, as an administrator: No to Delete Canceled Segments gives the focus back to its button', async () => {
  await loggedSegment();
  await ws.loggedSegments.setCanceled(1, true);
  renderWithWorkspace(
    <>
      <FocusReturn />
      <LoggedSegmentsPage navigate={() => undefined} />
    </>,
    ws,
    fakeTeam({ known: true, user: 'anna', role: 'admin' }),
  );
  const del = await screen.findByRole('button', { name: 'Delete Canceled Segments' });
  await waitFor(() => expect(del.hasAttribute('disabled')).toBe(false));
  await press(del);
  await closedBackTo(
    del,
    () => userEvent.click(screen.getByText('No')),
    'Delete 1 canceled logged segment? Its interaction log entries stay.',
  );
  expect(await ws.loggedSegments.get(1)).toBeDefined();
});

test('a code list: No to "Remove BD?" gives the focus back to the row’s Remove button', async () => {
  // Without a team server: everyone may change the lists.
  show(<CodeListPage list="salespeople" />, 'en', false);
  const row = await screen.findByRole('row', { name: 'Edit BD' });
  const remove = within(row).getByRole('button', { name: 'Remove BD' });
  await press(remove);
  await closedBackTo(remove, () => userEvent.click(screen.getByText('No')), /Remove BD\?$/);
  expect((await ws.salespeople.list()).map((s) => s.code)).toContain('BD');
});

test('Saved Segment Criteria: Escape on the remove question gives the focus back to Remove', async () => {
  const no = (await ws.segments.create({ description: 'Spring mailing' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
  await ws.segments.saveCriteria(no, 'ROMA', 'Roma');
  show(<SavedCriteriaPage navigate={() => undefined} />);
  const del = await screen.findByRole('button', { name: 'Remove ROMA' });
  await press(del);
  await closedBackTo(del, () => userEvent.keyboard('{Escape}'), 'Remove saved criteria ROMA?');
  expect(await ws.savedCriteria.get('ROMA')).toBeDefined();
});

test('the contact card over the criteria dialog gives the focus back to the contact it was opened from', async () => {
  await ws.segments.create({ description: 'Spring mailing' });
  const header = (await ws.segments.get('SEG00001'))!.header;
  show(
    <CriteriaDialog
      header={header}
      kind="Add Contacts"
      onClose={() => undefined}
      onNavigate={() => undefined}
      previewDelay={0}
    />,
  );
  const dialog = screen.getByRole('dialog');
  const input =
    within(dialog).getByTestId('filter-expression-0').querySelector('input') ??
    within(dialog).getByLabelText(/^Filter 1/);
  await userEvent.type(input as HTMLElement, 'Roma');
  const contact = await within(dialog).findByRole('button', { name: 'P101 · Anna Bianchi' }, { timeout: 15_000 });
  await press(contact);
  const card = await screen.findByTestId('contact-card');
  await within(card).findByDisplayValue('anna@alfa.it');
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByTestId('contact-card')).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(contact));
}, 60_000);

/** The page with the focus keeper and the file services of the Packages and backup page. */
function showWithTransfer(page: ReactElement, language: 'en' | 'it' = 'en') {
  const prefs = new Map<string, unknown>();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <ServicesProvider
          value={{
            workspace: ws,
            host: 'none',
            preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
            transfer: transferApi(ws),
          }}
        >
          <ConfirmProvider>
            <FocusReturn />
            {page}
          </ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

/** Answers BC's question on screen (a button, or Escape) and checks the focus went back to `opener`. */
async function answeredBackTo(opener: HTMLElement, answer: string) {
  const shown = await screen.findByTestId('confirm-text');
  if (answer === 'Escape') await userEvent.keyboard('{Escape}');
  else await userEvent.click(buttonInDialogOf(shown, answer));
  await waitFor(() => expect(shown.isConnected).toBe(false));
  await waitFor(() => expect(document.activeElement).toBe(opener));
}

const json = (name: string, text: string) => new File([text], name, { type: 'application/json' });

/** The file field focused, as after a keyboard user chose a file in it, then the file handed over. */
async function chooseFile(field: HTMLElement, file: File) {
  field.focus();
  await userEvent.upload(field, file);
}

test('First run: Yes to "Remove the sample" gives the focus back to the sample’s button, which then loads it', async () => {
  await ws.sampleWorkspace.load();
  // The removal held until the question has gone: the button is disabled while it runs, as on a busy machine.
  let release = () => undefined as void;
  const held = new Promise<void>((r) => (release = r));
  const remove0 = ws.sampleWorkspace.remove.bind(ws.sampleWorkspace);
  ws.sampleWorkspace.remove = async () => {
    await held;
    return remove0();
  };
  show(<SampleWorkspaceButtons />, 'en', false);
  const remove = await screen.findByTestId('sample-remove');
  await press(remove);
  const shown = await screen.findByTestId('confirm-text');
  await userEvent.click(buttonInDialogOf(shown, 'Yes'));
  await waitFor(() => expect(shown.isConnected).toBe(false));
  expect(remove.getAttribute('aria-disabled')).toBe('true');
  release();
  // The same button, now Load: the focus is on it once the removal is done.
  const load = await screen.findByTestId('sample-load');
  expect(load).toBe(remove);
  await waitFor(() => expect(document.activeElement).toBe(load));
  expect((await ws.sampleWorkspace.status()).loaded).toBe(false);
});

test('First run, in Italian: No to the sample’s removal gives the focus back to its button', async () => {
  await ws.sampleWorkspace.load();
  show(<SampleWorkspaceButtons />, 'it', false);
  const remove = await screen.findByTestId('sample-remove');
  await press(remove);
  await answeredBackTo(remove, 'No');
  expect((await ws.sampleWorkspace.status()).loaded).toBe(true);
});

async function exportedAndChanged() {
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P101'], { source: 'test' });
  const pkg = await ws.packages.export(seg.no);
  await ws.segments.updateHeader(seg.no, { description: 'Fiera 2027' });
  return JSON.stringify(pkg);
}

test('Packages and backup: No to replacing a segment gives the focus back to the package’s file field', async () => {
  const text = await exportedAndChanged();
  showWithTransfer(<TransferPage navigate={() => undefined} />);
  const field = await screen.findByTestId('import-package');
  await chooseFile(field, json('fiera.json', text));
  await closedBackTo(field, () => userEvent.keyboard('{Escape}'), 'Replace segment SEG00001?');
  expect((await ws.segments.get('SEG00001'))?.header.description).toBe('Fiera 2027');
});

test('Packages and backup: Yes to replacing a segment opens it with the focus on its Description, never on the page body', async () => {
  const text = await exportedAndChanged();
  const prefs = new Map<string, unknown>();
  render(
    <App
      services={{
        workspace: ws,
        host: 'none',
        preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
        transfer: transferApi(ws),
      }}
      initialLanguage="en"
      hostPages={{}}
      startRoute={{ page: 'transfer' }}
    />,
  );
  const field = await screen.findByTestId('import-package');
  await chooseFile(field, json('fiera.json', text));
  const shown = await screen.findByText('Replace segment SEG00001?');
  await userEvent.click(buttonInDialogOf(shown, 'Yes'));
  await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segment SEG00001'));
  const description = await screen.findByTestId('field-description');
  await waitFor(() => expect(document.activeElement).toBe(description));
  expect((description as HTMLInputElement).value).toBe('Fiera');
});

test('Packages and backup, in Italian: the restore question gives the focus back to the backup’s file field, after No and after Yes', async () => {
  await ws.segments.create({ description: 'Fiera' });
  const backup = await (await transferApi(ws).backup()).text();
  await ws.segments.create({ description: 'Dopo il backup' });
  showWithTransfer(<TransferPage navigate={() => undefined} />, 'it');
  const field = await screen.findByTestId('restore-backup');
  await chooseFile(field, json('backup.json', backup));
  await answeredBackTo(field, 'No');
  expect(await ws.segments.list()).toHaveLength(2);
  await chooseFile(field, json('backup.json', backup));
  await answeredBackTo(field, 'Sì');
  await waitFor(async () => expect(await ws.segments.list()).toHaveLength(1));
  await waitFor(() => expect(document.activeElement).toBe(field));
});

test('the segment header: the "apply to the lines?" question gives the focus back to the field that asked it', async () => {
  const h = await ws.segments.create({ description: 'Old' });
  await ws.segments.addContactList(h.no, ['P101', 'P201']);
  show(<SegmentHeaderForm header={(await ws.segments.get(h.no))!.header} />, 'en', false);
  const input = screen.getByTestId('field-description');
  await userEvent.clear(input);
  await userEvent.type(input, 'New{Enter}');
  await answeredBackTo(input, 'Escape');
  await waitFor(async () => expect((await ws.segments.get(h.no))!.header.description).toBe('New'));
  expect((await ws.segments.get(h.no))!.lines.map((l) => l.description)).toEqual(['Old', 'Old']);
});

/** Reduce Contacts opened from its button, as the Segment page opens it, over the segment as it is now. */
function Reduce({ no }: { no: string }) {
  const view = useSegment(no);
  const [open, setOpen] = useState(false);
  if (!view) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reduce Contacts
      </button>
      {open ? (
        <CriteriaDialog
          header={view.header}
          kind="Remove Contacts (Reduce)"
          onClose={() => setOpen(false)}
          onNavigate={() => undefined}
          previewDelay={0}
        />
      ) : null}
    </>
  );
}

for (const yes of [true, false])
  test(`Reduce Contacts emptying the segment: ${yes ? 'Yes' : 'No'} to resetting the criteria closes the dialog and gives the focus back to Reduce Contacts`, async () => {
    const no = (await ws.segments.create({ description: 'Spring mailing' })).no;
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    show(<Reduce no={no} />, 'en', false);
    const opener = await screen.findByRole('button', { name: 'Reduce Contacts' });
    await press(opener);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Filter 1/), 'Roma');
    await within(dialog).findByText(/^\+0 \/ −\d+$/, {}, { timeout: 15_000 });
    await userEvent.click(within(dialog).getByTestId('criteria-run'));
    const shown = await screen.findByTestId('confirm-text');
    await userEvent.click(buttonInDialogOf(shown, yes ? 'Yes' : 'No'));
    await waitFor(() => expect(screen.queryByTestId('criteria-run')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    const after = (await ws.segments.get(no))!;
    expect(after.lines).toHaveLength(0);
    expect(after.criteria.length).toBe(yes ? 0 : 2);
  }, 60_000);
