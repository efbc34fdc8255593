// @vitest-environment jsdom
// The criteria dialog with filters a user gets wrong or writes in Italian: the preview says why it has no
// result, options are read in the user's words, a column no contact has is named.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { CriteriaDialog } from '../../../src/ui/criteria/CriteriaDialog';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
  await ws.segments.create({ description: 'Spring mailing' });
});

async function open(language: 'en' | 'it' = 'en') {
  const header = (await ws.segments.get('SEG00001'))!.header;
  renderInPane(
    <CriteriaDialog
      header={header}
      kind="Add Contacts"
      onClose={() => undefined}
      onNavigate={() => undefined}
      previewDelay={0}
    />,
    ws,
    language,
  );
  return screen.getByRole('dialog');
}

const result = (dialog: HTMLElement) => within(dialog).getByTestId('criteria-preview-result').textContent;

describe('the criteria dialog with a filter it cannot use', () => {
  test('an invalid filter: the preview says it needs the filter corrected, not "Checking…" for ever', async () => {
    const dialog = await open();
    await userEvent.type(within(dialog).getByLabelText(/^Filter 1/), '(Roma');
    await within(dialog).findByText(/not valid at position/);
    const preview = within(dialog).getByTestId('criteria-preview');
    await waitFor(() => expect(preview.textContent).toMatch(/needs a valid filter/));
    expect(preview.textContent).not.toMatch(/Checking/);
    expect(within(dialog).getByTestId('criteria-run').hasAttribute('disabled')).toBe(true);
  });

  test('in Italian too', async () => {
    const dialog = await open('it');
    await userEvent.type(within(dialog).getByLabelText(/^Filtro 1/), '(Roma');
    const preview = within(dialog).getByTestId('criteria-preview');
    await waitFor(() => expect(preview.textContent).toMatch(/Impossibile calcolare l’anteprima/));
    expect(preview.textContent).not.toMatch(/Verifica…/);
  });

  test('in Italian, Type reads Società and Persona; a value that is no option names the options', async () => {
    const dialog = await open('it');
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Campo 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Tipo' }));
    const input = within(dialog).getByLabelText(/^Filtro 1/);
    await userEvent.type(input, 'Società');
    await waitFor(() => expect(result(dialog)).toBe('+2 / −0'));
    await userEvent.clear(input);
    await userEvent.type(input, 'persona');
    await waitFor(() => expect(result(dialog)).toBe('+4 / −0'));
    await userEvent.clear(input);
    await userEvent.type(input, 'Cliente');
    const message = await within(dialog).findByText(/non è un’opzione/);
    expect(message.textContent).toMatch(/"Cliente".*Società, Persona/);
  });

  test('an imported column no contact has is named, with the close one suggested', async () => {
    await ws.contacts.upsert([{ no: 'P101', extra: { City: 'Roma' } }]);
    const dialog = await open();
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Field 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^Column name/ }));
    await userEvent.type(within(dialog).getByLabelText('Column name'), 'Ctiy');
    await userEvent.type(within(dialog).getByLabelText(/^Filter 1/), 'Roma');
    const message = await within(dialog).findByText(/No contact has an imported column named "Ctiy"/);
    expect(message.textContent).toMatch(/Did you mean "City"\?/);
    expect(within(dialog).getByTestId('criteria-run').hasAttribute('disabled')).toBe(true);
  });

  // A CSV's Since column is stored as dates, its Score column as numbers (csvValues.ts).
  async function importedColumn(dialog: HTMLElement, header: string, expression: string, language: 'en' | 'it') {
    await ws.contacts.upsert([
      { no: 'P101', extra: { Since: '2026-02-02', Score: 31 } },
      { no: 'P102', extra: { Since: '2025-07-07', Score: 6 } },
    ]);
    await userEvent.click(within(dialog).getByRole('combobox', { name: language === 'en' ? /Field 1/ : /Campo 1/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: language === 'en' ? /^Column name/ : /^Nome colonna/ }),
    );
    await userEvent.type(within(dialog).getByLabelText(language === 'en' ? 'Column name' : 'Nome colonna'), header);
    await userEvent.type(within(dialog).getByLabelText(language === 'en' ? /^Filter 1/ : /^Filtro 1/), expression);
  }

  test('a value that is no date on an imported date column is named with its position, and Run stays off', async () => {
    const dialog = await open();
    await importedColumn(dialog, 'Since', '01/01/26..31/12/26', 'en');
    const message = await within(dialog).findByText(/expects a date/);
    expect(message.textContent).toBe(
      'The filter on Imported column: Since expects a date at position 11, not "31/12/26": write it as 1/31/2026, as 2026-01-31, as digits in that order without separators (the day alone, 4 digits with the month, 6 or 8 with the year), t for today or w for the work date.',
    );
    expect(within(dialog).getByTestId('criteria-run').hasAttribute('disabled')).toBe(true);
  });

  test('in Italian, text on an imported number column is named, with how a number is written', async () => {
    await ws.setup.update({ locale: 'it-IT' });
    const dialog = await open('it');
    await importedColumn(dialog, 'Score', 'abc', 'it');
    const message = await within(dialog).findByText(/richiede un numero/);
    expect(message.textContent).toBe(
      'Il filtro su Colonna importata: Score richiede un numero alla posizione 1, non "abc" (ad esempio 1.234,56).',
    );
    expect(within(dialog).getByTestId('criteria-run').hasAttribute('disabled')).toBe(true);
  });
});
