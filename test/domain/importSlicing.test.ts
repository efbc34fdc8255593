// The checks before an import (codes, matches with stored contacts, numbering, company links) hand the
// thread back to the page between slices of rows, so that no task holds the pane long; the slices change
// nothing in the result. A code missing from its list on every row is listed once, with every row.
import { suggestMapping } from '../../src/domain/columnMapping';
import { importContacts, reviewImport } from '../../src/domain/contactImport';
import { parseCsv } from '../../src/domain/csv';
import { findUnknownCodes, nextTask, runInSlices, type KnownCodes, type Steps } from '../../src/domain/importResolve';
import { gridFromCsv, prepareRows } from '../../src/domain/sheetImport';
import { makeWorkspace } from '../store/helpers';

const N = 3000;

/** N rows: a third numbered, a third matching stored contacts by e-mail, a third new; persons of companies in the file. */
function csv(n: number): string {
  const lines = ['No.,Type,Name,Company Name,E-Mail,Post Code,Mailing Groups'];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) lines.push(`CO${i},Company,Company ${i},,,00184,`);
    else if (i % 3 === 0) lines.push(`PX${i},Person,Person ${i},Company ${i - (i % 10)},p${i}@x.it,00184,XMAS`);
    else if (i % 3 === 1) lines.push(`,Person,Person ${i},Company ${i - (i % 10)},stored${i}@x.it,20121,`);
    else lines.push(`,Person,Person ${i},Nowhere ${i % 7},new${i}@x.it,10121,UNKNOWN`);
  }
  return lines.join('\n');
}

function prepare(n: number) {
  const parsed = parseCsv(csv(n));
  return prepareRows(gridFromCsv(parsed), suggestMapping(parsed.header), { file: 'big.csv' });
}

async function workspace() {
  const ws = await makeWorkspace();
  await ws.mailingGroups.upsert([{ code: 'XMAS', description: 'Christmas' }]);
  await ws.contacts.upsert(
    Array.from({ length: N }, (_, i) => i)
      .filter((i) => i % 10 !== 0 && i % 3 === 1)
      .map((i) => ({ no: `ST${i}`, name: `Stored ${i}`, email: `stored${i}@x.it` })),
  );
  return ws;
}

describe('the checks before an import run in slices', () => {
  test('with a slice of no time, the checks hand the thread back at least every 256 rows of each pass', async () => {
    const prepared = prepare(N);
    const ws = await workspace();
    let pauses = 0;
    let writing = false;
    const result = await importContacts(ws, prepared, {
      sliceMs: 0,
      createCompanies: true,
      onProgress: async (done) => {
        if (done > 0) writing = true;
        if (!writing) pauses++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    // Eight passes over the rows at least (codes, their choices, e-mails, matches, numbers, links…).
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((8 * N) / 256));

    // The same import in one go (a long slice) writes and reports exactly the same.
    const again = await workspace();
    const whole = await importContacts(again, prepared, { sliceMs: 60_000, createCompanies: true });
    const same = (r: typeof result) => ({ ...r, generated: r.generated.length });
    expect(same(result)).toEqual(same(whole));
    expect(result.inserted).toBeGreaterThan(N / 2);
    expect(result.matchedByEmail.length).toBeGreaterThan(N / 4);
    expect(result.unknownCodes).toEqual([expect.objectContaining({ code: 'UNKNOWN' })]);
    expect(result.companyLinks.filter((l) => l.outcome === 'created').length).toBeGreaterThan(0);
    ws.close();
    again.close();
  }, 60_000);

  test('the review hands the thread back too, with the same decisions', async () => {
    const prepared = prepare(N);
    const ws = await workspace();
    let pauses = 0;
    const review = await reviewImport(
      ws,
      prepared,
      async () => {
        pauses++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
      0,
    );
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((3 * N) / 256));
    expect(await reviewImport(ws, prepared, undefined, 60_000)).toEqual(review);
    expect(review.unknownCodes.map((u) => u.code)).toEqual(['UNKNOWN']);
    expect(review.existingMatches.length).toBeGreaterThan(N / 4);
    expect(review.missingCompanies.sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Nowhere ${i}`));
    ws.close();
  }, 60_000);

  test('a code missing on 100,000 rows is listed once with every row, without going over the rows again for each', () => {
    const known: KnownCodes = {
      salespeople: new Set(),
      languages: new Set(),
      territories: new Set(),
      mailingGroups: new Set(['XMAS']),
      industryGroups: new Set(),
      jobResponsibilities: new Set(),
      businessRelations: new Set(),
    };
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      sheetRow: i + 2,
      hidden: false,
      // One row names the code twice: its row is listed once.
      row: { no: `C${i}`, name: `N${i}`, mailingGroups: i === 5 ? ['NEW', 'NEW'] : ['XMAS', 'NEW'] },
    }));
    const started = performance.now();
    const unknown = findUnknownCodes(rows, known);
    // Linear: well under a second even on a busy machine (a search of the row list for each row took minutes).
    expect(performance.now() - started).toBeLessThan(2000);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ field: 'mailingGroups', list: 'mailingGroups', code: 'NEW' });
    expect(unknown[0].rows).toHaveLength(100_000);
    expect(unknown[0].rows.slice(0, 6)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test('between slices the thread goes back without a timer (a timer set from a timer waits at least 4 ms in a browser)', async () => {
    // With the timers held, a pause that waited for one would never end.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] });
    try {
      let slices = 0;
      const steps = (function* (): Steps<number> {
        for (let i = 0; i < 50; i++) {
          slices++;
          yield;
        }
        return slices;
      })();
      // A slice of no time: a pause after every step, each the default one.
      await expect(runInSlices(steps, undefined, 0)).resolves.toBe(50);
      await expect(nextTask()).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
