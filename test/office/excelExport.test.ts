import { PAYLOAD_CAP, type ExportTable } from '../../src/domain/ports/excelPort';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { uniqueSheetName } from '../../src/office/excel/exportTable';
import { ExcelMock, HOST_LIMIT, type Op } from './excelMock';

const ALL = { mergedAreas: true, specialCells: true };

function bigTable(rows: number): ExportTable {
  const columns = Array.from({ length: 12 }, (_, j) => ({
    header: `Col ${j}`,
    kind: j === 0 ? ('number' as const) : ('text' as const),
  }));
  return {
    name: 'Segment_SEG00001',
    sheetName: 'Segment SEG00001',
    columns,
    rows: Array.from({ length: rows }, (_, i) =>
      columns.map((_, j) => (j === 0 ? i + 1 : `r${i}c${j}`.padEnd(8 + ((i + j) % 13), '·'))),
    ),
  };
}

/** In each batch, every range whose values are set got its number format earlier in the same batch. */
function formatsBeforeValues(ops: Op[]): boolean {
  const formatted = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'set' && op.name === 'numberFormat') formatted.add(op.address);
    if (op.kind === 'set' && op.name === 'values' && !formatted.has(op.address)) return false;
  }
  return true;
}

describe('export of 100,000 rows × 12 columns', () => {
  const R = 100_000;
  let mock: ExcelMock;
  let result: Awaited<ReturnType<ReturnType<typeof createExcelPort>['exportTable']>>;
  let spy: ReturnType<typeof vi.spyOn>;
  const table = bigTable(R);

  beforeAll(async () => {
    mock = new ExcelMock();
    mock.addSheet('Contacts', [['x']]);
    spy = vi.spyOn(mock.context, 'sync');
    result = await createExcelPort({ run: mock.run, supports: ALL }).exportTable(table);
  }, 120_000);

  test('takes at most 30 syncs, and no request is over 4 MB', () => {
    expect(spy).toHaveBeenCalledTimes(result.syncs);
    expect(result.syncs).toBeLessThanOrEqual(30);
    expect(result.syncs).toBeGreaterThan(2);
    expect(Math.max(...mock.batches.map((b) => b.requestBytes))).toBeLessThanOrEqual(PAYLOAD_CAP);
    expect(mock.batches.some((b) => b.refused)).toBe(false);
  });

  test('a new worksheet holds a named table with the header and every row', () => {
    expect(result).toMatchObject({
      sheet: 'Segment SEG00001',
      table: 'Segment_SEG00001',
      address: "'Segment SEG00001'!A1:L100001",
    });
    expect(mock.tables).toEqual([
      expect.objectContaining({
        name: 'Segment_SEG00001',
        sheet: 'Segment SEG00001',
        row: 0,
        column: 0,
        rowCount: R + 1,
        columnCount: 12,
      }),
    ]);
    expect(mock.cell('Segment SEG00001', 0, 3)).toMatchObject({ value: 'Col 3', format: '@' });
    let wrong = 0;
    for (let i = 0; i < R; i++) {
      if (mock.cell('Segment SEG00001', i + 1, 0)?.value !== i + 1) wrong++;
      if (mock.cell('Segment SEG00001', i + 1, 7)?.value !== table.rows[i][7]) wrong++;
    }
    expect(wrong).toBe(0);
    expect(mock.active).toBe('Segment SEG00001');
  });

  test('in every batch the number format is set before the values', () => {
    for (const b of mock.batches) expect(formatsBeforeValues(b.ops)).toBe(true);
  });
});

test('10,000 rows take 2 syncs', async () => {
  const mock = new ExcelMock();
  const r = await createExcelPort({ run: mock.run, supports: ALL }).exportTable(bigTable(10_000));
  expect(r.syncs).toBe(2);
});

describe('formula injection', () => {
  const risky = ['=HYPERLINK("http://x","y")', '+1', '-1+1', '@SUM(A1)'];

  test('texts that start with =, +, - or @ land as text: format @ in the same batch, before the values', async () => {
    const mock = new ExcelMock();
    const t: ExportTable = {
      name: 'Segment_SEG00001',
      sheetName: 'Segment SEG00001',
      columns: [
        { header: 'Comment', kind: 'text' },
        { header: 'Extra', kind: 'auto' },
      ],
      rows: risky.map((s) => [s, s]),
    };
    await createExcelPort({ run: mock.run, supports: ALL }).exportTable(t);
    const write = mock.batches.find((b) => b.ops.some((o) => o.name === 'values'))!;
    const fmtIndex = write.ops.findIndex((o) => o.kind === 'set' && o.name === 'numberFormat');
    const valIndex = write.ops.findIndex((o) => o.kind === 'set' && o.name === 'values');
    expect(fmtIndex).toBeGreaterThanOrEqual(0);
    expect(fmtIndex).toBeLessThan(valIndex);
    expect(write.ops[fmtIndex].address).toBe(write.ops[valIndex].address);
    expect(write.ops[fmtIndex].value).toEqual(Array.from({ length: 5 }, () => ['@', '@']));
    expect(write.ops[valIndex].value).toEqual([['Comment', 'Extra'], ...risky.map((s) => [s, s])]);
    for (let i = 0; i < risky.length; i++) {
      expect(mock.cell('Segment SEG00001', i + 1, 0)).toMatchObject({ value: risky[i], format: '@' });
      expect(mock.cell('Segment SEG00001', i + 1, 0)?.formula).toBeUndefined();
    }
  });

  test('the mock would make a formula of it without the text format (the test can fail)', async () => {
    const mock = new ExcelMock();
    mock.addSheet('S', []);
    await mock.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 1).values = [[risky[0]]];
      await ctx.sync();
    });
    expect(mock.cell('S', 0, 0)?.formula).toBe(risky[0]);
  });
});

describe('export details', () => {
  test('numbers, dates and booleans are typed; a second export gets new sheet and table names', async () => {
    const mock = new ExcelMock();
    const t: ExportTable = {
      name: 'Segment_SEG00001',
      sheetName: 'Segment SEG00001',
      columns: [
        { header: 'Line No.', kind: 'number' },
        { header: 'Date', kind: 'date' },
        { header: 'Attempt Failed', kind: 'boolean' },
        { header: 'Post Code', kind: 'text' },
      ],
      rows: [[10000, '2026-01-31', true, '00184']],
    };
    const port = createExcelPort({ run: mock.run, supports: ALL });
    await port.exportTable(t);
    const second = await port.exportTable(t);
    expect(second).toMatchObject({ sheet: 'Segment SEG00001 (2)', table: 'Segment_SEG00001_2' });
    expect(mock.cell('Segment SEG00001', 1, 0)).toMatchObject({ value: 10000, format: 'General' });
    expect(mock.cell('Segment SEG00001', 1, 1)).toMatchObject({ value: 46053, format: 'yyyy-mm-dd' });
    expect(mock.cell('Segment SEG00001', 1, 2)).toMatchObject({ value: true });
    expect(mock.cell('Segment SEG00001', 1, 3)).toMatchObject({ value: '00184', format: '@' });
  });

  test('a table name equal to a defined name of the workbook: the export takes the next free name, in the same syncs', async () => {
    const mock = new ExcelMock();
    mock.definedNames.push('segment_seg00001', 'Segment_SEG00001_2');
    const port = createExcelPort({ run: mock.run, supports: ALL });
    const sync = vi.spyOn(mock.context, 'sync');
    const r = await port.exportTable({ ...bigTable(3), name: 'Segment_SEG00001' });
    expect(r.table).toBe('Segment_SEG00001_3');
    expect(mock.tables.map((t) => t.name)).toEqual(['Segment_SEG00001_3']);
    expect(mock.batches.every((b) => !b.refused)).toBe(true);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test('20,000-character cells: blocks stay under the cap, all rows land', async () => {
    const mock = new ExcelMock();
    const long = (i: number) => `${i}`.padEnd(20_000, 'é');
    const t: ExportTable = {
      name: 'Big',
      sheetName: 'Big',
      columns: [
        { header: 'A', kind: 'text' },
        { header: 'B', kind: 'text' },
      ],
      rows: Array.from({ length: 200 }, (_, i) => [long(i), long(i + 1)]),
    };
    const r = await createExcelPort({ run: mock.run, supports: ALL }).exportTable(t);
    expect(Math.max(...mock.batches.map((b) => b.requestBytes))).toBeLessThanOrEqual(PAYLOAD_CAP);
    expect(r.syncs).toBeGreaterThanOrEqual(5); // 16 MB of cells: at least four blocks after the names
    expect(mock.cell('Big', 200, 1)?.value).toBe(long(200));
  });

  test('a block the host refuses is split and retried', async () => {
    const mock = new ExcelMock();
    const t = bigTable(20_000);
    // Pretend our cap is above the host's: the first block is refused and must be split.
    const r = await createExcelPort({ run: mock.run, supports: ALL, cap: 8 * 1024 * 1024 }).exportTable(t);
    expect(mock.batches.some((b) => b.refused === 'request')).toBe(true);
    expect(Math.max(...mock.batches.filter((b) => !b.refused).map((b) => b.requestBytes))).toBeLessThanOrEqual(
      HOST_LIMIT,
    );
    expect(mock.cell(r.sheet, 20_000, 5)?.value).toBe(t.rows[19_999][5]);
    expect(mock.tables).toHaveLength(1);
  });

  test('sheet names: forbidden characters replaced, at most 31 characters, unique', () => {
    expect(uniqueSheetName('Segment: SEG/1?', [])).toBe('Segment  SEG 1');
    expect(uniqueSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });
});

test('a single row over the cap is refused with its row number before anything is written', async () => {
  const mock = new ExcelMock();
  const wide = 'x'.repeat(32_000);
  const t: ExportTable = {
    name: 'Wide',
    sheetName: 'Wide',
    columns: Array.from({ length: 200 }, (_, j) => ({ header: `C${j}`, kind: 'text' as const })),
    rows: [Array.from({ length: 200 }, () => wide)],
  };
  const err = await createExcelPort({ run: mock.run, supports: ALL })
    .exportTable(t)
    .catch((e: unknown) => e);
  expect((err as { details?: { code?: string; row?: number } }).details).toMatchObject({ code: 'rowTooLarge', row: 2 });
  expect(mock.syncCount).toBe(1); // only the names were asked: nothing was written
  expect(mock.sheets.has('Wide')).toBe(false);
});
