// @vitest-environment jsdom
// Focus back where the user was after the dialogs that the Segment page's browser run (paneKeyboard) does
// not open: the row history of Logged Segments and Interaction Log Entries, the contact card over the
// criteria dialog, and BC's question asked by Logged Segments (Canceled, Delete Canceled Segments), by a code
// list and by Saved Segment Criteria.
// Each is closed by the keyboard (Escape or the focused No) and the focus must be on its opener again.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CriteriaDialog } from '../../../src/ui/criteria/CriteriaDialog';
import { SavedCriteriaPage } from '../../../src/ui/criteria/SavedCriteriaPage';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import { FocusReturn } from '../../../src/ui/shell/FocusReturn';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderWithWorkspace, fakeTeam } from '../log/renderWithTeam';
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
    'Delete every canceled logged segment? Their interaction log entries stay.',
  );
  expect(await ws.loggedSegments.get(1)).toBeDefined();
});

test('a code list: No to "Remove BD?" gives the focus back to the row’s Remove button', async () => {
  // Without a team server: everyone may change the lists.
  show(<CodeListPage list="salespeople" />, 'en', false);
  const row = await screen.findByRole('row', { name: 'Edit BD' });
  const remove = within(row).getByRole('button', { name: 'Remove BD' });
  await press(remove);
  await closedBackTo(remove, () => userEvent.click(screen.getByText('No')), 'Remove BD?');
  expect((await ws.salespeople.list()).map((s) => s.code)).toContain('BD');
});

test('Saved Segment Criteria: Escape on the delete question gives the focus back to Delete', async () => {
  const no = (await ws.segments.create({ description: 'Spring mailing' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
  await ws.segments.saveCriteria(no, 'ROMA', 'Roma');
  show(<SavedCriteriaPage navigate={() => undefined} />);
  const del = await screen.findByRole('button', { name: 'Delete ROMA' });
  await press(del);
  await closedBackTo(del, () => userEvent.keyboard('{Escape}'), 'Delete saved criteria ROMA?');
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
  await within(card).findByText(/anna@alfa\.it/);
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByTestId('contact-card')).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(contact));
}, 60_000);
