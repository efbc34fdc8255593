// @vitest-environment jsdom
// The contact card, and the code lookups and contact search that replace free text.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CodeLookup } from '../../../src/ui/common/CodeLookup';
import { ContactCardPage } from '../../../src/ui/contacts/ContactCardPage';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { AddLine, matchContacts } from '../../../src/ui/segments/AddLine';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' });
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** A field the card edits: its input's value. */
const fieldValue = (name: string) => (screen.getByTestId(`field-${name}`) as HTMLInputElement).value;

/** The card's read-only fields, caption to value. */
const pairs = (card: HTMLElement): Record<string, string | null | undefined> =>
  Object.fromEntries(
    within(card)
      .getAllByRole('term')
      .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );

describe('the contact card', () => {
  test('a person: fields, company, profile, the segments it is on and its log entries', async () => {
    const h = await ws.segments.create({
      description: 'Autumn',
      interactionTemplateCode: 'MEMO',
      salespersonCode: 'JR',
    });
    await ws.segments.addContactList(h.no, ['P101']);
    await ws.segments.log(h.no);
    const open = await ws.segments.create({ description: 'Winter' });
    await ws.segments.addContactList(open.no, ['P101', 'P201']);
    const went: Route[] = [];
    renderInPane(<ContactCardPage no="P101" navigate={(r) => went.push(r)} />, ws);
    const card = await screen.findByTestId('contact-card');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('P101 · Anna Bianchi');
    expect(fieldValue('email')).toBe('anna@alfa.it');
    expect(card.textContent).toContain('XMAS');
    expect(card.textContent).toContain('PURCH');
    expect(screen.getByTestId('contact-segments').textContent).toContain('SEG00002 · Winter');
    expect(screen.getByTestId('contact-entries').textContent).toContain('MEMO');
    expect(pairs(card)).toMatchObject({ 'Company No.': 'C100', 'Company Name': 'C100 · Alfa Srl' });
    await userEvent.click(within(card).getByRole('button', { name: 'C100 · Alfa Srl' }));
    await userEvent.click(within(card).getByRole('button', { name: 'All entries of this contact' }));
    expect(went).toEqual([
      { page: 'contact', no: 'C100' },
      { page: 'interactionLog', filter: { contactNo: 'P101' } },
    ]);
  });

  test('a company lists its persons; an unknown number says so', async () => {
    // A company stored with another company's number as its Company No. is no person of that company.
    const beta = (await ws.contacts.get('C200'))!;
    await ws.ctx.db.contacts.put({ ...beta, companyNo: 'C100' });
    const { unmount } = renderInPane(<ContactCardPage no="C100" navigate={() => undefined} />, ws, 'it');
    await screen.findByTestId('contact-card');
    expect(screen.getByRole('heading', { name: 'Persone' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'P101 · Anna Bianchi' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'P102 · Marco Rossi' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'C200 · Beta SpA' })).toBeNull();
    unmount();
    renderInPane(<ContactCardPage no="NOPE" navigate={() => undefined} />, ws);
    expect((await screen.findByRole('alert')).textContent).toBe('Contact NOPE does not exist.');
  });
});

describe('a person’s company on the card', () => {
  beforeEach(async () => {
    // P950's company name was taken from a person (as the store did before it took only a company's).
    await ws.contacts.upsert([
      { no: 'P950', type: 'Person', name: 'Ann Linked', companyNo: 'P101', companyName: 'Anna Bianchi' },
      { no: 'P951', type: 'Person', name: 'Giulia Verdi', companyNo: 'C999' },
      { no: 'P952', type: 'Person', name: 'Gus Gamma', companyName: 'Gamma Ltd' },
    ]);
  });

  test('the Company No. is always shown; the company’s name only when that number is a company', async () => {
    const { unmount } = renderInPane(<ContactCardPage no="P950" navigate={() => undefined} />, ws);
    let card = await screen.findByTestId('contact-card');
    expect(pairs(card)).toMatchObject({
      'Company No.': 'P101',
      'Company Name': 'Contact P101 is a person, not a company.',
    });
    expect(card.textContent).not.toContain('Anna Bianchi');
    unmount();
    const second = renderInPane(<ContactCardPage no="P951" navigate={() => undefined} />, ws);
    card = await screen.findByTestId('contact-card');
    expect(pairs(card)).toMatchObject({
      'Company No.': 'C999',
      'Company Name': 'No company contact has the number C999.',
    });
    second.unmount();
    renderInPane(<ContactCardPage no="P952" navigate={() => undefined} />, ws);
    card = await screen.findByTestId('contact-card');
    expect(pairs(card)).toMatchObject({ 'Company Name': 'Gamma Ltd' });
    expect(pairs(card)['Company No.']).toBeUndefined();
  });

  test('in Italian', async () => {
    const { unmount } = renderInPane(<ContactCardPage no="P950" navigate={() => undefined} />, ws, 'it');
    let card = await screen.findByTestId('contact-card');
    expect(pairs(card)).toMatchObject({
      'Nr. società': 'P101',
      'Nome società': 'Il contatto P101 è una persona, non una società.',
    });
    unmount();
    renderInPane(<ContactCardPage no="P951" navigate={() => undefined} />, ws, 'it');
    card = await screen.findByTestId('contact-card');
    expect(pairs(card)).toMatchObject({
      'Nr. società': 'C999',
      'Nome società': 'Nessun contatto società ha il numero C999.',
    });
  });
});

describe('the contact card shows what was imported', () => {
  const long = 'Note del commerciale sul cliente, molto lunghe e senza spazi: '.repeat(3) + 'x'.repeat(80);
  beforeEach(async () => {
    await ws.contacts.upsert([
      {
        no: 'P900',
        type: 'Person',
        name: 'Giulia Neri',
        name2: 'Studio Neri',
        salutationCode: 'SIG.RA',
        county: 'MI',
        city: 'Milano',
        extra: {
          Fatturato: 1234567.5,
          'Ultimo ordine': '2024-03-15',
          Cliente: true,
          Ex: false,
          'Note commerciali del referente di zona': long,
          'Cliente dal': 2015,
        },
      },
      { no: 'P901', type: 'Person', name: 'Solo Nome' },
    ]);
  });

  test('in Italian: Nome 2, Provincia, Cod. formula di saluto and the imported columns in the user’s format', async () => {
    renderInPane(<ContactCardPage no="P900" navigate={() => undefined} />, ws, 'it');
    const card = await screen.findByTestId('contact-card');
    expect(within(card).getByRole('textbox', { name: 'Nome 2' })).toBe(screen.getByTestId('field-name2'));
    expect(within(card).getByRole('textbox', { name: 'Cod. formula di saluto' })).toBe(
      screen.getByTestId('field-salutationCode'),
    );
    expect(within(card).getByRole('textbox', { name: 'Provincia' })).toBe(screen.getByTestId('field-county'));
    expect([fieldValue('name2'), fieldValue('salutationCode'), fieldValue('county')]).toEqual([
      'Studio Neri',
      'SIG.RA',
      'MI',
    ]);
    expect(pairs(card)).toMatchObject({
      // Grouped as BC shows a number; four digits are not (a year 2015 stays 2015).
      Fatturato: '1.234.567,5',
      'Cliente dal': '2015',
      'Ultimo ordine': '15/03/2024',
      Cliente: 'Sì',
      Ex: 'No',
      'Note commerciali del referente di zona': long,
    });
    const imported = screen.getByRole('region', { name: 'Colonne importate' });
    expect(
      within(imported)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Fatturato', 'Ultimo ordine', 'Cliente', 'Ex', 'Note commerciali del referente di zona', 'Cliente dal']);
  });

  test('in English, and no Profile or Imported columns heading over nothing', async () => {
    const { unmount } = renderInPane(<ContactCardPage no="P900" navigate={() => undefined} />, ws);
    const card = await screen.findByTestId('contact-card');
    expect(within(card).getByRole('textbox', { name: 'Name 2' })).toBe(screen.getByTestId('field-name2'));
    expect(within(card).getByRole('textbox', { name: 'Salutation Code' })).toBe(
      screen.getByTestId('field-salutationCode'),
    );
    expect(within(card).getByRole('textbox', { name: 'County' })).toBe(screen.getByTestId('field-county'));
    expect([fieldValue('name2'), fieldValue('salutationCode'), fieldValue('county')]).toEqual([
      'Studio Neri',
      'SIG.RA',
      'MI',
    ]);
    expect(pairs(card)).toMatchObject({
      Fatturato: '1,234,567.5',
      'Cliente dal': '2015',
      'Ultimo ordine': '3/15/2024',
      Cliente: 'Yes',
      Ex: 'No',
    });
    expect(screen.getByRole('heading', { name: 'Imported columns' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Profile' })).toBeNull();
    unmount();
    renderInPane(<ContactCardPage no="P901" navigate={() => undefined} />, ws);
    await screen.findByTestId('contact-card');
    expect(screen.queryByRole('heading', { name: 'Profile' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Imported columns' })).toBeNull();
  });
});

describe('the code lookup', () => {
  test('filters as the user types, Enter picks, and an unknown code is refused at once with BC’s message', async () => {
    const committed = salespersonLookup(ws);
    const box = screen.getByTestId('sp');
    await userEvent.type(box, 'XX');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('The Salesperson Code XX does not exist.')).toBeTruthy();
    expect(committed).toEqual([]);
    await userEvent.clear(box);
    await userEvent.type(box, 'chiu'); // the description finds BD
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['BD · Benjamin Chiu']),
    );
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(committed).toEqual(['BD']));
    expect(screen.queryByText(/does not exist/)).toBeNull();
  });

  test('Enter pressed before the list has arrived picks the code once it arrives', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const salespeople = new Proxy(ws.salespeople, {
      get(target, key) {
        if (key === 'list')
          return async () => {
            await gate;
            return target.list();
          };
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const slow = new Proxy(ws, {
      get: (target, key) => (key === 'salespeople' ? salespeople : Reflect.get(target, key)),
    });
    const committed = salespersonLookup(slow);
    await userEvent.type(screen.getByTestId('sp'), 'bd{Enter}');
    expect(committed).toEqual([]);
    open();
    await waitFor(() => expect(committed).toEqual(['BD']));
    expect(screen.queryByText(/does not exist/)).toBeNull();
  });

  test('in Italian the refusal uses the field’s Italian caption', async () => {
    renderInPane(
      <CodeLookup label="Cod. agente" list="salespeople" value="JR" onCommit={() => undefined} testId="sp" />,
      ws,
      'it',
    );
    const box = screen.getByTestId('sp');
    await userEvent.clear(box);
    await userEvent.type(box, 'ZZ{Enter}');
    expect(await screen.findByText('Cod. agente ZZ non esiste.')).toBeTruthy();
  });
});

/** A Salesperson Code lookup on `workspace`; the codes it hands over. */
function salespersonLookup(workspace: typeof ws): string[] {
  const committed: string[] = [];
  renderInPane(
    <CodeLookup label="Salesperson Code" list="salespeople" value="" onCommit={(c) => committed.push(c)} testId="sp" />,
    workspace,
  );
  return committed;
}

describe('Add line', () => {
  test('searches contacts by number, name, company or e-mail', async () => {
    const contacts = await ws.contacts.list();
    expect(matchContacts(contacts, 'rossi').map((c) => c.no)).toEqual(['P102']);
    expect(
      matchContacts(contacts, 'beta')
        .map((c) => c.no)
        .sort(),
    ).toEqual(['C200', 'P201']);
    expect(matchContacts(contacts, 'anna@').map((c) => c.no)).toEqual(['P101']);
    const added: string[] = [];
    renderInPane(<AddLine contacts={contacts} onAdd={async (no) => (added.push(no), true)} />, ws);
    const box = screen.getByTestId('add-line-contact');
    await userEvent.type(box, 'ROSSI{Enter}');
    await waitFor(() => expect(added).toEqual(['P102']));
    await userEvent.type(box, 'nobody{Enter}');
    expect(await screen.findByText('No contact matches "nobody".')).toBeTruthy();
    expect(added).toEqual(['P102']);
  });
});

describe('the Territories page, a code list like the others (Code and Name)', () => {
  test('a territory is added with its code and name, and listed', async () => {
    renderInPane(<CodeListPage list="territories" />, ws);
    await userEvent.type(await screen.findByTestId('code-code'), 'nord');
    await userEvent.type(screen.getByTestId('code-name'), 'Nord Italia');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await ws.territories.get('NORD')).toMatchObject({ name: 'Nord Italia' }));
    expect(await screen.findByText('Nord Italia')).toBeTruthy();
  });

  test('in Italian: a code longer than 10 characters is refused, saying why', async () => {
    renderInPane(<CodeListPage list="territories" />, ws, 'it');
    await userEvent.type(await screen.findByTestId('code-code'), 'SETTENTRIONE');
    await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
    expect(await screen.findByText(/10/)).toBeTruthy();
    expect(await ws.territories.list()).toEqual([]);
  });
});
