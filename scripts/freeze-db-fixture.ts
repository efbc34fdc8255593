// Freezes a dump of every table of the store's current schema version, written by the real store, to
// test/fixtures/db-v<version>.json. The migration tests load it as the database a user already has; they
// never regenerate it. Run it only to freeze a newly released version:
//   npx tsx scripts/freeze-db-fixture.ts [out.json]
// The clock and ids are fixed, so a run on the same store code writes the same file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { schemaV1, schemaV2, schemaV3 } from '../src/store/db';
import { openWorkspace, type WorkspaceHandle } from '../src/store/index';
import { abstractTemplateBase, marketLanguages } from '../test/store/marketCodes';

const here = dirname(fileURLToPath(import.meta.url));
/** Every released schema version, by number. */
const schemas: Record<number, Record<string, string>> = { 1: schemaV1, 2: schemaV2, 3: schemaV3 };

/** The frozen file: the schema it was written with, and every table's rows in primary-key order. */
interface DbFixture {
  schemaVersion: number;
  schema: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

function fixedClock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (minutes: number) => (t += minutes * 60_000) };
}

/** Ids in ULID shape (26 Crockford characters), sortable, the same on every run. */
function fixedIds(): () => string {
  let n = 0;
  return () => `01HV${String(++n).padStart(22, '0')}`;
}

async function build(ws: WorkspaceHandle, clock: ReturnType<typeof fixedClock>): Promise<void> {
  const ok = (what: string, report: { rejected: unknown[] }) => {
    if (report.rejected.length) throw new Error(`${what} rejected: ${JSON.stringify(report.rejected)}`);
  };
  await ws.setup.update({
    segmentNos: 'SEG00001',
    contactNos: 'CT00001',
    defaultCorrespondenceType: 'Hard Copy',
    defaultLanguageCode: 'ITA',
    locale: 'it-IT',
  });
  await ws.profile.update({ userId: 'ANNA.BIANCHI', salespersonCode: 'JR', uiLanguage: 'it' });

  ok(
    'salespeople',
    await ws.salespeople.upsert([
      { code: 'JR', name: 'John Roberts', jobTitle: 'Sales Manager', email: 'jr@cronus.it', phoneNo: '+39 06 1234567' },
      { code: 'BD', name: 'Benjamin Chiu', email: 'bd@cronus.it' },
    ]),
  );
  ok(
    'interaction groups',
    await ws.interactionGroups.upsert([
      { code: 'LETTER', description: 'Letters' },
      { code: 'MEMO', description: 'Memos' },
    ]),
  );
  ok(
    'mailing groups',
    await ws.mailingGroups.upsert([
      { code: 'XMAS', description: 'Christmas card' },
      { code: 'NEWS', description: 'Newsletter' },
    ]),
  );
  ok(
    'industry groups',
    await ws.industryGroups.upsert([
      { code: 'RETAIL', description: 'Retail' },
      { code: 'WHOLESALE', description: 'Wholesale' },
    ]),
  );
  ok('business relations', await ws.businessRelations.upsert([{ code: 'CUST', description: 'Customer' }]));
  ok('job responsibilities', await ws.jobResponsibilities.upsert([{ code: 'PURCH', description: 'Purchasing' }]));
  ok('languages', await ws.languages.upsert(marketLanguages));
  ok(
    'templates',
    await ws.interactionTemplates.upsert([
      {
        ...abstractTemplateBase,
        campaignNo: 'CP1001',
        campaignTarget: true,
        correspondenceTypeDefault: 'Hard Copy',
        languageCodeDefault: 'ENU',
        letters: {
          ENU: { subject: 'Our news', ooxml: '<w:p><w:r><w:t>Dear </w:t></w:r></w:p>' },
          ITA: { subject: 'Le nostre novità', ooxml: '<w:p><w:r><w:t>Gentile </w:t></w:r></w:p>' },
        },
      },
      {
        code: 'MEMO',
        description: 'Memo',
        interactionGroupCode: 'MEMO',
        unitCost: 1,
        unitDuration: 5,
        correspondenceTypeDefault: 'Email',
        ignoreContactCorresType: true,
      },
    ]),
  );
  const source = { workbook: 'Contacts.xlsx', sheet: 'Italia', table: 'Contatti' };
  ok(
    'contacts',
    await ws.contacts.upsert([
      {
        no: 'C100',
        type: 'Company',
        name: 'Alfa Srl',
        address: 'Via del Corso 12',
        postCode: '00186',
        city: 'Roma',
        county: 'RM',
        countryRegionCode: 'IT',
        industryGroups: ['RETAIL'],
        businessRelations: ['CUST'],
        salespersonCode: 'JR',
        email: 'info@alfa.it',
        extra: { Fatturato: 1250000, Cliente: true, 'Note.interne': 'Partner dal 2019' },
        source: { ...source, rowKey: '2' },
      },
      {
        no: 'P101',
        type: 'Person',
        name: 'Anna Bianchi',
        companyNo: 'C100',
        jobTitle: 'Buyer',
        address: 'Via del Corso 12',
        postCode: '00186',
        city: 'Roma',
        mailingGroups: ['XMAS'],
        languageCode: 'ITA',
        email: 'anna@alfa.it',
        jobResponsibilities: ['PURCH'],
        extra: { Fatturato: 0, Compleanno: '1984-05-17' },
        source: { ...source, rowKey: '3' },
      },
      {
        no: 'P102',
        type: 'Person',
        name: 'Marco Rossi',
        companyNo: 'C100',
        address: 'Piazza Navona 4B',
        postCode: '00186',
        city: 'Roma',
        correspondenceType: 'Email',
        email: 'marco@alfa.it',
        source: { ...source, rowKey: '4' },
      },
      {
        no: 'C200',
        type: 'Company',
        name: 'Beta SpA',
        address: 'Corso Buenos Aires 77',
        postCode: '20124',
        city: 'Milano',
        county: 'MI',
        salespersonCode: 'BD',
        industryGroups: ['WHOLESALE'],
        email: 'info@beta.it',
        source: { ...source, rowKey: '5' },
      },
      {
        no: 'P201',
        type: 'Person',
        name: 'Luca Verdi',
        companyNo: 'C200',
        address: 'Corso Buenos Aires 77',
        postCode: '20124',
        city: 'Milano',
        mailingGroups: ['XMAS', 'NEWS'],
        email: 'luca@beta.it',
        phoneNo: '+39 02 7654321',
        source: { ...source, rowKey: '6' },
      },
      {
        no: 'P300',
        type: 'Person',
        name: 'Zoe Neri',
        address: 'Lungo Po',
        postCode: '10123',
        city: 'Torino',
        languageCode: 'ENU',
        email: 'zoe@neri.it',
        profileAnswers: [{ questionnaire: 'HOBBY', answer: 'Sailing' }],
        extra: { Cliente: false },
      },
      {
        no: 'P400',
        type: 'Person',
        name: 'Eva Esclusa',
        address: 'Via Appia Nuova 1020',
        postCode: '00178',
        city: 'Roma',
        excludeFromSegment: true,
      },
      {
        no: 'P500',
        type: 'Person',
        name: "Dario O'Brien",
        address: '',
        city: 'Napoli',
        postCode: '80133',
        correspondenceType: 'Hard Copy',
        mobilePhoneNo: '+39 333 1234567',
      },
    ]),
  );

  // An open segment with criteria history: an Add, a manual line, a deleted manual line, a Reduce,
  // per-contact overrides and comments, a header change applied to the lines.
  clock.advance(60);
  const open = await ws.segments.create({
    description: 'Spring newsletter',
    interactionTemplateCode: 'ABSTRACT',
    subjectDefault: 'Spring news',
  });
  await ws.segments.addContacts(open.no, { contact: { city: 'Roma|Milano' } }, { allowRelatedCompanies: true });
  clock.advance(5);
  await ws.segments.addLine(open.no, 'P500');
  await ws.segments.addLine(open.no, 'P300');
  const view = await ws.segments.get(open.no);
  const p300 = view!.lines.find((l) => l.contactNo === 'P300')!;
  await ws.segments.updateLine(open.no, p300.lineNo, { comment: 'Sailing club member', subject: 'Vela', cost: 4 });
  await ws.segments.removeLine(open.no, p300.lineNo);
  await ws.segments.reduceContacts(open.no, { contact: { city: 'Milano' } });
  const kept = (await ws.segments.get(open.no))!.lines;
  for (const [i, l] of kept.entries()) {
    await ws.segments.updateLine(open.no, l.lineNo, { comment: `Grazie ${l.contactNo}, riga ${i + 1}` });
  }
  await ws.segments.updateLine(open.no, kept[1].lineNo, { evaluation: 'Positive', attemptFailed: false, duration: 15 });
  await ws.segments.updateHeader(
    open.no,
    { description: 'Spring newsletter 2026', unitCost: 3 },
    { updateLines: true },
  );
  await ws.segments.saveCriteria(open.no, 'ROMA-NEWS', 'Rome and its companies');

  // A segment logged with merged letters, one entry canceled and one evaluated, and its follow-up.
  clock.advance(60);
  const sent = await ws.segments.create({
    description: 'Christmas cards',
    interactionTemplateCode: 'MEMO',
    salespersonCode: 'BD',
  });
  await ws.segments.addContacts(sent.no, { mailingGroup: 'XMAS' });
  const sentLines = (await ws.segments.get(sent.no))!.lines;
  await ws.segments.updateLine(sent.no, sentLines[0].lineNo, { comment: 'Auguri!' });
  clock.advance(1);
  const logged = await ws.segments.log(sent.no, {
    createFollowUp: true,
    letters: sentLines.map((l) => ({
      lineNo: l.lineNo,
      ooxml: `<w:p><w:r><w:t>Caro ${l.contactNo}</w:t></w:r></w:p>`,
    })),
  });
  await ws.interactionLog.setEvaluation(logged.entries[0].entryNo, 'Very Positive');
  await ws.interactionLog.toggleCanceled(logged.entries[1].entryNo);
}

async function freezeFixture(): Promise<DbFixture> {
  const clock = fixedClock('2026-03-02T09:30:00.000Z');
  const ws = await openWorkspace({
    name: 'freeze',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    now: clock.now,
    newId: fixedIds(),
    locale: 'it-IT',
  });
  try {
    await build(ws, clock);
    const db = ws.ctx.db;
    const schema = schemas[db.verno];
    if (!schema) throw new Error(`the store is at schema version ${db.verno}: add its schema to this script`);
    const tables: DbFixture['tables'] = {};
    for (const name of Object.keys(schema).sort())
      tables[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
    return { schemaVersion: db.verno, schema: { ...schema }, tables };
  } finally {
    ws.close();
  }
}

const fixture = await freezeFixture();
const out = process.argv[2] ?? join(here, '..', 'test', 'fixtures', `db-v${fixture.schemaVersion}.json`);
writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(
  `wrote ${out}: ${Object.entries(fixture.tables)
    .map(([t, rows]) => `${t} ${rows.length}`)
    .join(', ')}`,
);
