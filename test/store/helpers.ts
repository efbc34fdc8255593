// A workspace over fake-indexeddb with a fixed clock, for the store suites.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { expect } from 'vitest';
import { abstractTemplateBase, marketLanguages } from './marketCodes';
import { noOfInteractionsOf, segmentFiguresOf } from '../../src/store/figures';
import { openWorkspace, type RecordedAction, type StoreOptions, type WorkspaceHandle } from '../../src/store/index';

let dbCounter = 0;

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T09:30:00'): TestClock {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (iso) => (t = new Date(iso).getTime()), advance: (ms) => (t += ms) };
}

export async function makeWorkspace(
  opts: StoreOptions & { factory?: IDBFactory } = {},
): Promise<WorkspaceHandle & { clock: TestClock; factory: IDBFactory; dbName: string }> {
  const factory = opts.factory ?? new IDBFactory();
  const clock = testClock();
  const dbName = opts.name ?? `test-${++dbCounter}`;
  const ws = await openWorkspace({ now: clock.now, ...opts, name: dbName, indexedDB: factory, IDBKeyRange });
  return Object.assign(ws, { clock, factory, dbName });
}

/** A small Italian market: two companies with persons, a lone person, an excluded one. */
export async function seedMarket(ws: WorkspaceHandle): Promise<void> {
  await ws.salespeople.upsert([
    { code: 'JR', name: 'John Roberts' },
    { code: 'BD', name: 'Benjamin Chiu' },
  ]);
  await ws.interactionGroups.upsert([{ code: 'LETTER', description: 'Letters' }]);
  await ws.mailingGroups.upsert([
    { code: 'XMAS', description: 'Christmas card' },
    { code: 'NEWS', description: 'Newsletter' },
  ]);
  await ws.industryGroups.upsert([{ code: 'RETAIL', description: 'Retail' }]);
  await ws.businessRelations.upsert([{ code: 'CUST', description: 'Customer' }]);
  await ws.jobResponsibilities.upsert([{ code: 'PURCH', description: 'Purchasing' }]);
  await ws.languages.upsert(marketLanguages);
  await ws.interactionTemplates.upsert([
    {
      ...abstractTemplateBase,
      correspondenceTypeDefault: 'Hard Copy',
      languageCodeDefault: 'ENU',
      letters: { ENU: { subject: 'Our news', ooxml: '<w:p/>' }, ITA: { subject: 'Le nostre novità', ooxml: '<w:p/>' } },
    },
    {
      code: 'MEMO',
      description: 'Memo',
      unitCost: 1,
      unitDuration: 5,
      correspondenceTypeDefault: 'Email',
      ignoreContactCorresType: true,
    },
  ]);
  const report = await ws.contacts.upsert([
    {
      no: 'C100',
      type: 'Company',
      name: 'Alfa Srl',
      city: 'Roma',
      industryGroups: ['RETAIL'],
      businessRelations: ['CUST'],
      salespersonCode: 'JR',
    },
    {
      no: 'P101',
      type: 'Person',
      name: 'Anna Bianchi',
      companyNo: 'C100',
      city: 'Roma',
      mailingGroups: ['XMAS'],
      languageCode: 'ITA',
      email: 'anna@alfa.it',
      jobResponsibilities: ['PURCH'],
    },
    { no: 'P102', type: 'Person', name: 'Marco Rossi', companyNo: 'C100', city: 'Roma', correspondenceType: 'Email' },
    { no: 'C200', type: 'Company', name: 'Beta SpA', city: 'Milano', salespersonCode: 'BD' },
    {
      no: 'P201',
      type: 'Person',
      name: 'Luca Verdi',
      companyNo: 'C200',
      city: 'Milano',
      mailingGroups: ['XMAS', 'NEWS'],
      email: 'luca@beta.it',
    },
    {
      no: 'P300',
      type: 'Person',
      name: 'Zoe Neri',
      city: 'Torino',
      languageCode: 'ENU',
      profileAnswers: [{ questionnaire: 'HOBBY', answer: 'Sailing' }],
    },
    { no: 'P400', type: 'Person', name: 'Excluded Eva', city: 'Roma', excludeFromSegment: true },
  ]);
  if (report.rejected.length) throw new Error(`seed rejected: ${JSON.stringify(report.rejected)}`);
}

export const contactNosOf = (lines: { contactNo: string }[]) => lines.map((l) => l.contactNo);

/** A DBCore middleware that collects, once each, the actions recorded on the transactions that write. */
export function actionRecorder(into: { table: string; action: RecordedAction }[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'action-recorder',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            const action = (req.trans as unknown as { segmentsAction?: RecordedAction }).segmentsAction;
            if (action) into.push({ table: name, action });
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

/** Every listed figure against the figures counted from the lines, actions and entries themselves. */
export async function expectFiguresRight(ws: WorkspaceHandle, step: string) {
  const db = ws.ctx.db;
  for (const h of await ws.segments.list()) {
    const lines = await db.segmentLines.where('segmentId').equals(h.id).toArray();
    const actions = await db.criteriaActions.where('segmentId').equals(h.id).count();
    expect(
      { noOfLines: h.noOfLines, noOfCriteriaActions: h.noOfCriteriaActions, cost: h.cost, duration: h.duration },
      `${step}: segment ${h.no}`,
    ).toEqual(segmentFiguresOf(lines, actions));
  }
  for (const ls of await ws.loggedSegments.list()) {
    const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
    expect(ls.noOfInteractions, `${step}: logged segment ${ls.entryNo}`).toBe(noOfInteractionsOf(ls, entries));
  }
}

/** A middleware that counts, per table, the records the database hands back while `during` runs. */
export function rowsRead() {
  const read: Record<string, number> = {};
  let counting = false;
  const count = (table: string, rows: readonly unknown[]) => {
    if (counting) read[table] = (read[table] ?? 0) + rows.filter((r) => r !== undefined).length;
  };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'rowsRead',
    create: (down) => ({
      ...down,
      table(name): DBCoreTable {
        const t = down.table(name);
        // Promises of the database's only (.then, no await): Dexie keeps the transaction across those.
        return {
          ...t,
          get: (req) =>
            t.get(req).then((row: unknown) => {
              count(name, [row]);
              return row;
            }),
          getMany: (req) =>
            t.getMany(req).then((rows) => {
              count(name, rows);
              return rows;
            }),
          query: (req) =>
            t.query(req).then((res) => {
              count(name, res.result);
              return res;
            }),
        };
      },
    }),
  };
  return {
    middleware,
    /** The records read by table while `run` ran. */
    async during(run: () => Promise<unknown>): Promise<Record<string, number>> {
      for (const k of Object.keys(read)) delete read[k];
      counting = true;
      try {
        await run();
      } finally {
        counting = false;
      }
      return { ...read };
    },
  };
}
