// A workspace over fake-indexeddb with a fixed clock, for the store suites.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, Middleware } from 'dexie';
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
  await ws.languages.upsert([
    { code: 'ITA', name: 'Italiano', locale: 'it-IT' },
    { code: 'ENU', name: 'English', locale: 'en-US' },
  ]);
  await ws.interactionTemplates.upsert([
    {
      code: 'ABSTRACT',
      description: 'Abstract letter',
      interactionGroupCode: 'LETTER',
      unitCost: 2.5,
      unitDuration: 10,
      informationFlow: 'Outbound',
      initiatedBy: 'Us',
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
