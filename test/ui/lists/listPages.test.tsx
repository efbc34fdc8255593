// @vitest-environment jsdom
// The list pages on the one list page: Segments, Saved Segment Criteria, Contacts, a code list and
// Interaction Templates, each with its columns, its empty state and what a row offers.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, test } from 'vitest';
import { ContactsPage } from '../../../src/ui/contacts/ContactsPage';
import { SavedCriteriaPage } from '../../../src/ui/criteria/SavedCriteriaPage';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { TemplatesPage } from '../../../src/ui/lists/TemplatesPage';
import { SegmentsPage } from '../../../src/ui/segments/SegmentsPage';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

/** The empty state says `text`; its action, named `action`, goes to `route`. */
async function emptyLeadsTo(page: (navigate: (r: Route) => void) => ReactElement, text: string, action: string) {
  const went: Route[] = [];
  renderInPane(
    page((r) => went.push(r)),
    ws,
  );
  const empty = await screen.findByTestId('list-empty');
  expect(empty.textContent).toContain(text);
  await userEvent.click(within(empty).getByRole('button', { name: action }));
  return went;
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.getAttribute('title') ?? h.textContent);

describe('Segments', () => {
  test('an empty workspace says so and shows the first-run greeting beneath', async () => {
    renderInPane(<SegmentsPage navigate={() => undefined} firstRun={() => <p data-testid="first-run">Hi</p>} />, ws);
    expect((await screen.findByTestId('list-empty')).textContent).toContain('No segments yet.');
    expect(screen.getByTestId('first-run')).toBeTruthy();
  });

  test('No. opens the segment, the number of lines has a short header, Delete asks first', async () => {
    await seedMarket(ws);
    const h = await ws.segments.create({ description: 'Autumn fair' });
    await ws.segments.addContactList(h.no, ['P101', 'P201']);
    const went: Route[] = [];
    renderInPane(<SegmentsPage navigate={(r) => went.push(r)} />, ws);
    const row = await screen.findByTestId('segment-row-SEG00001');
    expect(headers()).toEqual(['No.', 'Description', 'No. of Lines', 'Actions']);
    expect(screen.getByRole('columnheader', { name: 'No. of Lines' }).textContent).toBe('Lines');
    expect(within(row).getAllByRole('cell')[2].textContent).toBe('2');
    await userEvent.click(within(row).getByRole('button', { name: 'SEG00001' }));
    expect(went).toEqual([{ page: 'segment', no: 'SEG00001' }]);
    await userEvent.click(within(row).getByRole('button', { name: 'Delete SEG00001' }));
    await screen.findByText('Delete segment SEG00001 with its 2 lines and criteria?');
    await userEvent.click(screen.getByText('No'));
    expect(await ws.segments.list()).toHaveLength(1);
  });
});

describe('Saved Segment Criteria', () => {
  test('an empty list offers the way to the segments, where criteria are saved', async () => {
    const went = await emptyLeadsTo(
      (navigate) => <SavedCriteriaPage navigate={navigate} />,
      'No saved segment criteria yet.',
      'Segments',
    );
    expect(went).toEqual([{ page: 'segments' }]);
  });

  test('each code with its description and its actions, in Italian too', async () => {
    await seedMarket(ws);
    const h = await ws.segments.create({ description: 'Rome' });
    await ws.segments.addContactList(h.no, ['P101']);
    await ws.segments.saveCriteria(h.no, 'ROMA', 'Customers in Rome');
    renderInPane(<SavedCriteriaPage navigate={() => undefined} />, ws, 'it');
    const row = await screen.findByTestId('saved-ROMA');
    expect(headers()).toEqual(['Codice / Righe criteri segmento salvati', 'Descrizione', 'Azioni']);
    expect(row.textContent).toContain('Customers in Rome');
    expect(row.textContent).toContain('1 azione');
    expect(within(row).getAllByRole('listitem')).toHaveLength(1);
    // Remove, as on the other lists (BC's word), and asked first.
    await userEvent.click(within(row).getByRole('button', { name: 'Rimuovi ROMA' }));
    await screen.findByText('Rimuovere i criteri salvati ROMA?');
    expect(screen.getByRole('heading', { name: 'Rimuovi' })).toBeTruthy();
    await userEvent.click(screen.getByText('No'));
    expect(await ws.savedCriteria.list()).toHaveLength(1);
  });
});

describe('Contacts', () => {
  test('an empty workspace offers the import; a filter that matches nothing says so; a bad one says why', async () => {
    const went = await emptyLeadsTo(
      (navigate) => <ContactsPage navigate={navigate} />,
      'No contacts yet.',
      'Import contacts (CSV)',
    );
    expect(went).toEqual([{ page: 'csvImport' }]);

    await seedMarket(ws);
    await screen.findByTestId('contacts-count');
    await userEvent.type(screen.getByRole('textbox', { name: 'City' }), 'TORINO');
    expect((await screen.findByTestId('list-empty')).textContent).toContain('No contacts match the filters.');
    expect(screen.queryByRole('button', { name: 'Import contacts (CSV)' })).toBeNull();
    await userEvent.clear(screen.getByRole('textbox', { name: 'City' }));
    // (userEvent.type reads `'` literally.)
    await userEvent.type(screen.getByRole('textbox', { name: 'City' }), "*'*");
    await screen.findByText(
      "The filter on City is not valid at position 2: the ' that closes the quote opened here is missing.",
    );
    // Said at the City box; the list stays as the last filter that could be read (`*`) left it.
    expect(screen.getByRole('textbox', { name: 'City' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.queryByTestId('list-empty')).toBeNull();
  });

  test('the count, short headers with the full captions, and a contact opens its card', async () => {
    await seedMarket(ws);
    const went: Route[] = [];
    // jsdom lays nothing out: the scroller is given the height a 320 × 800 pane gives it.
    const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
    Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 480 });
    try {
      renderInPane(<ContactsPage navigate={(r) => went.push(r)} />, ws);
      expect((await screen.findByTestId('contacts-count')).textContent).toBe('7 contacts');
      await screen.findByRole('button', { name: 'Contact P101' });
    } finally {
      Object.defineProperty(Element.prototype, 'clientHeight', height);
    }
    expect(headers()).toEqual(['Contact No. / Type', 'Name / Company Name · City · Email']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['No.', 'Name']);
    const row = screen.getByRole('button', { name: 'Contact P101' }).closest('tr')!;
    expect(row.textContent).toContain('Anna Bianchi');
    expect(row.textContent).toContain('anna@alfa.it');
    await userEvent.click(within(row).getByRole('button', { name: 'Contact P101' }));
    expect(went).toEqual([{ page: 'contact', no: 'P101' }]);
  });
});

describe('code lists and Interaction Templates', () => {
  test('a row opens in the card; its bin removes it (asked first) without opening it', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await screen.findByRole('row', { name: 'Edit JR' });
    expect(headers()).toEqual(['Code', 'Name / Email', 'Actions']);
    await userEvent.click(screen.getByRole('row', { name: 'Edit JR' }));
    expect((screen.getByTestId('code-name') as HTMLInputElement).value).toBe('John Roberts');
    await userEvent.clear(screen.getByTestId('code-name'));
    await userEvent.click(
      within(screen.getByRole('row', { name: 'Edit BD' })).getByRole('button', { name: 'Remove BD' }),
    );
    // BD is the salesperson of one contact: the question says so.
    await screen.findByText('BD is used by 1 contact.\nRemove BD?', { normalizer: (s) => s });
    expect((screen.getByTestId('code-code') as HTMLInputElement).value).toBe('JR');
    await userEvent.click(screen.getByText('Yes'));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'Edit BD' })).toBeNull());
    expect((await ws.salespeople.list()).map((s) => s.code)).toEqual(['JR']);
  });

  test('an empty code list points at the card’s first field', async () => {
    renderInPane(<CodeListPage list="mailingGroups" />, ws);
    const empty = await screen.findByTestId('list-empty');
    expect(empty.textContent).toContain('No records yet.');
    await userEvent.click(within(empty).getByRole('button', { name: 'Add record' }));
    expect(document.activeElement).toBe(screen.getByTestId('code-code'));
  });

  test('Interaction Templates: code, description with its unit cost beneath; Enter on a row opens it in the card', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws, 'it');
    const row = await screen.findByRole('row', { name: 'Modifica MEMO' });
    // At 320 px the unit cost sits beneath the description (beside it, both were cut mid-word).
    expect(headers()).toEqual(['Codice', 'Descrizione / Costo unitario (VL)', 'Azioni']);
    expect(row.textContent).toContain('Memo');
    row.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect((screen.getByTestId('field-description') as HTMLInputElement).value).toBe('Memo'));
  });
});

/** The message a card's field shows (its Fluent Field's validation message). */
const fieldMessage = (testId: string) =>
  screen.getByTestId(testId).closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent;

describe('a new record never overwrites one with its code', () => {
  test('Salespeople: a new JR is refused at the Code field with BC’s message; JR keeps its name', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await screen.findByRole('row', { name: 'Edit JR' });
    await userEvent.type(screen.getByTestId('code-code'), 'jr');
    await userEvent.type(screen.getByTestId('code-name'), 'Dup');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fieldMessage('code-code')).toBe(
        "The Salesperson/Purchaser already exists. Identification fields and values: Code='JR'",
      ),
    );
    expect((await ws.salespeople.get('JR'))?.name).toBe('John Roberts');
    expect(screen.queryByText('JR was saved.')).toBeNull();
  });

  test('in Italian too; a record is changed from its row, its code kept', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="mailingGroups" />, ws, 'it');
    await screen.findByRole('row', { name: 'Modifica NEWS' });
    await userEvent.type(screen.getByTestId('code-code'), 'news');
    await userEvent.type(screen.getByTestId('code-description'), 'Fiera');
    await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() =>
      expect(fieldMessage('code-code')).toBe(
        "Gruppo mailing esiste già. Campi e valori di identificazione: Codice='NEWS'",
      ),
    );
    expect((await ws.mailingGroups.get('NEWS'))?.description).toBe('Newsletter');

    await userEvent.click(screen.getByRole('row', { name: 'Modifica NEWS' }));
    expect(fieldMessage('code-code')).toBeFalsy();
    expect((screen.getByTestId('code-code') as HTMLInputElement).readOnly).toBe(true);
    await userEvent.clear(screen.getByTestId('code-description'));
    await userEvent.type(screen.getByTestId('code-description'), 'Notiziario');
    await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await screen.findByText('NEWS è stato salvato.');
    expect((await ws.mailingGroups.get('NEWS'))?.description).toBe('Notiziario');
  });
});

describe('a card saves only the fields its user changed', () => {
  test('Salespeople: a colleague’s e-mail, saved while the card was open, is kept', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit JR' }));
    await waitFor(() => expect((screen.getByTestId('code-name') as HTMLInputElement).value).toBe('John Roberts'));
    // A colleague sets the e-mail meanwhile (the card still shows none).
    await ws.salespeople.upsert([{ code: 'JR', email: 'jr@cronus.it' }]);
    await userEvent.clear(screen.getByTestId('code-name'));
    await userEvent.type(screen.getByTestId('code-name'), 'John Rossi');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('JR was saved.');
    expect(await ws.salespeople.get('JR')).toMatchObject({ name: 'John Rossi', email: 'jr@cronus.it' });
  });

  test('Interaction Templates: a colleague’s unit cost is kept when the description is changed', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit MEMO' }));
    await waitFor(() => expect((screen.getByTestId('field-description') as HTMLInputElement).value).toBe('Memo'));
    await ws.interactionTemplates.upsert([{ code: 'MEMO', unitCost: 7 }]);
    // The colleague's change has reached the list (the card, opened before it, still holds the old cost).
    await within(await screen.findByRole('row', { name: 'Edit MEMO' })).findByText(/7\.00/);
    await userEvent.clear(screen.getByTestId('field-description'));
    await userEvent.type(screen.getByTestId('field-description'), 'Memo letter{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Interaction template MEMO was saved.');
    await waitFor(async () =>
      expect(await ws.interactionTemplates.get('MEMO')).toMatchObject({ description: 'Memo letter', unitCost: 7 }),
    );
  });
});

describe('removing a code in use', () => {
  test('the question names where it is used; a mailing group leaves its contacts with it', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="mailingGroups" />, ws);
    const row = await screen.findByRole('row', { name: 'Edit XMAS' });
    await userEvent.click(within(row).getByRole('button', { name: 'Remove XMAS' }));
    await screen.findByText(
      'XMAS is used by 2 contacts. Removing it also removes it from those contacts.\nRemove XMAS?',
      { normalizer: (s) => s },
    );
    await userEvent.click(screen.getByText('Yes'));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'Edit XMAS' })).toBeNull());
    expect((await ws.contacts.get('P101'))?.mailingGroups).toEqual([]);
    expect((await ws.contacts.get('P201'))?.mailingGroups).toEqual(['NEWS']);
  });

  test('an industry group is taken off its contacts too, and the question says so', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="industryGroups" />, ws, 'it');
    const row = await screen.findByRole('row', { name: 'Modifica RETAIL' });
    await userEvent.click(within(row).getByRole('button', { name: 'Rimuovi RETAIL' }));
    await screen.findByText(
      'RETAIL è usato da 1 contatto. Rimuovendolo, viene tolto anche da quei contatti.\nRimuovere RETAIL?',
      { normalizer: (s) => s },
    );
    await userEvent.click(screen.getByText('Sì'));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'Modifica RETAIL' })).toBeNull());
    expect((await ws.contacts.get('C100'))?.industryGroups).toEqual([]);
  });

  test('in Italian: contacts and segments of a salesperson', async () => {
    await seedMarket(ws);
    const h = await ws.segments.create({ description: 'Fiera', salespersonCode: 'JR' });
    await ws.segments.addContactList(h.no, ['P101']);
    renderInPane(<CodeListPage list="salespeople" />, ws, 'it');
    const row = await screen.findByRole('row', { name: 'Modifica JR' });
    await userEvent.click(within(row).getByRole('button', { name: 'Rimuovi JR' }));
    await screen.findByText('JR è usato da 1 contatto e 1 segmento.\nRimuovere JR?', { normalizer: (s) => s });
    await userEvent.click(screen.getByText('No'));
    expect(await ws.salespeople.get('JR')).toBeDefined();
  });
});

describe('the card’s values checked at their fields, in the user’s words', () => {
  test('too long: the field’s caption and the limit, never a crash in a developer’s words', async () => {
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await screen.findByTestId('list-empty');
    await userEvent.click(screen.getByTestId('code-code'));
    await userEvent.paste('A'.repeat(26));
    await userEvent.click(screen.getByTestId('code-name'));
    await userEvent.paste('n'.repeat(300));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fieldMessage('code-code')).toBe('Code can have at most 20 characters; this has 26.'));
    expect(fieldMessage('code-name')).toBe('Name can have at most 100 characters; this has 300.');
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
    expect(await ws.salespeople.list()).toEqual([]);
    // Correcting a field takes its message away.
    await userEvent.type(screen.getByTestId('code-name'), 'x');
    expect(fieldMessage('code-name')).toBeFalsy();
  });

  test('in Italian: BC’s captions, the rule in Italian', async () => {
    renderInPane(<CodeListPage list="salespeople" />, ws, 'it');
    await screen.findByTestId('list-empty');
    await userEvent.click(screen.getByTestId('code-code'));
    await userEvent.paste('A'.repeat(25));
    await userEvent.type(screen.getByTestId('code-email'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() =>
      expect(fieldMessage('code-code')).toBe('Codice può contenere al massimo 20 caratteri; questo valore ne ha 25.'),
    );
    expect(fieldMessage('code-email')).toBe('E-mail non è un indirizzo e-mail valido.');
    expect(screen.queryByText(/Si è verificato un errore/)).toBeNull();
  });

  test('Interaction Templates: a negative unit cost, in Italian', async () => {
    renderInPane(<TemplatesPage />, ws, 'it');
    await screen.findByTestId('list-empty');
    await userEvent.type(screen.getByTestId('field-code'), 'T1');
    await userEvent.clear(screen.getByTestId('field-unitCost'));
    await userEvent.type(screen.getByTestId('field-unitCost'), '-5');
    await userEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(fieldMessage('field-unitCost')).toBe('Costo unitario (VL) non può essere negativo.'));
    expect(await ws.interactionTemplates.list()).toEqual([]);
  });
});

describe('Interaction Templates: numbers as the workspace locale writes them', () => {
  test('1,000 in an en-US workspace is a thousand, not 1', async () => {
    renderInPane(<TemplatesPage />, ws);
    await screen.findByTestId('list-empty');
    await userEvent.type(screen.getByTestId('field-code'), 'T1');
    await userEvent.clear(screen.getByTestId('field-unitCost'));
    await userEvent.type(screen.getByTestId('field-unitCost'), '1,000.50');
    await userEvent.clear(screen.getByTestId('field-unitDuration'));
    await userEvent.type(screen.getByTestId('field-unitDuration'), '1,5');
    await userEvent.click(screen.getByTestId('template-save'));
    // 1,5 is not how en-US writes a number: refused at its field, nothing saved.
    await waitFor(() => expect(fieldMessage('field-unitDuration')).toBeTruthy());
    expect(await ws.interactionTemplates.list()).toEqual([]);
    await userEvent.clear(screen.getByTestId('field-unitDuration'));
    await userEvent.type(screen.getByTestId('field-unitDuration'), '15');
    await userEvent.click(screen.getByTestId('template-save'));
    await waitFor(async () => expect((await ws.interactionTemplates.get('T1'))?.unitCost).toBe(1000.5));
    expect((await ws.interactionTemplates.get('T1'))?.unitDuration).toBe(15);
  });
});

describe('Interaction Templates: codes as in BC', () => {
  test('the first field is the required Code; codes in capitals; a group or language not in its list is refused', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws);
    await screen.findByRole('row', { name: 'Edit MEMO' });
    const code = screen.getByTestId('field-code');
    expect(code.closest('.fui-Field')?.querySelector('label')?.textContent).toMatch(/^Code/);
    expect((code as HTMLInputElement).required).toBe(true);
    await userEvent.type(code, 'tpl1');
    expect((code as HTMLInputElement).value).toBe('TPL1');
    await userEvent.type(screen.getByTestId('field-interactionGroupCode'), 'nosuch');
    await userEvent.tab();
    await screen.findByText('The Interaction Group Code NOSUCH does not exist.');
    await userEvent.type(screen.getByTestId('field-languageCodeDefault'), 'zzz');
    await userEvent.tab();
    await screen.findByText('The Language Code (Default) ZZZ does not exist.');
    await userEvent.click(screen.getByTestId('template-save'));
    expect(await ws.interactionTemplates.get('TPL1')).toBeUndefined();

    await userEvent.clear(screen.getByTestId('field-interactionGroupCode'));
    await userEvent.type(screen.getByTestId('field-interactionGroupCode'), 'letter');
    await userEvent.tab();
    await userEvent.clear(screen.getByTestId('field-languageCodeDefault'));
    await userEvent.type(screen.getByTestId('field-languageCodeDefault'), 'ita');
    await userEvent.tab();
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('Interaction template TPL1 was saved.');
    expect(await ws.interactionTemplates.get('TPL1')).toMatchObject({
      interactionGroupCode: 'LETTER',
      languageCodeDefault: 'ITA',
    });
  });

  test('in Italian the Code field says Codice', async () => {
    renderInPane(<TemplatesPage />, ws, 'it');
    await screen.findByTestId('list-empty');
    const label = screen.getByTestId('field-code').closest('.fui-Field')?.querySelector('label')?.textContent;
    expect(label).toMatch(/^Codice/);
  });
});

test('the code column is wide enough for a 10-character code in capitals', async () => {
  await seedMarket(ws);
  renderInPane(<CodeListPage list="industryGroups" />, ws, 'it');
  await screen.findByRole('row', { name: 'Modifica RETAIL' });
  const width = screen.getAllByRole('columnheader')[0].style.width;
  // "WHOLESALER" in 14 px capitals with the cell's padding: about 8 em; the pane's 320 px leave the rest.
  const declared = /^max\(([\d.]+)em,/.exec(width);
  expect(Number(declared?.[1])).toBeGreaterThanOrEqual(8.5);
});
