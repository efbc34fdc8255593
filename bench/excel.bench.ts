// The Excel import and export at scale: mapping + validation + upsert of 100,000 sheet rows against the
// upsert alone (the ratio is what the sheet layer costs), e-mail matching (one list vs a query per row),
// and the Office round trips (context.sync calls) of reading 10,000 and 100,000 rows × 12 columns and of
// exporting 10,000 and 100,000 rows, over the office-addin-mock workbook that refuses payloads over 5 MB.
// Run: `npm run bench -- excel`. Env: BENCH_ROWS (default 100000), BENCH_RUNS (default 3).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { suggestMapping } from '../src/domain/columnMapping';
import { importContacts } from '../src/domain/contactImport';
import type { ExportTable } from '../src/domain/ports/excelPort';
import { quoteFilterValue } from '../src/domain/filterExpression';
import { prepareRows } from '../src/domain/sheetImport';
import { createExcelPort } from '../src/office/excel/excelAdapter';
import { openWorkspace, type WorkspaceHandle } from '../src/store/index';
import { ExcelMock } from '../test/office/excelMock';
import { addContactSheet } from '../test/office/sheetFixtures';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
let dbNo = 0;

async function freshWorkspace(): Promise<WorkspaceHandle> {
  return openWorkspace({ name: `bench-excel-${++dbNo}`, indexedDB: new IDBFactory(), IDBKeyRange });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

async function readFixture(rows: number) {
  const mock = new ExcelMock();
  addContactSheet(mock, rows);
  const port = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true } });
  const [ms, read] = await time(() => port.read({ kind: 'selection' }));
  const maxResponse = Math.max(...mock.batches.map((b) => b.responseBytes));
  return { read, ms, syncs: read.syncs, maxResponse };
}

async function importBench() {
  const { read } = await readFixture(N);
  const mapping = suggestMapping(read.header);
  const source = { workbook: read.ref.workbook, sheet: read.ref.sheet };
  const full: number[] = [];
  const prep: number[] = [];
  const upsertOnly: number[] = [];
  let inserted = 0;
  for (let run = 0; run < RUNS; run++) {
    // Sheet layer + store: map, validate, number, upsert.
    const ws = await freshWorkspace();
    const t0 = performance.now();
    const prepared = prepareRows(read, mapping, source);
    const t1 = performance.now();
    const result = await importContacts(ws, prepared);
    const t2 = performance.now();
    prep.push(t1 - t0);
    full.push(t2 - t0);
    inserted = result.inserted;
    ws.close();
    // The same rows, already mapped, into the store alone.
    const ws2 = await freshWorkspace();
    const rows = prepared.rows.map((r) => r.row);
    const [ms] = await time(() => ws2.contacts.upsert(rows));
    upsertOnly.push(ms);
    ws2.close();
  }
  const f = median(full);
  const u = median(upsertOnly);
  console.log(`import of ${N} rows × 12 columns (${inserted} contacts inserted), median of ${RUNS}:`);
  console.log(`  mapping + validation            ${fmt(median(prep))}`);
  console.log(`  mapping + validation + upsert   ${fmt(f)}`);
  console.log(`  upsert alone                    ${fmt(u)}`);
  console.log(`  ratio (whole import / upsert)   ${(f / u).toFixed(2)}`);
}

async function emailMatchBench() {
  const ws = await freshWorkspace();
  const stored = Math.min(N, 20_000);
  await ws.contacts.upsert(
    Array.from({ length: stored }, (_, i) => ({ no: `C${i}`, name: `N${i}`, email: `c${i}@example.it` })),
  );
  const probes = 100;
  const [perRow] = await time(async () => {
    for (let i = 0; i < probes; i++)
      await ws.contacts.list({ contact: { email: quoteFilterValue(`c${i * 7}@example.it`) } });
  });
  const [once] = await time(async () => {
    const all = await ws.contacts.list();
    const idx = new Map(all.map((c) => [c.email.toLowerCase(), c.no]));
    for (let i = 0; i < probes; i++) idx.get(`c${i * 7}@example.it`);
  });
  console.log(`e-mail matching against ${stored} stored contacts:`);
  console.log(
    `  one filtered query per row      ${(perRow / probes).toFixed(1)} ms per row (${fmt((perRow / probes) * N)} for ${N} rows)`,
  );
  console.log(`  one list, indexed by e-mail     ${fmt(once)} for any number of rows  → the import lists once`);
  ws.close();
}

async function syncBench() {
  for (const rows of [10_000, N]) {
    const r = await readFixture(rows);
    console.log(
      `read ${rows} rows × 12: ${r.syncs} syncs, largest response ${mb(r.maxResponse)}, ${fmt(r.ms)} in the mock`,
    );
  }
  for (const rows of [10_000, N]) {
    const mock = new ExcelMock();
    const cols = 12;
    const table: ExportTable = {
      name: 'Segment_SEG00001',
      sheetName: 'Segment SEG00001',
      columns: Array.from({ length: cols }, (_, j) => ({
        header: `Column ${j}`,
        kind: j === 0 ? ('number' as const) : ('text' as const),
      })),
      rows: Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => (j === 0 ? i + 1 : `r${i}c${j}`.padEnd(8 + ((i + j) % 13), 'x'))),
      ),
    };
    // Excel 2019 or later, as the pane asks of Office before an export.
    const port = createExcelPort({ run: mock.run, supports: { mergedAreas: true, specialCells: true, core: true } });
    const [ms, res] = await time(() => port.exportTable(table));
    const maxRequest = Math.max(...mock.batches.map((b) => b.requestBytes));
    console.log(
      `export ${rows} rows × 12: ${res.syncs} syncs, largest request ${mb(maxRequest)}, ${fmt(ms)} in the mock`,
    );
  }
}

await syncBench();
await emailMatchBench();
await importBench();
