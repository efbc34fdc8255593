// @vitest-environment jsdom
// The CSV import outside Office, as the taskpane wires it: rows prepared as the Excel import prepares
// them, problems reported by sheet row in the user's language.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
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
  const info = {
    host: 'none',
    platform: null,
    displayLanguage: 'it-IT',
    supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
  } as const;
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none' }}
      initialLanguage="it"
      hostPages={hostPagesFor(info, ws, preferences)}
      startRoute={{ page: 'csvImport' }}
    />,
  );
  const csv = 'Nr.;Nome;Tipo;Gruppi mailing\nK1;Rossi;Persona;XMAS\nK2;Bianchi;Robot;\nK3;Verdi;Società;\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'contatti.csv', { type: 'text/csv' }));
  expect((await screen.findByTestId('csv-rows')).textContent).toBe('3 righe');
  expect(screen.getByTestId('mapping-hint').textContent).toBe(
    'Controllare cosa riempie ogni colonna prima di scrivere. La scelta viene ricordata per i file denominati contatti.csv.',
  );
  // The code list column's header, and the field it fills by BC's caption, which the user may change.
  expect((screen.getByRole('combobox', { name: 'Riempie Gruppi mailing' }) as HTMLButtonElement).textContent).toBe(
    'Gruppi mailing (codici separati da ; o ,)',
  );
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByText(
    'Riga 3, colonna C (Tipo): "Robot" non è Società o Persona. La riga è stata importata senza questo valore.',
  );
  expect(screen.getByText('3 nuovi, 0 aggiornati, 1 con avvisi, 0 righe non importate.')).toBeTruthy();
  // A bad value in one field leaves that value out; the row is imported.
  await waitFor(async () => expect((await ws.contacts.list()).map((c) => c.no).sort()).toEqual(['K1', 'K2', 'K3']));
  expect((await ws.contacts.get('K2'))?.type).toBe('Person');
  expect((await ws.contacts.get('K1'))?.mailingGroups).toEqual(['XMAS']);
});

function renderCsv(language: 'en' | 'it', prefs = new Map<string, unknown>()) {
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  const info = {
    host: 'none',
    platform: null,
    displayLanguage: language,
    supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
  } as const;
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none' }}
      initialLanguage={language}
      hostPages={hostPagesFor(info, ws, preferences)}
      startRoute={{ page: 'csvImport' }}
    />,
  );
  return prefs;
}

test('a column re-pointed by the user is imported there, and the choice comes back for the same file name', async () => {
  const prefs = renderCsv('en');
  const csv = 'No.;Name;Title;Note\nK1;Rossi;Buyer;vip\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'leads.csv', { type: 'text/csv' }));
  // The source is a file: the hint says the choice is remembered for its name, not for a sheet or table.
  expect((await screen.findByTestId('mapping-hint')).textContent).toBe(
    'Check what each column fills before anything is written. Your choice is remembered for files named leads.csv.',
  );
  await userEvent.click(await screen.findByRole('combobox', { name: 'Fills Title' }));
  await userEvent.click(await screen.findByRole('option', { name: 'Job Title' }));
  await userEvent.click(screen.getByRole('combobox', { name: 'Fills Note' }));
  await userEvent.click(await screen.findByRole('option', { name: '(not imported)' }));
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByTestId('excel-import-report');
  expect(await ws.contacts.get('K1')).toMatchObject({ name: 'Rossi', jobTitle: 'Buyer', extra: {} });
  expect(prefs.get('mapping:file:leads.csv')).toMatchObject({ version: 1 });
  cleanup();
  renderCsv('en', prefs);
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'leads.csv', { type: 'text/csv' }));
  expect((await screen.findByRole('combobox', { name: 'Fills Title' })).textContent).toBe('Job Title');
  expect(screen.getByRole('combobox', { name: 'Fills Note' }).textContent).toBe('(not imported)');
});

test('unknown codes, missing companies and existing contacts are asked before anything is written', async () => {
  await ws.contacts.upsert([{ no: 'OLD1', type: 'Person', name: 'Bianchi', email: 'b@example.com' }]);
  renderCsv('en');
  const csv = 'Name;Company Name;Salesperson Code;E-Mail\nRossi;Acme SpA;XX;r@example.com\nBianchi;;;b@example.com\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'people.csv', { type: 'text/csv' }));
  await userEvent.click(screen.getByTestId('csv-import'));
  const ask = await screen.findByTestId('import-decisions');
  expect(within(ask).getByTestId('import-unknown-codes').textContent).toBe('Salesperson Code XX: row 2');
  expect(within(ask).getByTestId('import-missing-companies').textContent).toBe('Acme SpA');
  expect(within(ask).getByTestId('import-existing').textContent).toBe('Row 3: contact OLD1, by e-mail');
  // Nothing is written before the user confirms.
  expect((await ws.contacts.list()).map((c) => c.no)).toEqual(['OLD1']);
  await userEvent.click(within(ask).getByRole('radio', { name: 'Create the missing codes' }));
  await userEvent.click(within(ask).getByRole('checkbox', { name: 'Create these companies as company contacts' }));
  await userEvent.click(within(ask).getByTestId('import-confirm'));
  const report = await screen.findByTestId('excel-import-report');
  expect(within(report).getByText(/^\d+ new, 1 updated, \d+ with warnings, 0 rows not imported\./)).toBeTruthy();
  expect((await ws.salespeople.list()).map((s) => s.code)).toContain('XX');
  const all = await ws.contacts.list();
  const company = all.find((c) => c.type === 'Company' && c.name === 'Acme SpA');
  expect(company).toBeTruthy();
  expect(all.find((c) => c.name === 'Rossi')).toMatchObject({ companyNo: company!.no, salespersonCode: 'XX' });
  expect(all.filter((c) => c.name === 'Bianchi')).toHaveLength(1);
});

test('every problem is listed, page by page', async () => {
  renderCsv('en');
  const rows = Array.from({ length: 120 }, (_, i) => `K${i};Name ${i};Robot`).join('\n');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File([`No.;Name;Type\n${rows}\n`], 'many.csv', { type: 'text/csv' }),
  );
  await userEvent.click(screen.getByTestId('csv-import'));
  expect((await screen.findByTestId('excel-problems-page')).textContent).toBe('Problems 1–50 of 120');
  expect(within(screen.getByTestId('excel-problems')).getAllByRole('listitem')).toHaveLength(50);
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  expect(screen.getByTestId('excel-problems-page').textContent).toBe('Problems 101–120 of 120');
  expect(within(screen.getByTestId('excel-problems')).getAllByRole('listitem').at(-1)?.textContent).toMatch(
    /^Row 121, column C \(Type\)/,
  );
});

test('a file that is not UTF-8 is refused naming its line, in Italian', async () => {
  renderCsv('it');
  const bytes = new Uint8Array([...new TextEncoder().encode('Nome\nRossi\n'), 0xe8, 0x0a]);
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([bytes], 'latin1.csv', { type: 'text/csv' }));
  expect(await screen.findByText(/^Il file non è testo UTF-8: la riga 3 /)).toBeTruthy();
});

test('numbers and dates of imported columns are read in the workspace locale; cells that are not are reported once per column', async () => {
  await ws.setup.update({ locale: 'it-IT' });
  renderCsv('it');
  const csv =
    'Nr.;Nome;Fatturato;Data nascita\nP1;Mario Uno;1.234,56;31/12/1980\nP2;Anna Due;0,5;01/02/1995\nP3;Luca Tre;950;15/06/1970\nP4;Pia Quattro;n/d;29/02/2001\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'clienti.csv', { type: 'text/csv' }));
  await userEvent.click(await screen.findByTestId('csv-import'));
  const report = await screen.findByTestId('excel-import-report');
  expect(
    within(report).getByText(
      'Colonna C (Fatturato): celle che non sono numeri nel formato di questa area di lavoro (1.234,56): 1, la prima nella riga 5 ("n/d"). Sono state importate come testo: i filtri le confrontano come testo, non come numeri.',
    ),
  ).toBeTruthy();
  expect(
    within(report).getByText(
      'Colonna D (Data nascita): celle che non sono date (AAAA-MM-GG o 31/01/2026): 1, la prima nella riga 5 ("29/02/2001"). Sono state importate come testo: i filtri le confrontano come testo, non come date.',
    ),
  ).toBeTruthy();
  expect((await ws.contacts.get('P1'))?.extra).toEqual({ Fatturato: 1234.56, 'Data nascita': '1980-12-31' });
  expect((await ws.contacts.get('P3'))?.extra).toEqual({ Fatturato: 950, 'Data nascita': '1970-06-15' });
  expect((await ws.contacts.get('P4'))?.extra).toEqual({ Fatturato: 'n/d', 'Data nascita': '29/02/2001' });
});

test('a quote out of place is said in Italian with the line, the column and the character, not as a bad value', async () => {
  renderCsv('it');
  const csv = 'Nr.;Nome;E-mail\nK1;Rossi;x"y@example.com\n';
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'rotto.csv', { type: 'text/csv' }));
  expect(
    await screen.findByText(
      'Impossibile leggere il file: riga 2, colonna C (E-mail), al carattere 11: virgolette (") all\u2019interno di un valore che non inizia con le virgolette. Racchiudere l\u2019intero valore tra virgolette e scrivere due volte ("") le virgolette al suo interno.',
    ),
  ).toBeTruthy();
});

test('an empty file is said to be empty, in Italian', async () => {
  renderCsv('it');
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([''], 'vuoto.csv', { type: 'text/csv' }));
  expect(
    await screen.findByText(
      'Il file è vuoto: non ha la riga di intestazione. La prima riga deve indicare le colonne (Nr., Nome, …).',
    ),
  ).toBeTruthy();
});

test('a file with only its header offers no import and says the file has no data rows', async () => {
  renderCsv('it');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['Nr.;Nome;Città\n'], 'intestazione.csv', { type: 'text/csv' }),
  );
  expect((await screen.findByTestId('csv-header-only')).textContent).toBe(
    'Il file ha la riga di intestazione ma nessuna riga di dati: non c\u2019è niente da importare.',
  );
  expect(screen.queryByTestId('csv-import')).toBeNull();
});

test('a tab-separated file is read by its columns', async () => {
  renderCsv('en');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['No.\tName\tCity\nK1\tRossi\tRoma\n'], 'contacts.txt', { type: 'text/plain' }),
  );
  expect((await screen.findByRole('combobox', { name: 'Fills City' })).textContent).toBe('City');
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByTestId('excel-import-report');
  expect(await ws.contacts.get('K1')).toMatchObject({ name: 'Rossi', city: 'Roma' });
});

test('the problems narrow to one severity, so a few errors are not lost among many notes, in Italian', async () => {
  renderCsv('it');
  // A No. longer than BC's 20 characters rejects its row (an error); a bad e-mail is left out (a warning).
  const bad = Array.from({ length: 3 }, (_, i) => `${'K'.repeat(24)}${i};Nome ${i};Person;`).join('\n');
  const odd = Array.from({ length: 70 }, (_, i) => `W${i};Nome ${i};Person;non-una-email`).join('\n');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File([`No.;Name;Type;E-Mail\n${bad}\n${odd}\n`], 'misti.csv', { type: 'text/csv' }),
  );
  await userEvent.click(screen.getByTestId('csv-import'));
  const show = (await screen.findByTestId('excel-problems-severity')) as HTMLSelectElement;
  expect(Array.from(show.options).map((o) => o.textContent)).toEqual(['Tutti (73)', '3 errori', '70 avvisi']);
  expect(screen.getByTestId('excel-problems-page').textContent).toBe('Problemi 1–50 di 73');
  await userEvent.click(screen.getByRole('button', { name: 'Successivi' }));
  await userEvent.selectOptions(show, '70 avvisi');
  // Back to the first page of the warnings alone.
  expect(screen.getByTestId('excel-problems-page').textContent).toBe('Problemi 1–50 di 70');
  await userEvent.selectOptions(show, '3 errori');
  const items = within(screen.getByTestId('excel-problems')).getAllByRole('listitem');
  expect(items.map((li) => li.getAttribute('data-severity'))).toEqual(['error', 'error', 'error']);
  expect(screen.queryByTestId('excel-problems-page')).toBeNull();
});

/** A promise the test settles, and a signal that the gated call was reached. */
function gate() {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const hit = new Promise<void>((r) => (reached = r));
  return { opened, hit, open, reached };
}

test('Cancel before the write leaves nothing written, and says so', async () => {
  renderCsv('en');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['No.;Name\nK1;One\nK2;Two\nK3;Three\n'], 'three.csv', { type: 'text/csv' }),
  );
  // The import stops while it reads the stored contacts to match the rows: the user cancels there.
  const g = gate();
  const list = ws.contacts.list;
  ws.contacts.list = async (f) => {
    g.reached();
    await g.opened;
    return list(f);
  };
  await userEvent.click(screen.getByTestId('csv-import'));
  await g.hit;
  await userEvent.click(within(await screen.findByTestId('progress')).getByRole('button', { name: 'Cancel' }));
  ws.contacts.list = list;
  g.open();
  await screen.findByText('Canceled. Nothing was written.');
  expect(await ws.contacts.count()).toBe(0);
  expect(screen.getByTestId('csv-import')).toBeTruthy();
  expect(screen.queryByTestId('excel-import-report')).toBeNull();
});

test('once the write has begun there is no Cancel, and the report says what was written', async () => {
  renderCsv('en');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['No.;Name\nK1;One\nK2;Two\nK3;Three\n'], 'three.csv', { type: 'text/csv' }),
  );
  const g = gate();
  const importRows = ws.contacts.importRows;
  ws.contacts.importRows = async (...args) => {
    g.reached();
    await g.opened;
    return importRows(...args);
  };
  await userEvent.click(screen.getByTestId('csv-import'));
  await g.hit;
  const writing = await screen.findByTestId('import-writing');
  expect(writing.textContent).toContain('This can no longer be canceled.');
  expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  ws.contacts.importRows = importRows;
  g.open();
  const report = await screen.findByTestId('excel-import-report');
  expect(within(report).getByText('3 new, 0 updated, 0 with warnings, 0 rows not imported.')).toBeTruthy();
  expect(await ws.contacts.count()).toBe(3);
  expect(screen.queryByText('Canceled. Nothing was written.')).toBeNull();
});

test('the same file chosen again after an import is read again, with its mapping and the Import button', async () => {
  renderCsv('it');
  const file = new File(['Nr.;Nome\nK1;Uno\n'], 'pulito.csv', { type: 'text/csv' });
  const input = await screen.findByTestId('csv-file');
  await userEvent.upload(input, file);
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByTestId('excel-import-report');
  // The same file again (corrected in Excel, saved under the same name): the page starts over.
  await userEvent.upload(input, file);
  expect(await screen.findByTestId('csv-import')).toBeTruthy();
  expect(screen.getByTestId('mapping-hint')).toBeTruthy();
  expect(screen.queryByTestId('excel-import-report')).toBeNull();
});

test('the report lists errors, then warnings, then notes, each marked in words and saying whether its row was imported', async () => {
  renderCsv('it');
  const long = 'N'.repeat(101);
  const csv = `Nr.;Tipo;Nome;Nr. società;E-mail\nC1;Società;Alfa;;\nP1;Persona;Rossi;C1;non-una-email\nP2;Persona;${long};;\n`;
  await userEvent.upload(await screen.findByTestId('csv-file'), new File([csv], 'misti.csv', { type: 'text/csv' }));
  await userEvent.click(screen.getByTestId('csv-import'));
  await screen.findByTestId('excel-import-report');
  const items = within(screen.getByTestId('excel-problems')).getAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual([
    `Riga 4, colonna C (Nome): "${'N'.repeat(30)}…" supera 100 caratteri. La riga non è stata importata.`,
    'Riga 3, colonna E (E-mail): "non-una-email" non è un indirizzo e-mail. La riga è stata importata senza questo valore.',
    'Riga 3: collegata tramite Nr. società alla società C1 "Alfa".',
  ]);
  // Not by colour alone: each item has a mark that says its severity.
  expect(within(items[0]).getByRole('img').getAttribute('aria-label')).toBe('Errore');
  expect(within(items[1]).getByRole('img').getAttribute('aria-label')).toBe('Avviso');
  expect(within(items[2]).getByRole('img').getAttribute('aria-label')).toBe('Nota');
});

test('a file with no Name column is flagged before import, and an import that takes no row is reported as an error, in Italian', async () => {
  renderCsv('it');
  const csv = 'Nr.;Città;E-mail;Fatturato\nK1;Roma;a@example.com;1\nK2;Milano;b@example.com;2\n';
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File([csv], 'senza-nome.csv', { type: 'text/csv' }),
  );
  const flag = await screen.findByTestId('mapping-name');
  expect(flag.textContent).toBe(
    'Nessuna colonna riempie Nome (o Nome società). Un nuovo contatto richiede un nome: si possono importare solo le righe che aggiornano un contatto esistente, tramite il suo Nr. o l\u2019e-mail; le altre non vengono importate.',
  );
  expect(flag.getAttribute('data-intent')).toBe('warning');
  // A number may name existing contacts: the import is still offered.
  await userEvent.click(screen.getByTestId('csv-import'));
  const report = await screen.findByTestId('excel-import-report');
  expect(within(report).getByTestId('import-result').getAttribute('data-intent')).toBe('error');
  // No green note: the note of an import that took nothing stays, as an error does, until dismissed.
  const note = (await screen.findByText('0 contatti inseriti, 0 aggiornati, 2 rifiutati.')).closest('.fui-Toast');
  expect(within(note as HTMLElement).getByRole('button', { name: 'Chiudi' })).toBeTruthy();
  expect(await ws.contacts.count()).toBe(0);
});

test('a file whose columns can neither name a contact nor point at one offers no import', async () => {
  renderCsv('en');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['City;Revenue\nRoma;1\n'], 'cities.csv', { type: 'text/csv' }),
  );
  const flag = await screen.findByTestId('mapping-name');
  expect(flag.getAttribute('data-intent')).toBe('error');
  expect(flag.textContent).toBe(
    'No column fills Name (or Company Name), and none gives the No. or e-mail of an existing contact: every row would be a new contact without a name, and none could be imported. Choose the column that fills Name.',
  );
  expect((screen.getByTestId('csv-import') as HTMLButtonElement).disabled).toBe(true);
  // Pointing a column at Name takes the flag away.
  await userEvent.click(screen.getByRole('combobox', { name: 'Fills City' }));
  await userEvent.click(await screen.findByRole('option', { name: 'Name' }));
  expect(screen.queryByTestId('mapping-name')).toBeNull();
  expect((screen.getByTestId('csv-import') as HTMLButtonElement).disabled).toBe(false);
});

test('an import that refuses some rows is reported with a warning look, not as a success', async () => {
  renderCsv('en');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['No.;Name\nK1;One\nK2;\n'], 'half.csv', { type: 'text/csv' }),
  );
  await userEvent.click(screen.getByTestId('csv-import'));
  const report = await screen.findByTestId('excel-import-report');
  expect(within(report).getByTestId('import-result').getAttribute('data-intent')).toBe('warning');
  expect(await ws.contacts.count()).toBe(1);
});

test('an imported column is named "Colonna importata" in the mapping, in Italian', async () => {
  renderCsv('it');
  await userEvent.upload(
    await screen.findByTestId('csv-file'),
    new File(['Nr.;Nome;Fatturato\nK1;Uno;1\n'], 'col.csv', { type: 'text/csv' }),
  );
  const box = await screen.findByRole('combobox', { name: 'Riempie Fatturato' });
  expect(box.textContent).toBe('Colonna importata: Fatturato');
  await userEvent.click(box);
  expect(await screen.findByRole('option', { name: 'Colonna importata: Fatturato' })).toBeTruthy();
});

test('a file that cannot be read stays named on the page with its error until another file is chosen', async () => {
  renderCsv('it');
  const input = await screen.findByTestId('csv-file');
  await userEvent.upload(
    input,
    new File(['Nr.;Nome;E-mail\nK1;Rossi;x"y@example.com\n'], 'rotto.csv', { type: 'text/csv' }),
  );
  const error = await screen.findByTestId('csv-error');
  expect(error.textContent).toMatch(/^Impossibile leggere il file: riga 2, colonna C \(E-mail\)/);
  expect(screen.getByTestId('csv-file-name').textContent).toBe('rotto.csv');
  // On the page, not in a note that goes away.
  expect(document.querySelector('.fui-ToastTitle')).toBeNull();
  await userEvent.upload(input, new File(['Nr.;Nome\nK1;Rossi\n'], 'buono.csv', { type: 'text/csv' }));
  await screen.findByTestId('csv-import');
  expect(screen.queryByTestId('csv-error')).toBeNull();
  expect(screen.getByTestId('csv-file-name').textContent).toBe('buono.csv');
});
