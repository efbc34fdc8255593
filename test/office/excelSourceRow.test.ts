import type { SegmentsError } from '../../src/domain/errors';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { ExcelMock } from './excelMock';
import { addContactSheet } from './sheetFixtures';

const ALL = { mergedAreas: true, specialCells: true };

describe('back to the sheet', () => {
  test("a contact's row is found by its key and selected, in three syncs plus the selection", async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 50);
    mock.addSheet('Other', [['x']]);
    mock.active = 'Other';
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const spy = vi.spyOn(mock.context, 'sync');
    const ok = await port.selectSourceRow({
      workbook: 'Contacts.xlsx',
      sheet: 'Contacts',
      rowKey: '["No.","CT000042"]',
    });
    expect(ok).toBe(true);
    expect(mock.active).toBe('Contacts');
    expect(mock.selected).toBe('Contacts!A43:L43');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  test('the key is searched in its own column only: a person whose Company No. equals a company No. on an earlier row is not selected', async () => {
    const mock = new ExcelMock();
    mock.addSheet('Contacts', [
      ['No.', 'Name', 'Company No.'],
      ['CT000010', 'Rossi Mario', 'CT000020'],
      ['CT000011', 'Bianchi Anna', 'CT000020'],
      ['CT000020', 'Rossi S.p.A.', ''],
    ]);
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const spy = vi.spyOn(mock.context, 'sync');
    expect(await port.selectSourceRow({ sheet: 'Contacts', rowKey: '["No.","CT000020"]' })).toBe(true);
    expect(mock.selected).toBe('Contacts!A4:C4');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  test('a key whose column is no longer in the sheet selects nothing', async () => {
    const mock = new ExcelMock();
    mock.addSheet('Contacts', [
      ['Name', 'Company No.'],
      ['Rossi Mario', 'CT000020'],
    ]);
    expect(
      await createExcelPort({ run: mock.run, supports: ALL }).selectSourceRow({
        sheet: 'Contacts',
        rowKey: '["No.","CT000020"]',
      }),
    ).toBe(false);
    expect(mock.selected).toBeUndefined();
  });

  test('a row found after the sheet was sorted: the key follows the contact, not the row number', async () => {
    const mock = new ExcelMock();
    const sheet = addContactSheet(mock, 10);
    sheet.cells.splice(1, 10, ...sheet.cells.slice(1, 11).reverse());
    const ok = await createExcelPort({ run: mock.run, supports: ALL }).selectSourceRow({
      sheet: 'Contacts',
      rowKey: '["No.","CT000002"]',
    });
    expect(ok).toBe(true);
    expect(mock.selected).toBe('Contacts!A10:L10');
  });

  test('a row keyed by its sheet row (no number in the sheet) is selected by that row', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 10);
    expect(
      await createExcelPort({ run: mock.run, supports: ALL }).selectSourceRow({
        sheet: 'Contacts',
        rowKey: '["#row","7"]',
      }),
    ).toBe(true);
    expect(mock.selected).toBe('Contacts!A7:L7');
  });

  test.each([
    ['the sheet is gone', { sheet: 'Gone', rowKey: '["No.","CT000002"]' }],
    ['the row is gone', { sheet: 'Contacts', rowKey: '["No.","CT999999"]' }],
    ['another workbook', { workbook: 'Other.xlsx', sheet: 'Contacts', rowKey: '["No.","CT000002"]' }],
    ['no key', { sheet: 'Contacts' }],
  ])('false when %s, and nothing is selected', async (_, source) => {
    const mock = new ExcelMock();
    addContactSheet(mock, 10);
    expect(await createExcelPort({ run: mock.run, supports: ALL }).selectSourceRow(source)).toBe(false);
    expect(mock.selected).toBeUndefined();
  });

  test('generated numbers go into the first free column right of the range, as text, by sheet row', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 6);
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const read = await port.read({ kind: 'selection' });
    const w = await port.writeContactNos(read.ref, 'No.', [
      { sheetRow: 3, no: '000123' },
      { sheetRow: 6, no: '=1+1' },
    ]);
    expect(w).toEqual({ column: 'M', syncs: 2 });
    expect(mock.cell('Contacts', 0, 12)).toMatchObject({ value: 'No.', format: '@' });
    expect(mock.cell('Contacts', 2, 12)).toMatchObject({ value: '000123', format: '@' });
    expect(mock.cell('Contacts', 5, 12)).toMatchObject({ value: '=1+1', format: '@' });
    expect(mock.cell('Contacts', 5, 12)?.formula).toBeUndefined();
    expect(mock.cell('Contacts', 3, 12)?.value).toBe('');
  });

  test('when the column right of the range is in use, a sheet column is inserted first', async () => {
    const mock = new ExcelMock();
    const sheet = addContactSheet(mock, 3);
    sheet.cells[1][12] = { value: 'keep me' };
    mock.selection = { sheet: 'Contacts', row: 0, column: 0, rowCount: 4, columnCount: 12 };
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const read = await port.read({ kind: 'selection' });
    await port.writeContactNos(read.ref, 'No.', [{ sheetRow: 2, no: 'N1' }]);
    expect(mock.cell('Contacts', 1, 12)?.value).toBe('N1');
    expect(mock.cell('Contacts', 1, 13)?.value).toBe('keep me');
  });
});

test('for a table, the numbers go into a new table column', async () => {
  const mock = new ExcelMock();
  addContactSheet(mock, 5);
  mock.tables.push({ name: 'Leads', sheet: 'Contacts', row: 0, column: 0, rowCount: 6, columnCount: 12 });
  const port = createExcelPort({ run: mock.run, supports: ALL });
  const read = await port.read({ kind: 'table', table: 'Leads' });
  const w = await port.writeContactNos(read.ref, 'No.', [{ sheetRow: 4, no: 'CT9' }]);
  expect(w.column).toBe('M');
  expect(mock.tables[0].columnCount).toBe(13);
  expect(mock.batches.some((b) => b.ops.some((o) => o.name === 'addTableColumn' && o.value === 'No.'))).toBe(true);
  expect(mock.cell('Contacts', 3, 12)).toMatchObject({ value: 'CT9', format: '@' });
});

describe('features this Excel lacks: refused before anything is sent, with what they need', () => {
  const refusal = async (p: Promise<unknown>) =>
    (await p.then(
      () => undefined,
      (e: unknown) => e,
    )) as SegmentsError;

  test('show in the sheet without ExcelApi 1.9', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 3);
    const port = createExcelPort({ run: mock.run, supports: { ...ALL, showInSheet: false } });
    const e = await refusal(port.selectSourceRow({ sheet: 'Contacts', rowKey: '["No.","CT000002"]' }));
    expect(e.details).toMatchObject({
      code: 'featureUnavailable',
      feature: 'excelShowInSheet',
      set: 'ExcelApi',
      version: '1.9',
    });
    expect(mock.syncCount).toBe(0);
  });

  test('export and writing numbers back without ExcelApi 1.7; reading says it too', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 3);
    const port = createExcelPort({ run: mock.run, supports: { ...ALL, core: false } });
    const e1 = await refusal(
      port.exportTable({ name: 'T', sheetName: 'T', columns: [{ header: 'No.', kind: 'text' }], rows: [['1']] }),
    );
    expect(e1.details).toMatchObject({ code: 'featureUnavailable', feature: 'excelCore', version: '1.7' });
    const e2 = await refusal(
      port.writeContactNos({ kind: 'selection', sheet: 'Contacts', address: 'Contacts!A1:L4' }, 'No.', [
        { sheetRow: 2, no: '1' },
      ]),
    );
    expect(e2.details).toMatchObject({ code: 'featureUnavailable', feature: 'excelCore' });
    expect(mock.syncCount).toBe(0);
  });

  test('the core still works where only the higher sets are missing: listing tables and reading', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 3);
    const port = createExcelPort({
      run: mock.run,
      supports: { mergedAreas: false, specialCells: false, showInSheet: false, dateSystem: false, core: true },
    });
    expect((await port.read({ kind: 'selection' })).values).toHaveLength(3);
    expect(await port.listTables()).toEqual([]);
  });
});
