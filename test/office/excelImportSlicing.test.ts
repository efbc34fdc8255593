// The Excel import of 100,000 rows × 12 columns in slices: the adapter reads in blocks (within the round
// trip budget), the rows are prepared in slices of a few milliseconds that report progress and yield between them, and the
// result is the same as preparing them in one go. A bad value in row 70,000 is reported by sheet row and
// column and that row is not written; the import itself makes no round trip to Excel.
import { suggestMapping } from '../../src/domain/columnMapping';
import { importContacts } from '../../src/domain/contactImport';
import type { SheetRead } from '../../src/domain/ports/excelPort';
import { prepareRows, prepareRowsInSteps } from '../../src/domain/sheetImport';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { makeWorkspace } from '../store/helpers';
import { ExcelMock } from './excelMock';
import { addContactSheet, addSheetCodes, contactCells } from './sheetFixtures';

const R = 100_000;
const BAD = 70_000; // data row 70,000: sheet row 70,001 (row 1 is the header)

describe('importing 100,000 rows × 12 columns in slices', () => {
  let mock: ExcelMock;
  let read: SheetRead;
  const progress: { done: number; total: number }[] = [];

  beforeAll(async () => {
    mock = new ExcelMock();
    // Name (column B) of data row 70,000 holds an Excel error: Name identifies a row, so the row is refused.
    addContactSheet(mock, R, 'Contacts', (i) => {
      const cells = contactCells(i);
      if (i === BAD) cells[1] = { value: '#N/A', type: 'Error', text: '#N/A' };
      return cells;
    });
    const port = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
    read = await port.read(
      { kind: 'selection' },
      { onProgress: (p) => progress.push({ done: p.rowsRead, total: p.rowsTotal }) },
    );
  }, 120_000);

  test('the read takes at most 30 round trips, reports progress per block and ends at every row', () => {
    expect(mock.syncCount).toBe(read.syncs);
    expect(read.syncs).toBeLessThanOrEqual(30);
    expect(progress.length).toBe(read.syncs - 1); // one sync locates the range, then one per block
    expect(progress.at(-1)).toEqual({ done: R, total: R });
    expect(read.values).toHaveLength(R);
  });

  test('prepared in slices: progress between slices, rows identical to one pass, row 70,001 named', async () => {
    const mapping = suggestMapping(read.header);
    const source = { workbook: read.ref.workbook, sheet: read.ref.sheet };
    const steps: number[] = [];
    let turns = 0;
    const sliced = await prepareRowsInSteps(read, mapping, source, async (done, total) => {
      expect(total).toBe(R);
      steps.push(done);
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          turns++;
          resolve();
        }, 0),
      );
    });
    // A slice at a time (each a few milliseconds of work: many of them), each followed by a turn of the event loop.
    expect(steps.length).toBeGreaterThan(20);
    expect(steps.every((d, i) => d > 0 && d < R && (i === 0 || d >= steps[i - 1]))).toBe(true);
    expect(turns).toBe(steps.length);
    const whole = prepareRows(read, mapping, source);
    expect(sliced).toEqual(whole);
    expect(sliced.rows).toHaveLength(R - 1);
    expect(sliced.rejectedRows).toEqual([BAD + 1]);
    const bad = sliced.problems.filter((p) => p.severity === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ row: BAD + 1, column: 'B', header: 'Name', code: 'excelError' });
    expect(bad[0].message).toMatch(/70001/);
    expect(bad[0].message).toMatch(/#N\/A/);
  }, 120_000);

  test('imported: every row but 70,001 is written, the report names it, and Excel is not called again', async () => {
    const ws = await makeWorkspace();
    await addSheetCodes(ws);
    const prepared = prepareRows(read, suggestMapping(read.header), { sheet: read.ref.sheet });
    const syncsBefore = mock.syncCount;
    const seen: number[] = [];
    const result = await importContacts(ws, prepared, {
      onProgress: async (done) => {
        seen.push(done);
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    expect(mock.syncCount).toBe(syncsBefore);
    expect(result.inserted).toBe(R - 1);
    expect(result.rejectedRows).toEqual([BAD + 1]);
    expect(result.problems.find((p) => p.severity === 'error')).toMatchObject({ row: BAD + 1, column: 'B' });
    // Progress went from the checks (0) through the batches of the write to every row.
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(R - 1);
    expect(new Set(seen).size).toBeGreaterThan(100);
    expect(await ws.contacts.get(`CT0${BAD}`)).toBeUndefined();
    expect(await ws.contacts.get(`CT0${BAD + 1}`)).toMatchObject({
      name: `Contact ${BAD + 1} ${'x'.repeat((BAD + 1) % 7)}`.slice(0, 20),
    });
    ws.close();
  }, 600_000);
});
