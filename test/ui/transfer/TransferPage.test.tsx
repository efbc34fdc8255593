// @vitest-environment jsdom
// Wrong files in the user's words, and the question before a package overwrites a segment here.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import { transferApi } from '../../../src/taskpane/transfer';
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

function renderTransfer(language: 'en' | 'it') {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none', transfer: transferApi(ws) }}
      initialLanguage={language}
      hostPages={{}}
      startRoute={{ page: 'transfer' }}
    />,
  );
}

const json = (name: string, text: string) => new File([text], name, { type: 'application/json' });

test('a file that is not a package or not a backup is said so, with no parser or database words', async () => {
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('notes.json', 'Not JSON at all'));
  expect(
    await screen.findByText(
      'notes.json is not a segment package of this add-in. Choose a file made with Export segment package.',
    ),
  ).toBeTruthy();
  await userEvent.upload(screen.getByTestId('restore-backup'), json('other.json', '{"a":1}'));
  expect(
    await screen.findByText(
      'other.json is not a backup of this add-in. Choose a file made with Back up the workspace.',
    ),
  ).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/Dexie|JSON|Unexpected token/);
});

test('in Italian too', async () => {
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('restore-backup'), json('x.json', 'Nxx'));
  expect(await screen.findByText(/^x\.json non è un backup di questo componente aggiuntivo\./)).toBeTruthy();
});

test('a package that would overwrite a segment here asks first and names what changes; No leaves it as it is', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { segment: { description: string } };
  await ws.segments.updateHeader(seg.no, { description: 'Fiera 2027' });
  const text = JSON.stringify({ ...pkg, segment: { ...pkg.segment } });
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Replace segment SEG00001?')).toBeTruthy();
  expect(dialog.textContent).toMatch(
    /Segment SEG00001 "Fiera 2027" is already in this workspace.*replaces its description with "Fiera", its 1 lines with 1 and its 1 criteria steps with 1, and updates 1 contacts/,
  );
  await userEvent.click(within(dialog).getByRole('button', { name: /No|Cancel/ }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  expect((await ws.segments.get(seg.no))?.header.description).toBe('Fiera 2027');
  await userEvent.upload(screen.getByTestId('import-package'), json('fiera.json', text));
  await userEvent.click(
    within(await screen.findByRole('alertdialog')).getByRole('button', { name: /Yes|OK|Continue/ }),
  );
  await waitFor(async () => expect((await ws.segments.get(seg.no))?.header.description).toBe('Fiera'));
});
