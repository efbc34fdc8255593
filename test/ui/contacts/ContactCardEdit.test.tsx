// @vitest-environment jsdom
// The contact card as BC's editable Contact Card: each field writes only itself when it loses focus or on
// Enter, a refused value is said at its field and not written, codes show their descriptions, and the
// contact's mailing groups (and a company's industry groups, a person's job responsibilities) are added
// and removed one at a time.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ContactCardPage } from '../../../src/ui/contacts/ContactCardPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
});

/**
 * The workspace with its contacts' upsert recorded: the rows each call hands over. `meanwhile` runs just
 * before each of them is written (a colleague's change arriving between the card's read and its write).
 */
function recording(meanwhile?: () => Promise<unknown>) {
  const written: unknown[][] = [];
  const contacts = new Proxy(ws.contacts, {
    get(target, key) {
      if (key === 'upsert')
        return async (rows: unknown[]) => {
          written.push(rows);
          await meanwhile?.();
          return target.upsert(rows);
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const workspace = new Proxy(ws, {
    get: (target, key) => (key === 'contacts' ? contacts : Reflect.get(target, key)),
  });
  return { workspace, written };
}

async function openCard(no: string, workspace: typeof ws = ws, language: 'en' | 'it' = 'en') {
  renderInPane(<ContactCardPage no={no} navigate={() => undefined} />, workspace, language);
  return screen.findByTestId('contact-card');
}

const input = (name: string) => screen.getByTestId(`field-${name}`) as HTMLInputElement;
/** The block of the card that holds a field: its input, its description and its message. */
const fieldBlock = (name: string) => input(name).closest<HTMLElement>('[data-field]')!;

describe('editing the contact card', () => {
  test('a missing e-mail is set and stored: only that field is written, a colleague’s change meanwhile is kept', async () => {
    const { workspace, written } = recording(() => ws.contacts.upsert([{ no: 'P102', city: 'Napoli' }]));
    await openCard('P102', workspace);
    expect(input('email').value).toBe('');
    await userEvent.type(input('email'), 'marco@alfa.it{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.email).toBe('marco@alfa.it'));
    expect(written).toEqual([[{ no: 'P102', email: 'marco@alfa.it' }]]);
    const stored = (await ws.contacts.get('P102'))!;
    expect(stored).toMatchObject({
      name: 'Marco Rossi',
      city: 'Napoli',
      companyNo: 'C100',
      correspondenceType: 'Email',
    });
    // The card shows what is stored, the colleague's city too.
    await waitFor(() => expect(input('city').value).toBe('Napoli'));
  });

  test('a field hands its value over when it loses focus', async () => {
    await openCard('P102');
    await userEvent.type(input('phoneNo'), '+39 06 123456');
    await userEvent.tab();
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.phoneNo).toBe('+39 06 123456'));
  });

  test('a bad e-mail or a too-long name is refused at its field, and nothing is written', async () => {
    const { workspace, written } = recording();
    await openCard('P102', workspace);
    await userEvent.type(input('email'), 'marco@{Enter}');
    expect(within(fieldBlock('email')).getByRole('alert').textContent).toBe('Email is not a valid e-mail address.');
    await userEvent.clear(input('name'));
    await userEvent.click(input('name'));
    await userEvent.paste('N'.repeat(101));
    await userEvent.keyboard('{Enter}');
    expect(within(fieldBlock('name')).getByRole('alert').textContent).toBe(
      'Name can have at most 100 characters; this has 101.',
    );
    expect(written).toEqual([]);
    expect(await ws.contacts.get('P102')).toMatchObject({ email: '', name: 'Marco Rossi' });
    // Corrected, it is written and the message goes.
    await userEvent.clear(input('email'));
    await userEvent.type(input('email'), 'marco@alfa.it{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.email).toBe('marco@alfa.it'));
    expect(within(fieldBlock('email')).queryByRole('alert')).toBeNull();
  });

  test('the Salesperson Code lookup refuses a code not in the list; a listed one is stored with its name beside it', async () => {
    const { workspace, written } = recording();
    await openCard('P102', workspace);
    await userEvent.type(input('salespersonCode'), 'ZZ{Enter}');
    expect(
      await within(fieldBlock('salespersonCode')).findByText('The Salesperson Code ZZ does not exist.'),
    ).toBeTruthy();
    expect(written).toEqual([]);
    await userEvent.clear(input('salespersonCode'));
    await userEvent.type(input('salespersonCode'), 'bd{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.salespersonCode).toBe('BD'));
    expect(written).toEqual([[{ no: 'P102', salespersonCode: 'BD' }]]);
    await waitFor(() => expect(screen.getByTestId('description-salespersonCode').textContent).toBe('Benjamin Chiu'));
  });

  test('codes show their descriptions: salesperson, language, country, groups', async () => {
    await ws.contacts.upsert([{ no: 'P101', countryRegionCode: 'IT', salespersonCode: 'JR' }]);
    await openCard('P101');
    await waitFor(() => expect(screen.getByTestId('description-salespersonCode').textContent).toBe('John Roberts'));
    await waitFor(() => expect(screen.getByTestId('description-languageCode').textContent).toBe('Italiano'));
    expect(screen.getByTestId('description-countryRegionCode').textContent).toBe('Italy');
    const groups = screen.getByRole('region', { name: 'Mailing Groups' });
    await waitFor(() => expect(within(groups).getByRole('listitem').textContent).toContain('XMAS · Christmas card'));
    const jobs = screen.getByRole('region', { name: 'Job Responsibilities' });
    await waitFor(() => expect(within(jobs).getByRole('listitem').textContent).toContain('PURCH · Purchasing'));
  });

  test('Post Code, Country/Region Code and Salutation Code are codes: stored in capitals', async () => {
    await openCard('P102');
    await userEvent.type(input('countryRegionCode'), 'it{Enter}');
    await userEvent.type(input('salutationCode'), 'sig{Enter}');
    await waitFor(async () =>
      expect(await ws.contacts.get('P102')).toMatchObject({ countryRegionCode: 'IT', salutationCode: 'SIG' }),
    );
    await waitFor(() => expect(input('countryRegionCode').value).toBe('IT'));
  });

  test('Exclude from Segment toggles', async () => {
    await openCard('P102');
    const box = screen.getByRole('checkbox', { name: 'Exclude from Segment' });
    await userEvent.click(box);
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.excludeFromSegment).toBe(true));
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    await userEvent.click(box);
    await waitFor(async () => expect((await ws.contacts.get('P102'))?.excludeFromSegment).toBe(false));
  });

  test('Correspondence Type is chosen from BC’s options', async () => {
    await openCard('P101');
    await userEvent.click(screen.getByRole('combobox', { name: 'Correspondence Type' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Hard Copy' }));
    await waitFor(async () => expect((await ws.contacts.get('P101'))?.correspondenceType).toBe('Hard Copy'));
  });

  test('No., Type and a person’s Company No. stay read-only', async () => {
    const card = await openCard('P101');
    expect(screen.queryByTestId('field-no')).toBeNull();
    expect(screen.queryByTestId('field-type')).toBeNull();
    expect(screen.queryByTestId('field-companyNo')).toBeNull();
    const terms = within(card)
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    expect(terms).toEqual(expect.arrayContaining(['No.', 'Type', 'Company No.']));
  });
});

describe('the contact’s mailing groups', () => {
  test('one is added through a lookup of Mailing Groups and one removed, each a write of its own', async () => {
    const { workspace, written } = recording();
    await openCard('P101', workspace);
    const groups = screen.getByRole('region', { name: 'Mailing Groups' });
    const add = within(groups).getByRole('combobox', { name: 'Mailing Group Code' });
    await userEvent.type(add, 'ZZ{Enter}');
    expect(await within(groups).findByText('The Mailing Group Code ZZ does not exist.')).toBeTruthy();
    expect(written).toEqual([]);
    await userEvent.clear(add);
    await userEvent.type(add, 'NEWS{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('P101'))?.mailingGroups).toEqual(['XMAS', 'NEWS']));
    await waitFor(() =>
      expect(
        within(groups)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['XMAS · Christmas card', 'NEWS · Newsletter']),
    );
    await userEvent.click(within(groups).getByRole('button', { name: 'Remove XMAS' }));
    await waitFor(async () => expect((await ws.contacts.get('P101'))?.mailingGroups).toEqual(['NEWS']));
    expect(written).toEqual([
      [{ no: 'P101', mailingGroups: ['XMAS', 'NEWS'] }],
      [{ no: 'P101', mailingGroups: ['NEWS'] }],
    ]);
  });

  test('a group the contact already has is said, not added twice', async () => {
    const { workspace, written } = recording();
    await openCard('P101', workspace);
    const groups = screen.getByRole('region', { name: 'Mailing Groups' });
    await userEvent.type(within(groups).getByRole('combobox', { name: 'Mailing Group Code' }), 'XMAS{Enter}');
    expect((await within(groups).findByRole('alert')).textContent).toBe(
      'Contact P101 already has XMAS in Mailing Groups.',
    );
    expect(written).toEqual([]);
  });

  test('a group a colleague added after the card opened stays when another is removed', async () => {
    await ws.mailingGroups.upsert([{ code: 'GALA', description: 'Gala dinner' }]);
    await openCard('P201');
    const groups = screen.getByRole('region', { name: 'Mailing Groups' });
    await within(groups).findByRole('button', { name: 'Remove NEWS' });
    await ws.contacts.upsert([{ no: 'P201', mailingGroups: ['XMAS', 'NEWS', 'GALA'] }]);
    await within(groups).findByRole('button', { name: 'Remove GALA' });
    await userEvent.click(within(groups).getByRole('button', { name: 'Remove NEWS' }));
    await waitFor(async () => expect((await ws.contacts.get('P201'))?.mailingGroups).toEqual(['XMAS', 'GALA']));
  });

  test('a company’s industry groups and business relations, a person’s job responsibilities, as BC has them', async () => {
    await openCard('C200');
    const industry = screen.getByRole('region', { name: 'Industry Groups' });
    await userEvent.type(within(industry).getByRole('combobox', { name: 'Industry Group Code' }), 'RETAIL{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('C200'))?.industryGroups).toEqual(['RETAIL']));
    const relations = screen.getByRole('region', { name: 'Business Relations' });
    await userEvent.type(within(relations).getByRole('combobox', { name: 'Business Relation Code' }), 'CUST{Enter}');
    await waitFor(async () => expect((await ws.contacts.get('C200'))?.businessRelations).toEqual(['CUST']));
    // A company has no job responsibilities, a person no industry groups or business relations.
    expect(screen.queryByRole('combobox', { name: 'Job Responsibility Code' })).toBeNull();
    cleanup();
    await openCard('P102');
    expect(screen.getByRole('combobox', { name: 'Job Responsibility Code' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Industry Group Code' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Business Relation Code' })).toBeNull();
  });
});

describe('the editable card in Italian', () => {
  test('BC’s Italian captions, and a refusal in Italian', async () => {
    await openCard('P102', ws, 'it');
    for (const [name, caption] of [
      ['name', 'Nome'],
      ['email', 'E-mail'],
      ['phoneNo', 'Nr. telefono'],
      ['city', 'Città'],
      ['postCode', 'CAP'],
      ['countryRegionCode', 'Cod. paese/area'],
      ['salespersonCode', 'Cod. agente'],
      ['territoryCode', 'Cod. zona'],
      ['languageCode', 'Codice lingua'],
    ])
      expect(within(fieldBlock(name)).getByText(caption)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Escludi da segmento' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Tipo di corrispondenza' })).toBeTruthy();
    const groups = screen.getByRole('region', { name: 'Gruppi mailing' });
    expect(within(groups).getByRole('combobox', { name: 'Cod. gruppo mailing' })).toBeTruthy();
    await userEvent.type(input('email'), 'marco@{Enter}');
    expect(within(fieldBlock('email')).getByRole('alert').textContent).toBe('E-mail non è un indirizzo e-mail valido.');
    await userEvent.type(within(groups).getByRole('combobox', { name: 'Cod. gruppo mailing' }), 'ZZ{Enter}');
    expect(await within(groups).findByText('Cod. gruppo mailing ZZ non esiste.')).toBeTruthy();
    expect(await ws.contacts.get('P102')).toMatchObject({ email: '', mailingGroups: [] });
  });

  test('a group already there, in Italian', async () => {
    await openCard('P101', ws, 'it');
    const groups = screen.getByRole('region', { name: 'Gruppi mailing' });
    await userEvent.type(within(groups).getByRole('combobox', { name: 'Cod. gruppo mailing' }), 'XMAS{Enter}');
    expect((await within(groups).findByRole('alert')).textContent).toBe(
      'Il contatto P101 ha già XMAS in Gruppi mailing.',
    );
  });
});
