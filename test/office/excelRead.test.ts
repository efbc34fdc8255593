import { suggestMapping } from '../../src/domain/columnMapping';
import { extraOfCell } from '../../src/domain/sheetCells';
import { prepareRows } from '../../src/domain/sheetImport';
import { SegmentsError } from '../../src/domain/errors';
import { PAYLOAD_CAP } from '../../src/domain/ports/excelPort';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { BLOCK_CELLS, MAX_CELL_BLOCKS, blockRows } from '../../src/office/excel/readRange';
import { ExcelMock, HOST_LIMIT } from './excelMock';
import { HEADERS, addContactSheet, contactCells } from './sheetFixtures';

const ALL = { mergedAreas: true, specialCells: true };

function setup(rows: number) {
  const mock = new ExcelMock();
  addContactSheet(mock, rows);
  const port = createExcelPort({ run: mock.run, supports: ALL });
  const sync = vi.spyOn(mock.context, 'sync');
  return { mock, port, sync };
}

describe('reading a selection of 100,000 rows × 12 columns', () => {
  const R = 100_000;
  let result: Awaited<ReturnType<ReturnType<typeof createExcelPort>['read']>>;
  let mock: ExcelMock;
  let syncSpy: ReturnType<typeof vi.spyOn>;
  /** Rows read after each block (the header row counted), as the progress reports them. */
  const rowsAfter: number[] = [];

  beforeAll(async () => {
    const s = setup(R);
    mock = s.mock;
    syncSpy = s.sync;
    result = await s.port.read({ kind: 'selection' }, { onProgress: (p) => rowsAfter.push(p.rowsRead + 1) });
  }, 120_000);

  test('takes at most 30 syncs, counted by the spy on context.sync', () => {
    expect(syncSpy).toHaveBeenCalledTimes(result.syncs);
    expect(result.syncs).toBeLessThanOrEqual(30);
    expect(result.syncs).toBeGreaterThan(2); // 100,000 rows do not fit one response: blocks were needed
  });

  test('each block asks for at most 45,000 cells (3,750 rows of 12), so the host answers each sync quickly', () => {
    const blocks = rowsAfter.map((n, i) => n - (i === 0 ? 0 : rowsAfter[i - 1]));
    expect(rowsAfter.at(-1)).toBe(R + 1);
    expect(blocks).toHaveLength(result.syncs - 1); // one sync locates the range, then one per block
    expect(Math.max(...blocks) * 12).toBeLessThanOrEqual(BLOCK_CELLS);
    // All but the first (sized from a guess of the bytes) and the last (the rest) are that size.
    expect(blocks.slice(1, -1).every((n) => n === 3_750)).toBe(true);
    expect(result.syncs).toBe(28);
  });

  test('no request or response carries more than 4 MB, and none was refused', () => {
    const max = Math.max(...mock.batches.map((b) => Math.max(b.requestBytes, b.responseBytes)));
    expect(max).toBeLessThanOrEqual(PAYLOAD_CAP);
    expect(mock.batches.filter((b) => b.refused)).toEqual([]);
  });

  test('every value arrives: header, row numbers, values, displayed text, formats', () => {
    expect(result.header).toEqual(HEADERS);
    expect(result.rowNumbers).toHaveLength(R);
    expect(result.rowNumbers[0]).toBe(2);
    expect(result.rowNumbers[R - 1]).toBe(R + 1);
    for (const i of [1, 2, 4999, 5000, 5001, 31_337, 77_777, R]) {
      const expected = contactCells(i);
      expect(result.values[i - 1]).toEqual(expected.map((c) => c.value));
      expect(result.text[i - 1][4]).toBe(String(i % 100000).padStart(5, '0'));
      expect(result.numberFormat![i - 1][4]).toBe('00000');
    }
    let mismatches = 0;
    for (let i = 1; i <= R; i++) if (result.values[i - 1][0] !== `CT${String(i).padStart(6, '0')}`) mismatches++;
    expect(mismatches).toBe(0);
    expect(result.valueTypes![10][10]).toBe('Boolean');
    expect(result.ref).toMatchObject({
      kind: 'selection',
      sheet: 'Contacts',
      workbook: 'Contacts.xlsx',
      address: 'Contacts!A1:L100001',
    });
  });
});

describe('rows per block, from the cells', () => {
  test('45,000 cells a block, whatever the width; at least one row', () => {
    expect(BLOCK_CELLS).toBe(45_000);
    expect(blockRows(100_001, 12)).toBe(3_750);
    expect(blockRows(10_001, 1)).toBe(45_000);
    expect(blockRows(10_001, 100)).toBe(450);
    expect(blockRows(20, 16_384)).toBe(2); // Excel's widest rows: two a block
    expect(blockRows(20, 60_000)).toBe(1); // a row wider than a block is still read, one row at a time
  });

  test('a range larger than 29 blocks of 45,000 cells takes larger blocks, not more round trips', () => {
    expect(MAX_CELL_BLOCKS).toBe(29);
    expect(blockRows(1_000_000, 5)).toBe(Math.ceil(1_000_000 / 29));
    for (const [rows, columns] of [
      [100_001, 12],
      [400_000, 12],
      [1_048_576, 4],
      [50_000, 100],
    ])
      expect(Math.ceil(rows / blockRows(rows, columns))).toBeLessThanOrEqual(29);
  });
});

describe('blocks sized by their bytes alone (blockCells: Infinity, as before the cell limit)', () => {
  test('30,000 rows: after the first block, blocks grow past 3,750 rows up to the 4 MB cap', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 30_000);
    const rowsAfter: number[] = [];
    const r = await createExcelPort({ run: mock.run, supports: ALL, blockCells: Infinity }).read(
      { kind: 'selection' },
      { onProgress: (p) => rowsAfter.push(p.rowsRead + 1) },
    );
    const blocks = rowsAfter.map((n, i) => n - (i === 0 ? 0 : rowsAfter[i - 1]));
    expect(r.values).toHaveLength(30_000);
    expect(blocks[1]).toBeGreaterThan(3_750);
    expect(Math.max(...mock.batches.map((b) => b.responseBytes))).toBeLessThanOrEqual(PAYLOAD_CAP);
    expect(r.syncs).toBeLessThan(1 + Math.ceil(30_001 / 3_750));
  });
});

describe('reading 10,000 rows', () => {
  test('takes few syncs', async () => {
    const { port, sync } = setup(10_000);
    const r = await port.read({ kind: 'selection' });
    expect(r.values).toHaveLength(10_000);
    expect(sync).toHaveBeenCalledTimes(r.syncs);
    expect(r.syncs).toBeLessThanOrEqual(5);
  });
});

describe('blocks shrink for big cells', () => {
  test('20,000-character cells: blocks the host refuses are split and retried; every value arrives', async () => {
    const mock = new ExcelMock();
    const big = (i: number, j: number) => `${i}:${j}:`.padEnd(20_000, String.fromCharCode(97 + ((i + j) % 26)));
    addContactSheet(mock, 120, 'Contacts', (i) => HEADERS.map((_, j) => ({ value: big(i, j) })));
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const sync = vi.spyOn(mock.context, 'sync');
    const r = await port.read({ kind: 'selection' });
    expect(sync).toHaveBeenCalledTimes(r.syncs);
    expect(mock.batches.some((b) => b.refused === 'response')).toBe(true);
    const accepted = mock.batches.filter((b) => !b.refused);
    expect(Math.max(...accepted.map((b) => b.responseBytes))).toBeLessThanOrEqual(HOST_LIMIT);
    expect(r.values).toHaveLength(120);
    for (let i = 1; i <= 120; i++) expect(r.values[i - 1][11]).toBe(big(i, 11));
    // After the first refusals, blocks are sized from the bytes measured: later ones are not refused.
    const lastRefused = mock.batches.map((b) => Boolean(b.refused)).lastIndexOf(true);
    expect(mock.batches.slice(lastRefused + 1).length).toBeGreaterThan(3);
    expect(mock.batches.slice(lastRefused + 1).every((b) => !b.refused)).toBe(true);
    expect(Math.max(...mock.batches.slice(lastRefused + 1).map((b) => b.responseBytes))).toBeLessThanOrEqual(
      PAYLOAD_CAP,
    );
  });
});

describe('sources and refusals', () => {
  test('a table: its header and body, without the totals row', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 30);
    mock.tables.push({
      name: 'Leads',
      sheet: 'Contacts',
      row: 0,
      column: 0,
      rowCount: 21,
      columnCount: 12,
      showTotals: true,
    });
    const r = await createExcelPort({ run: mock.run, supports: ALL }).read({ kind: 'table', table: 'Leads' });
    expect(r.ref).toMatchObject({ kind: 'table', table: 'Leads', sheet: 'Contacts', address: 'Contacts!A1:L20' });
    expect(r.values).toHaveLength(19);
    expect(mock.syncCount).toBe(2);
  });

  test('a table that is gone is a clear NOT_FOUND', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 3);
    const err = await createExcelPort({ run: mock.run, supports: ALL })
      .read({ kind: 'table', table: 'Nope' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SegmentsError);
    expect((err as SegmentsError).details.code).toBe('tableNotFound');
  });

  test('the used range of a named sheet', async () => {
    const mock = new ExcelMock();
    const sheet = addContactSheet(mock, 5, 'Leads');
    sheet.cells.unshift([], []); // the list starts on row 3
    const r = await createExcelPort({ run: mock.run, supports: ALL }).read({ kind: 'usedRange', sheet: 'Leads' });
    expect(r.headerRow).toBe(3);
    expect(r.rowNumbers).toEqual([4, 5, 6, 7, 8]);
  });

  test('a whole-column selection is clipped to the used cells', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 10);
    mock.selection = { sheet: 'Contacts', row: 0, column: 0, rowCount: 1_048_576, columnCount: 3 };
    const r = await createExcelPort({ run: mock.run, supports: ALL }).read({ kind: 'selection' });
    expect(r.values).toHaveLength(10);
    expect(r.header).toEqual(HEADERS.slice(0, 3));
  });

  test('more than 5,000,000 cells are refused after one sync, before any cell is sent', async () => {
    const mock = new ExcelMock();
    const sheet = mock.addSheet('Big', [['a']]);
    sheet.cells[499_999] = [];
    sheet.cells[499_999][10] = { value: 'z' }; // used range A1:K500000 = 5,500,000 cells
    mock.selection = { sheet: 'Big', row: 0, column: 0, rowCount: 500_000, columnCount: 11 };
    const err = await createExcelPort({ run: mock.run, supports: ALL })
      .read({ kind: 'selection' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SegmentsError);
    expect((err as SegmentsError).details).toMatchObject({ code: 'tooManyCells', cells: 5_500_000, max: 5_000_000 });
    expect((err as Error).message).toContain('5500000 cells');
    expect(mock.syncCount).toBe(1);
    expect(mock.batches[0].responseBytes).toBeLessThan(1000);
  });

  test('an empty selection is refused with a clear message', async () => {
    const mock = new ExcelMock();
    mock.addSheet('Empty', []);
    mock.selection = { sheet: 'Empty', row: 0, column: 0, rowCount: 10, columnCount: 3 };
    const err = await createExcelPort({ run: mock.run, supports: ALL })
      .read({ kind: 'selection' })
      .catch((e: unknown) => e);
    expect((err as SegmentsError).details.code).toBe('emptyRange');
  });

  test('hidden rows and merged cells come back with the cells, in the first block', async () => {
    const mock = new ExcelMock();
    const sheet = addContactSheet(mock, 20);
    sheet.hiddenRows = new Set([4, 5, 6, 15]); // 0-based: sheet rows 5–7 and 16
    sheet.merged.push({ row: 8, column: 5, rowCount: 3, columnCount: 1 });
    const r = await createExcelPort({ run: mock.run, supports: ALL }).read({ kind: 'selection' });
    expect(r.hiddenRows).toEqual([5, 6, 7, 16]);
    expect(r.mergedAreas).toEqual([{ row: 9, column: 5, rowCount: 3, columnCount: 1 }]);
    expect(mock.syncCount).toBe(2);
  });

  test('without ExcelApi 1.9/1.13 the read still works, without hidden and merged information', async () => {
    const mock = new ExcelMock();
    const sheet = addContactSheet(mock, 20);
    sheet.hiddenRows = new Set([4]);
    const r = await createExcelPort({ run: mock.run, supports: { mergedAreas: false, specialCells: false } }).read({
      kind: 'selection',
    });
    expect(r.hiddenRows).toEqual([]);
    expect(r.values).toHaveLength(20);
  });
});

test('an Excel without ExcelApi 1.7 is told so before anything is sent', async () => {
  const mock = new ExcelMock();
  addContactSheet(mock, 3);
  const err = await createExcelPort({ run: mock.run, supports: { ...ALL, core: false } })
    .read({ kind: 'selection' })
    .catch((e: unknown) => e);
  expect((err as SegmentsError).details.code).toBe('excelTooOld');
  expect(mock.syncCount).toBe(0);
});

test('a read aborted between blocks stops there: no further sync', async () => {
  const mock = new ExcelMock();
  addContactSheet(mock, 20_000);
  const stop = new AbortController();
  const port = createExcelPort({ run: mock.run, supports: ALL });
  const err = await port
    .read({ kind: 'selection' }, { signal: stop.signal, onProgress: () => stop.abort() })
    .catch((e: unknown) => e);
  expect((err as Error).name).toBe('AbortError');
  expect(mock.syncCount).toBe(2); // where the cells are, then the first block
});

describe('older Excel and the 1904 date system', () => {
  const dated = (mock: ExcelMock) =>
    mock.addSheet('Contacts', [
      ['No.', 'Name', 'Date of Birth'],
      ['CT000001', 'Rossi Mario', { value: 44591, format: 'dd/mm/yyyy', text: '31/01/2026' }],
    ]);

  test('a workbook in the 1904 date system: its serial dates are read as the dates the sheet shows', async () => {
    const mock = new ExcelMock();
    dated(mock);
    mock.setDate1904(true);
    mock.selection = { sheet: 'Contacts', row: 0, column: 0, rowCount: 2, columnCount: 3 };
    const r = await createExcelPort({ run: mock.run, supports: { ...ALL, dateSystem: true } }).read({
      kind: 'selection',
    });
    expect(r.values[0][2]).toBe(44591 + 1462);
    expect(extraOfCell({ value: r.values[0][2], text: r.text[0][2], format: r.numberFormat![0][2] })).toBe(
      '2026-01-31',
    );
    expect(r.unchecked).toBeUndefined();
    expect(mock.syncCount).toBe(2);
  });

  test('a 1900 workbook keeps its serials', async () => {
    const mock = new ExcelMock();
    dated(mock);
    mock.selection = { sheet: 'Contacts', row: 0, column: 0, rowCount: 2, columnCount: 3 };
    const r = await createExcelPort({ run: mock.run, supports: { ...ALL, dateSystem: true } }).read({
      kind: 'selection',
    });
    expect(r.values[0][2]).toBe(44591);
  });

  test('a host that cannot report hidden rows, merged cells or the date system: the import report says each was not checked', async () => {
    const mock = new ExcelMock();
    const sheet = dated(mock);
    sheet.hiddenRows = new Set([1]);
    mock.selection = { sheet: 'Contacts', row: 0, column: 0, rowCount: 2, columnCount: 3 };
    const r = await createExcelPort({
      run: mock.run,
      supports: { mergedAreas: false, specialCells: false, dateSystem: false },
    }).read({ kind: 'selection' });
    expect(r.unchecked).toEqual(['hiddenRows', 'mergedCells', 'dateSystem']);
    const prepared = prepareRows(r, suggestMapping(r.header));
    const notes = prepared.problems.filter((p) => p.code.endsWith('NotChecked'));
    expect(notes.map((p) => [p.code, p.severity])).toEqual([
      ['hiddenRowsNotChecked', 'info'],
      ['mergedCellsNotChecked', 'info'],
      ['dateSystemNotChecked', 'info'],
    ]);
    expect(notes[0].message).toContain('ExcelApi 1.9');
  });

  test('a host that reports them: no such notice', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 5);
    const r = await createExcelPort({ run: mock.run, supports: { ...ALL, dateSystem: true } }).read({
      kind: 'selection',
    });
    expect(r.unchecked).toBeUndefined();
  });
});

describe('after the last block, the look for dates runs in slices too', () => {
  test('a host without the date system: 20,000 rows of numbers are looked through a slice of rows per task', async () => {
    const mock = new ExcelMock();
    addContactSheet(mock, 20_000);
    let lastBlockAt = -1;
    let tasks = 0;
    // A new task is a message to a channel (not a timer, which a browser holds 4 ms when set from a timer).
    const post = MessagePort.prototype.postMessage;
    const spy = vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementation(function (
      this: MessagePort,
      ...args: Parameters<MessagePort['postMessage']>
    ) {
      if (lastBlockAt >= 0) tasks++;
      return post.apply(this, args as never);
    });
    try {
      const r = await createExcelPort({ run: mock.run, supports: ALL }).read(
        { kind: 'selection' },
        {
          onProgress: (p) => {
            if (p.rowsRead === p.rowsTotal) lastBlockAt = tasks;
          },
        },
      );
      expect(r.values).toHaveLength(20_000);
      // Post codes are numbers formatted 00000, not dates: every row was looked at, never in one task.
      expect(r.unchecked).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(tasks).toBeGreaterThanOrEqual(19);
  });
});
