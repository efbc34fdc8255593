// @vitest-environment jsdom
// The CSV import outside Office, as the taskpane wires it: rows prepared as the Excel import prepares
// them, problems reported by sheet row in the user's language.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { hostPagesFor } from '../../../src/taskpane/hostPages';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import { makeWorkspace } from '../../store/helpers';
import '../setup'; // the one set-up of the pane's component tests


let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

test('imports the rows and says, in Italian, which value was left out and why', async () => {
  await ws.mailingGroups.upsert([{ code: 'XMAS', description: 'Natale' }]);
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  const info = { host: 'none', platform: null, displayLanguage: 'it-IT', supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false } } as const;
  render(<App services={{ workspace: ws, preferences, host: 'none' }} initialLanguage="it" hostPages={hostPagesFor(info, ws, preferences)} startRoute={{ page: 'csvImport' }} />);
  const csv = 'Nr.;Nome;Tipo;Gruppi mailing\nK1;Rossi;Persona;XMAS\nK2;Bianchi;Robot;\nK3;Verdi;Società;\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'contatti.csv', { type: 'text/csv' }));
  expect((await screen.findByTestId('csv-rows')).textContent).toBe('3 righe');
  // The code list column's header, and the field it fills by BC's caption.
  expect(screen.getAllByRole('cell', { name: 'Gruppi mailing' })).toHaveLength(2);
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByText('Riga 3, colonna C (Tipo): "Robot" non è Società o Persona.');
  // A bad value in one field leaves that value out; the row is imported.
  await waitFor(async () => expect((await ws.contacts.list()).map((c) => c.no).sort()).toEqual(['K1', 'K2', 'K3']));
  expect((await ws.contacts.get('K2'))?.type).toBe('Person');
  expect((await ws.contacts.get('K1'))?.mailingGroups).toEqual(['XMAS']);
});
