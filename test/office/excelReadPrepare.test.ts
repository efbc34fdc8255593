// The rows of a sheet are prepared as they arrive: each block while the host reads the next, so the
// preparation of 100,000 rows overlaps the read instead of following it. The result is the same as
// preparing the finished read; a read that fails fails the preparation with the read's own error.
import { suggestMapping } from '../../src/domain/columnMapping';
import type { SheetRead } from '../../src/domain/ports/excelPort';
import { prepareRows, prepareRowsInSteps, type PreparedImport } from '../../src/domain/sheetImport';
import { createExcelPort } from '../../src/office/excel/excelAdapter';
import { ExcelMock } from './excelMock';
import { addContactSheet, contactCells } from './sheetFixtures';

const ALL = { mergedAreas: true, specialCells: true };

/** Reads the selection, preparing its rows as they arrive; `syncsAt` holds the host's syncs at each step. */
async function readPreparing(mock: ExcelMock, cap: number) {
  const port = createExcelPort({ run: mock.run, supports: ALL, cap });
  const syncsAt: number[] = [];
  let preparing: Promise<PreparedImport> | undefined;
  let handed: SheetRead | undefined;
  const read = await port.read(
    { kind: 'selection' },
    {
      onRows: (growing, arriving) => {
        handed = growing;
        preparing = prepareRowsInSteps(
          growing,
          suggestMapping(growing.header),
          { workbook: growing.ref.workbook, sheet: growing.ref.sheet },
          async () => void syncsAt.push(mock.syncCount),
          {},
          0,
          arriving,
        );
        preparing.catch(() => undefined);
      },
    },
  );
  return { read, handed, preparing, syncsAt };
}

describe('rows prepared while the sheet is read', () => {
  test('20,000 rows in blocks: the preparation starts after the first block and ends as the unprepared read would', async () => {
    const mock = new ExcelMock({ answerInTask: true });
    addContactSheet(mock, 20_000);
    const { read, handed, preparing, syncsAt } = await readPreparing(mock, 256 * 1024);
    expect(handed).toBe(read);
    expect(read.syncs).toBeGreaterThan(5);
    const prepared = await preparing!;
    // Rows were prepared while later blocks were still to come.
    expect(syncsAt.filter((s) => s < read.syncs).length).toBeGreaterThan(100);
    expect(read.values).toHaveLength(20_000);
    expect(read.header[0]).toBe('No.');
    expect(prepared).toEqual(
      prepareRows(read, suggestMapping(read.header), { workbook: read.ref.workbook, sheet: read.ref.sheet }),
    );
    expect(prepared.rows).toHaveLength(20_000);
    expect(prepared.rows[19_999].sheetRow).toBe(20_001);
  });

  test('a row the host cannot send fails the read, and the preparation with the same error', async () => {
    const mock = new ExcelMock({ answerInTask: true });
    // Row 6,000 alone is larger than a request may carry.
    addContactSheet(mock, 8_000, 'Contacts', (i) => {
      const cells = contactCells(i);
      if (i === 6_000) cells[1] = { value: 'x'.repeat(3 * 1024 * 1024) };
      return cells;
    });
    const port = createExcelPort({ run: mock.run, supports: ALL, cap: 512 * 1024 });
    let preparing: Promise<PreparedImport> | undefined;
    const reading = port.read(
      { kind: 'selection' },
      {
        onRows: (growing, arriving) => {
          preparing = prepareRowsInSteps(growing, suggestMapping(growing.header), {}, async () => {}, {}, 0, arriving);
          preparing.catch(() => undefined);
        },
      },
    );
    const error = await reading.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { code: 'rowTooLarge', row: 6_001 } });
    await expect(preparing!).rejects.toBe(error);
  });
});
