// @vitest-environment jsdom
// A filter typed on a row that does not say what it filters (an imported column without its name, no field) is
// never dropped in silence: the row says what is missing, the preview waits for it and Run adds nothing.
// An interaction log field, once chosen, is named with its group so it is not taken for the contact's own.
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

const preview = (dialog: HTMLElement) => within(dialog).getByTestId('criteria-preview');
const runOff = (dialog: HTMLElement) => within(dialog).getByTestId('criteria-run').hasAttribute('disabled');

describe('a filter on a row that does not say what it filters', () => {
  test('an imported column without its name: the row says the column name is missing, Run stays off', async () => {
    const dialog = await open();
    await waitFor(() => expect(within(dialog).getByTestId('criteria-preview-result').textContent).toBe('+6 / −0'));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Field 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^Column name/ }));
    await userEvent.type(within(dialog).getByLabelText(/^Filter 1/), 'XYZ');
    await within(dialog).findByText(/The column name is missing/);
    await waitFor(() => expect(preview(dialog).textContent).toMatch(/needs a valid filter/));
    expect(within(dialog).queryByTestId('criteria-preview-result')).toBeNull();
    expect(runOff(dialog)).toBe(true);
    // Run cannot add anything meanwhile.
    await userEvent.click(within(dialog).getByTestId('criteria-run'));
    expect((await ws.segments.get('SEG00001'))!.lines).toHaveLength(0);
    expect((await ws.segments.get('SEG00001'))!.header.noOfCriteriaActions).toBe(0);
  });

  test('a row switched to "Column name…" keeps its filter: it is not ignored, the name is asked for (Italian)', async () => {
    const dialog = await open('it');
    await userEvent.type(within(dialog).getByLabelText(/^Filtro 1/), 'Roma');
    await waitFor(() => expect(within(dialog).getByTestId('criteria-preview-result').textContent).toBe('+3 / −0'));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Campo 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^Nome colonna/ }));
    await within(dialog).findByText(/Manca il nome colonna/);
    await waitFor(() => expect(preview(dialog).textContent).toMatch(/Impossibile calcolare l’anteprima/));
    expect(runOff(dialog)).toBe(true);
    // Once named, the row is a filter again.
    await ws.contacts.upsert([{ no: 'P101', extra: { Zone: 'Roma' } }]);
    await userEvent.type(within(dialog).getByLabelText('Nome colonna'), 'Zone');
    await waitFor(() => expect(within(dialog).getByTestId('criteria-preview-result').textContent).toBe('+1 / −0'));
    expect(within(dialog).queryByText(/Manca il nome colonna/)).toBeNull();
    expect(runOff(dialog)).toBe(false);
  });

  test('a column name of spaces is no name either', async () => {
    const dialog = await open();
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Field 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^Column name/ }));
    await userEvent.type(within(dialog).getByLabelText('Column name'), '   ');
    await userEvent.type(within(dialog).getByLabelText(/^Filter 1/), 'XYZ');
    await within(dialog).findByText(/The column name is missing/);
    expect(runOff(dialog)).toBe(true);
  });

  test('a row without a filter is still ignored, whatever its field', async () => {
    const dialog = await open();
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Field 1/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^Column name/ }));
    await waitFor(() => expect(within(dialog).getByTestId('criteria-preview-result').textContent).toBe('+6 / −0'));
    expect(within(dialog).queryByText(/column name is missing/)).toBeNull();
    expect(runOff(dialog)).toBe(false);
  });
});

describe('an interaction log field once chosen', () => {
  test('is named with its group in the field box, apart from the contact’s own field', async () => {
    const dialog = await open('it');
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Campo 1/ }));
    const own = await screen.findByRole('group', { name: 'Campi contatto' });
    await userEvent.click(within(own).getByRole('option', { name: 'Cod. agente' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aggiungi filtro' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Campo 2/ }));
    const group = await screen.findByRole('group', { name: 'Movimenti log interazione' });
    await userEvent.click(within(group).getAllByRole('option', { name: /Cod. agente$/ })[0]);
    const boxes = within(dialog).getAllByRole('combobox');
    expect(boxes.map((b) => b.textContent)).toEqual(['Cod. agente', 'Movimenti log interazione: Cod. agente']);
  });
});
