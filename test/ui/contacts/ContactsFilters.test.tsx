// @vitest-environment jsdom
// The Contacts list's filter pane, as Business Central's: "Add filter" adds a row on any contact field or
// imported column, its value a BC filter expression; the rows combine, each contact's sub-line shows the
// filtered fields' values, a filter that cannot be read names its field, and removing a row undoes it.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ContactsPage } from '../../../src/ui/contacts/ContactsPage';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
  // JR looks after Alfa Srl (C100, in the market) and Marco Rossi; the imported columns of a sheet.
  await ws.contacts.upsert([
    { no: 'P102', salespersonCode: 'JR' },
    { no: 'P101', extra: { Region: 'North', Score: 31 } },
    { no: 'P201', extra: { Region: 'South', Score: 6 } },
    { no: 'P300', extra: { Region: 'North', Score: 12 } },
  ]);
});

// jsdom lays nothing out: the scroller is given the height a 320 × 800 pane gives it.
const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
beforeEach(() => Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 480 }));
afterEach(() => Object.defineProperty(Element.prototype, 'clientHeight', height));

const count = () => screen.getByTestId('contacts-count').textContent;
/** The message shown at the filter box named `box` (its Field's validation message), if any. */
const fieldMessage = (box: string) =>
  screen.getByRole('textbox', { name: box }).closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')
    ?.textContent ?? undefined;
/** Puts `expression` in the box named `box` at once (typing would filter by each shorter prefix first). */
async function paste(box: string, expression: string) {
  await userEvent.click(screen.getByRole('textbox', { name: box }));
  await userEvent.paste(expression);
}
/** The contact numbers of the rows shown. */
const shownNos = () =>
  screen
    .getAllByRole('button', { name: /^(Contact|Contatto) / })
    .map((b) => b.textContent)
    .sort();
const rowText = (no: string, word = 'Contact') =>
  screen.getByRole('button', { name: `${word} ${no}` }).closest('tr')!.textContent ?? '';

/** Adds a filter row, chooses `option` in it and types `expression` in its value box (named `box`). */
async function addFilter(
  option: string,
  expression: string,
  box = option,
  words = { add: 'Add filter', field: 'Field of filter' },
) {
  const rows = screen.queryAllByRole('combobox', { name: new RegExp(`^${words.field} `) }).length;
  await userEvent.click(screen.getByRole('button', { name: words.add }));
  await userEvent.click(screen.getByRole('combobox', { name: `${words.field} ${rows + 1}` }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
  if (expression) await userEvent.type(screen.getByRole('textbox', { name: box }), expression);
}

async function open(language: 'en' | 'it' = 'en') {
  renderInPane(<ContactsPage navigate={() => undefined} />, ws, language);
  await waitFor(() => expect(count()).toBe(language === 'en' ? '7 contacts' : '7 contatti'));
}

describe('the Contacts list filters on any field, as BC’s filter pane', () => {
  test('Salesperson Code = JR: only JR’s contacts, each showing JR beneath its name', async () => {
    await open();
    await addFilter('Salesperson Code', 'JR');
    await waitFor(() => expect(count()).toBe('2 contacts'));
    expect(shownNos()).toEqual(['C100', 'P102']);
    expect(rowText('C100')).toContain('Salesperson Code: JR');
    expect(rowText('P102')).toContain('Salesperson Code: JR');
  });

  test('two rows combine: Salesperson Code JR and Type Person', async () => {
    await open();
    await addFilter('Salesperson Code', 'JR');
    await waitFor(() => expect(count()).toBe('2 contacts'));
    await addFilter('Type', 'Person');
    await waitFor(() => expect(count()).toBe('1 contact'));
    expect(shownNos()).toEqual(['P102']);
    // A field chosen in one row is not offered in another (one expression per field).
    await userEvent.click(screen.getByRole('combobox', { name: 'Field of filter 2' }));
    const taken = within(await screen.findByRole('listbox')).getByRole('option', { name: 'Salesperson Code' });
    expect(taken.getAttribute('aria-disabled')).toBe('true');
  });

  test('an imported column, offered by its header, filters and shows its value', async () => {
    await open();
    await addFilter('Region', 'North', 'Imported column: Region');
    await waitFor(() => expect(count()).toBe('2 contacts'));
    expect(shownNos()).toEqual(['P101', 'P300']);
    expect(rowText('P101')).toContain('Region: North');
    expect(rowText('P300')).toContain('Region: North');
    // A second imported column, a number compared as one.
    await addFilter('Score', '>20', 'Imported column: Score');
    await waitFor(() => expect(count()).toBe('1 contact'));
    expect(rowText('P101')).toContain('Score: 31');
  });

  test('an expression that cannot be read names its field; correcting it brings the list back', async () => {
    await open();
    await addFilter('Salesperson Code', 'JR|');
    await screen.findByText(
      /^The filter on Salesperson Code is not valid at position 4: a value is missing after \|\.$/,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Salesperson Code' }), 'BD');
    await waitFor(() => expect(count()).toBe('3 contacts'));
    expect(fieldMessage('Salesperson Code')).toBeUndefined();

    await addFilter('Score', 'abc', 'Imported column: Score');
    await screen.findByText(/^The filter on Imported column: Score expects a number at position 1, not "abc"/);
    expect(screen.queryByTestId('list-empty')).toBeNull();
  });

  test('a City filter that cannot be read is shown at City, saying what is wrong and marking where; the list stays', async () => {
    await open('it');
    await paste('Città', 'Bologna|');
    await waitFor(() =>
      expect(fieldMessage('Città')).toBe(
        'Il filtro su Città non è valido alla posizione 9: manca un valore dopo |.Il filtro termina troppo presto: Bologna|\u00a0',
      ),
    );
    expect(screen.getByRole('textbox', { name: 'Città' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('filter-error-expression').textContent).toBe('Bologna|\u00a0');
    // Said once, at the field: no bar in place of the list, which stays as the last readable filter left it.
    expect(screen.getAllByText(/non è valido/)).toHaveLength(1);
    expect(count()).toBe('7 contatti');
    expect(shownNos()).toHaveLength(7);
    // Corrected, the list follows the filter again and the message goes.
    await userEvent.type(screen.getByRole('textbox', { name: 'Città' }), '{Backspace}');
    expect((await screen.findByTestId('list-empty')).textContent).toContain('Nessun contatto corrisponde ai filtri.');
    expect(fieldMessage('Città')).toBeUndefined();
  });

  test('a filter row that cannot be read is shown at its value, with what is wrong and the marked character', async () => {
    await open();
    await addFilter('Salesperson Code', '');
    await paste('Salesperson Code', '(JR');
    await waitFor(() =>
      expect(fieldMessage('Salesperson Code')).toBe(
        'The filter on Salesperson Code is not valid at position 4: the ) that closes the ( at position 1 is missing.The filter ends too early: (JR\u00a0',
      ),
    );
    expect(screen.getAllByText(/is not valid/)).toHaveLength(1);
    expect(count()).toBe('7 contacts');
    await userEvent.type(screen.getByRole('textbox', { name: 'Salesperson Code' }), ')');
    await waitFor(() => expect(count()).toBe('2 contacts'));
    // A yes/no field says which values it accepts; the mark points at the value.
    await addFilter('Exclude from Segment', '');
    await paste('Exclude from Segment', 'forse');
    await waitFor(() =>
      expect(fieldMessage('Exclude from Segment')).toBe(
        'The filter on Exclude from Segment: "forse" is not a value of this field. Accepted values: Yes, No.The error is at the marked character: forse',
      ),
    );
    expect(count()).toBe('2 contacts');
  });

  test('in Italian: BC’s captions, the count and the empty state', async () => {
    await open('it');
    const words = { add: 'Aggiungi filtro', field: 'Campo del filtro' };
    await addFilter('Cod. agente', 'JR', 'Cod. agente', words);
    await waitFor(() => expect(count()).toBe('2 contatti'));
    expect(rowText('P102', 'Contatto')).toContain('Cod. agente: JR');
    await addFilter('Tipo', 'Società', 'Tipo', words);
    await waitFor(() => expect(count()).toBe('1 contatto'));
    expect(shownNos()).toEqual(['C100']);
    // The rows combine with the Name and City boxes above them.
    await userEvent.type(screen.getByRole('textbox', { name: 'Città' }), 'Torino');
    expect((await screen.findByTestId('list-empty')).textContent).toContain('Nessun contatto corrisponde ai filtri.');
  });

  test('removing a row brings the contacts back; a row without a value is no filter', async () => {
    await open();
    await addFilter('Salesperson Code', 'JR');
    await waitFor(() => expect(count()).toBe('2 contacts'));
    await addFilter('Post Code', '');
    expect(screen.getByRole('textbox', { name: 'Post Code' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Salesperson Code filter' }));
    await waitFor(() => expect(count()).toBe('7 contacts'));
    expect(screen.queryByRole('combobox', { name: 'Field of filter 2' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Field of filter 1' })).toBeTruthy();
    expect(rowText('C100')).not.toContain('Salesperson Code');
  });
});
