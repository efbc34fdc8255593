// @vitest-environment jsdom
// The import page end to end: the real Excel adapter over the office-addin-mock workbook, the real
// workspace over fake-indexeddb.
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { prepareRowsInSteps } from '../../../src/domain/sheetImport';
import type * as SheetImport from '../../../src/domain/sheetImport';
import { createExcelPort } from '../../../src/office/excel/excelAdapter';
import { ExcelImportPage } from '../../../src/ui/import/ExcelImportPage';
import { excelMessages } from '../../../src/ui/import/messages';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { ExcelMock } from '../../office/excelMock';
import { makeWorkspace } from '../../store/helpers';
import '../setup'; // the one set-up of the pane's component tests (a real workspace's transactions take time)

// The preparation of the rows, watched: whether the import took the rows prepared while the sheet was read.
vi.mock('../../../src/domain/sheetImport', async (original) => {
  const m = await original<typeof SheetImport>();
  return { ...m, prepareRowsInSteps: vi.fn(m.prepareRowsInSteps) };
});
const prepared = vi.mocked(prepareRowsInSteps);

const catalogs = [...paneCatalogs, excelMessages];
let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let mock: ExcelMock;
const remembered = new Map<string, unknown>();
const mappings = {
  get: async (k: string) => remembered.get(k),
  set: async (k: string, v: unknown) => void remembered.set(k, v),
};

function renderPage(ui: ReactElement, language: 'en' | 'it' = 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={catalogs}>
        <ServicesProvider
          value={{ workspace: ws, host: 'Excel', preferences: { get: () => undefined, set: () => undefined } }}
        >
          {ui}
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

beforeEach(async () => {
  prepared.mockClear();
  ws = await makeWorkspace();
  remembered.clear();
  mock = new ExcelMock();
  const sheet = mock.addSheet('Leads', [
    ['Nr.', 'Nome', 'CAP', 'Città', 'Note'].map((v) => ({ value: v })),
    [
      { value: 'CT1' },
      { value: 'Rossi' },
      { value: 184, format: '00000', text: '00184' },
      { value: 'Roma' },
      { value: 'vip' },
    ],
    [{ value: 'CT2' }, { value: '#N/A', type: 'Error' }, { value: '20100' }, { value: 'Milano' }, { value: '' }],
    [{ value: '' }, { value: 'Senza numero' }, { value: '10100' }, { value: 'Torino' }, { value: '' }],
    [
      { value: 'CT1' },
      { value: 'Rossi Mario' },
      { value: 184, format: '00000', text: '00184' },
      { value: 'Roma' },
      { value: '' },
    ],
  ]);
  sheet.hiddenRows.add(3);
  mock.selection = { sheet: 'Leads', row: 0, column: 0, rowCount: 5, columnCount: 5 };
});
afterEach(() => {
  cleanup();
  ws.close();
});

describe('the Excel import page', () => {
  test('columns that can neither name a contact nor point at one: said at the mapping, and no import offered', async () => {
    mock.addSheet('Cities', [
      [{ value: 'Città' }, { value: 'Note' }],
      [{ value: 'Roma' }, { value: 'vip' }],
    ]);
    mock.selection = { sheet: 'Cities', row: 0, column: 0, rowCount: 2, columnCount: 2 };
    const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    renderPage(<ExcelImportPage workspace={ws} excel={excel} mappings={mappings} />);
    await userEvent.click(screen.getByRole('button', { name: 'Read the cells' }));
    expect((await screen.findByTestId('mapping-name')).getAttribute('data-intent')).toBe('error');
    expect((screen.getByRole('button', { name: 'Import 1 row' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('read, review the mapping, import with a report by sheet row, add to the segment, write numbers back', async () => {
    const seg = await ws.segments.create({ description: 'Fiera' });
    const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    renderPage(<ExcelImportPage workspace={ws} excel={excel} segmentNo={seg.no} mappings={mappings} />);
    const before = mock.syncCount;
    await userEvent.click(screen.getByRole('button', { name: 'Read the cells' }));
    // The user is told what was read, in their words; the round trips are counted here, not shown.
    expect((await screen.findByTestId('excel-read-summary')).textContent).toBe('4 rows read from Leads!A1:E5');
    expect(mock.syncCount - before).toBe(2);
    expect(screen.getByTestId('mapping-hint').textContent).toBe(
      'Check what each column fills before anything is written. Your choice is remembered for this sheet or table.',
    );
    // The user decides that "Note" is not imported.
    await userEvent.click(screen.getByRole('combobox', { name: 'Fills Note' }));
    await userEvent.click(await screen.findByRole('option', { name: '(not imported)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    const report = await screen.findByTestId('excel-import-report');
    expect(within(report).getByText(/2 new, 0 updated, 0 with warnings, 2 rows not imported\./)).toBeTruthy();
    const lines = within(screen.getByTestId('excel-problems'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'Row 2: contact CT1 appears again in row 5; row 5 wins. The row was not imported.',
      'Row 3, column B (Nome): the cell holds the Excel error #N/A. The row was not imported.',
      'Hidden rows, imported (1): 4.',
    ]);
    expect(await ws.contacts.get('CT1')).toMatchObject({ name: 'Rossi Mario', postCode: '00184', extra: {} });
    expect(remembered.get('sheet:Contacts.xlsx:Leads')).toMatchObject({ version: 1 });

    await userEvent.click(screen.getByRole('button', { name: 'Write the whole report to a new sheet' }));
    await waitFor(() =>
      expect(mock.cell('Import report', 1, 3)?.value).toBe(
        'Row 2: contact CT1 appears again in row 5; row 5 wins. The row was not imported.',
      ),
    );
    expect(mock.cell('Import report', 2, 0)?.value).toBe(3);
    expect(mock.cell('Import report', 2, 2)?.value).toBe('not imported');
    await userEvent.click(screen.getByRole('button', { name: /Add the 2 contacts to segment SEG00001/ }));
    await waitFor(async () =>
      expect((await ws.segments.get(seg.no))?.lines.map((l) => l.contactNo)).toEqual(['CT1', 'CT00001']),
    );
    // One number: the singular words (not "the 1 new numbers").
    await userEvent.click(screen.getByRole('button', { name: 'Write the new number into a new column of the sheet' }));
    expect(await screen.findByText('The numbers are in column F.')).toBeTruthy();
    expect(mock.cell('Leads', 0, 5)).toMatchObject({ value: 'No.', format: '@' });
    expect(mock.cell('Leads', 3, 5)).toMatchObject({ value: 'CT00001' });
  });

  /** Reads the sheet with a remembered mapping that sends Città to County. */
  async function readWithCittaAsCounty() {
    const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    remembered.set('sheet:Contacts.xlsx:Leads', {
      version: 1,
      columns: [{ header: 'Città', target: { kind: 'field', field: 'county' } }],
    });
    renderPage(<ExcelImportPage workspace={ws} excel={excel} mappings={mappings} />);
    await userEvent.click(screen.getByRole('button', { name: 'Read the cells' }));
    await screen.findByTestId('excel-read-summary');
  }

  test('an import with the mapping offered takes the rows prepared while the sheet was read', async () => {
    await readWithCittaAsCounty();
    await userEvent.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    await screen.findByTestId('excel-import-report');
    // Once, as the rows arrived (with the rows still to come), with the remembered mapping.
    expect(prepared).toHaveBeenCalledTimes(1);
    expect(prepared.mock.calls[0][6]).toBeDefined();
    expect(await ws.contacts.get('CT1')).toMatchObject({ county: 'Roma', city: '' });
  });

  test("a mapping changed after the read prepares the rows again, with the user's mapping", async () => {
    await readWithCittaAsCounty();
    await userEvent.click(screen.getByRole('combobox', { name: 'Fills Città' }));
    await userEvent.click(await screen.findByRole('option', { name: 'City' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    await screen.findByTestId('excel-import-report');
    expect(await ws.contacts.get('CT1')).toMatchObject({ city: 'Roma', county: '' });
    expect(prepared).toHaveBeenCalledTimes(2);
    expect(prepared.mock.calls[1][6]).toBeUndefined();
  });

  test('once the write has begun there is no Cancel: it writes, and the report follows', async () => {
    await readWithCittaAsCounty();
    let open!: () => void;
    let reached!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const hit = new Promise<void>((r) => (reached = r));
    const importRows = ws.contacts.importRows;
    ws.contacts.importRows = async (...args) => {
      reached();
      await opened;
      return importRows(...args);
    };
    await userEvent.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    await hit;
    expect((await screen.findByTestId('import-writing')).textContent).toContain('This can no longer be canceled.');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    ws.contacts.importRows = importRows;
    open();
    await screen.findByTestId('excel-import-report');
    expect(screen.queryByTestId('import-writing')).toBeNull();
  });

  test('the remembered mapping comes back for the same sheet', async () => {
    const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    remembered.set('sheet:Contacts.xlsx:Leads', {
      version: 1,
      columns: [{ header: 'Note', target: { kind: 'field', field: 'jobTitle' } }],
    });
    renderPage(<ExcelImportPage workspace={ws} excel={excel} mappings={mappings} />, 'it');
    await userEvent.click(screen.getByRole('button', { name: 'Leggi le celle' }));
    await screen.findByTestId('excel-read-summary');
    expect(screen.getByRole('combobox', { name: 'Riempie Note' }).textContent).toBe('Posizione');
  });

  test('a refusal of the sheet is said in words', async () => {
    mock.addSheet('Empty', []);
    mock.selection = { sheet: 'Empty', row: 0, column: 0, rowCount: 3, columnCount: 3 };
    const excel = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    renderPage(<ExcelImportPage workspace={ws} excel={excel} />);
    await userEvent.click(screen.getByRole('button', { name: 'Read the cells' }));
    expect((await screen.findByTestId('excel-error')).textContent).toBe(
      'The range is empty: select a header row and the rows below it.',
    );
  });

  test('outside Excel the page says so', () => {
    renderPage(<ExcelImportPage workspace={ws} excel={undefined} />);
    expect(screen.getByText(/Excel is not available here/)).toBeTruthy();
  });
});
