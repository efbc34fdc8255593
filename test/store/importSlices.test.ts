// A large import is written in slices of a few milliseconds of work each, whatever the machine: on a slow
// one, fewer rows fit in a slice. Every slice ends at a database request (the page's turn) inside the
// action's one transaction, and the rows taken are checked against the text rule slice by slice, so the
// action's end does not walk all of them again in one long task. The contacts stored are the same.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import * as text from '../../src/domain/text';
import { SLICE_MS } from '../../src/store/rows';
import { makeWorkspace } from './helpers';

vi.mock('../../src/domain/text', async (importOriginal) => {
  const original = await importOriginal<typeof text>();
  return { ...original, findTextRuleViolation: vi.fn(original.findTextRuleViolation) };
});

const ROWS = 1_200;
const rowsOf = (n: number): Record<string, unknown>[] =>
  Array.from({ length: n }, (_, i) => ({
    no: `C${String(i + 1).padStart(5, '0')}`,
    name: `Contact ${i + 1}`,
    email: `c${i + 1}@example.it`,
    extra: { Note: `note ${i}` },
  }));
const strip = (c: object) => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = c as Record<string, unknown>;
  return rest;
};

/** A slow machine: every look at the clock finds a millisecond gone, and writing a contact costs one more. */
function slowMachine() {
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => ++now);
  const puts: number[] = [];
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'slowContactWrites',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'contacts') return t;
        return {
          ...t,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'put') {
              puts.push(req.values.length);
              now += req.values.length;
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
  return { puts, middleware, restore: () => clock.mockRestore() };
}

test('on a slow machine, 1,200 rows are validated and written a few at a time, and stored as in one go', async () => {
  const slow = slowMachine();
  const ws = await makeWorkspace({ dbCoreMiddlewares: [slow.middleware] });
  const progress: number[] = [];
  let report;
  try {
    report = await ws.contacts.importRows(
      { rows: rowsOf(ROWS), createCodes: [{ list: 'mailingGroups', code: 'NEWS' }] },
      { onProgress: (done) => progress.push(done) },
    );
  } finally {
    slow.restore();
  }
  expect(report.inserted).toBe(ROWS);

  // Validation: a slice ends once SLICE_MS rows (a millisecond each) have gone by.
  const validated = progress.filter((d) => d <= ROWS);
  expect(validated.at(-1)).toBe(ROWS);
  const steps = validated.map((d, i) => d - (validated[i - 1] ?? 0));
  expect(Math.max(...steps)).toBeLessThanOrEqual(SLICE_MS);
  // Writing: after a first small slice, each holds what the last one's time says fits in SLICE_MS.
  expect(slow.puts.reduce((a, b) => a + b, 0)).toBe(ROWS);
  expect(slow.puts[0]).toBeLessThanOrEqual(50);
  expect(Math.max(...slow.puts.slice(1))).toBeLessThanOrEqual(2 * SLICE_MS);
  expect(progress.at(-1)).toBe(3 * ROWS);

  // The same contacts as a write in one batch, on a normal clock.
  const one = await makeWorkspace();
  await one.contacts.importRows(
    { rows: rowsOf(ROWS), createCodes: [{ list: 'mailingGroups', code: 'NEWS' }] },
    { batch: 2 * ROWS },
  );
  expect((await ws.contacts.list()).map(strip)).toEqual((await one.contacts.list()).map(strip));
  ws.close();
  one.close();
}, 60_000);

test("the rows taken are checked against the text rule slice by slice, not walked all at once at the action's end", async () => {
  const walked = vi.mocked(text.findTextRuleViolation);
  walked.mockClear();
  const ws = await makeWorkspace();
  const rows = rowsOf(ROWS);
  rows[700] = { ...rows[700], extra: { 'No\u0007te': 'x' } };
  const report = await ws.contacts.importRows({ rows, createCodes: [{ list: 'mailingGroups', code: 'NEWS' }] });
  expect(report.inserted).toBe(ROWS - 1);
  expect(report.rejected).toEqual([{ index: 700, key: 'C00701', issues: [expect.stringMatching(/^extra/)] }]);
  // Each call looked at one row or the codes: none at the recorded rows all together.
  const whole = walked.mock.calls.filter(
    ([v]) =>
      JSON.stringify(v ?? null).includes(`"no":"${rows[0].no}","name":"${rows[0].name}"`) &&
      JSON.stringify(v ?? null).includes(`"no":"${rows[ROWS - 1].no}"`),
  );
  expect(whole).toEqual([]);
  expect(walked.mock.calls.length).toBeGreaterThanOrEqual(ROWS);
  ws.close();
});
