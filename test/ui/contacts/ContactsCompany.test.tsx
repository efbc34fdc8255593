// @vitest-environment jsdom
// The Contacts list's sub-line shows a person's company as the card does: the company's name when the
// Company No. is a company, else the number with what it is not.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
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
  // P950's company name was taken from a person (as the store did before it took only a company's).
  await ws.contacts.upsert([
    { no: 'P950', type: 'Person', name: 'Ann Linked', companyNo: 'P101', companyName: 'Anna Bianchi' },
    { no: 'P951', type: 'Person', name: 'Giulia Verdi', companyNo: 'C999' },
  ]);
});

// jsdom lays nothing out: the scroller is given the height a 320 × 800 pane gives it.
const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
beforeEach(() => Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 480 }));
afterEach(() => Object.defineProperty(Element.prototype, 'clientHeight', height));

const rowOf = async (no: string) => (await screen.findByRole('button', { name: `Contact ${no}` })).closest('tr')!;

describe('the Contacts list shows a person’s company as the card does', () => {
  test('in English, unfiltered and filtered (the companies are then not among the rows)', async () => {
    renderInPane(<ContactsPage navigate={() => undefined} />, ws);
    expect((await rowOf('P101')).textContent).toContain('Alfa Srl');
    expect((await rowOf('P950')).textContent).toContain('P101 (a person, not a company)');
    expect((await rowOf('P950')).textContent).not.toContain('Anna Bianchi');
    expect((await rowOf('P951')).textContent).toContain('C999 (no such company)');
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), '@*an*');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Contact C100' })).toBeNull());
    expect((await rowOf('P101')).textContent).toContain('Alfa Srl');
    expect((await rowOf('P950')).textContent).toContain('P101 (a person, not a company)');
  });

  test('in Italian', async () => {
    renderInPane(<ContactsPage navigate={() => undefined} />, ws, 'it');
    const row = async (no: string) =>
      (await screen.findByRole('button', { name: `Contatto ${no}` })).closest('tr')!.textContent;
    expect(await row('P950')).toContain('P101 (una persona, non una società)');
    expect(await row('P951')).toContain('C999 (nessuna società con questo numero)');
  });
});
