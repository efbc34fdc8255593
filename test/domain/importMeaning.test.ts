// Import keeps meaning: companies linked, codes checked with a choice, countries by name, one bad value
// never loses the row, company-only files, the same file twice. Through CSV (the Excel grid goes through
// the same prepareRows/importContacts), against the real store over fake-indexeddb.
import { restoreMapping, suggestMapping, type ColumnMapping } from '../../src/domain/columnMapping';
import { importContacts, reviewImport, type ContactImportOptions } from '../../src/domain/contactImport';
import { parseCsv } from '../../src/domain/csv';
import { gridFromCsv, prepareRows } from '../../src/domain/sheetImport';
import { makeWorkspace } from '../store/helpers';

type WS = Awaited<ReturnType<typeof makeWorkspace>>;

function prepareCsv(text: string, mapping?: (m: ColumnMapping) => ColumnMapping, dataLocales?: string[]) {
  const csv = parseCsv(text);
  const m = suggestMapping(csv.header);
  return prepareRows(gridFromCsv(csv), mapping ? mapping(m) : m, { file: 'customers.csv' }, { dataLocales });
}

async function run(ws: WS, text: string, options: ContactImportOptions = {}, dataLocales?: string[]) {
  return importContacts(ws, prepareCsv(text, undefined, dataLocales), options);
}

let ws: WS;
beforeEach(async () => {
  ws = await makeWorkspace();
  await ws.salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
  await ws.mailingGroups.upsert([
    { code: 'NEWSLETTER', description: 'Newsletter' },
    { code: 'FIERA', description: 'Fiera' },
  ]);
  await ws.languages.upsert([{ code: 'ITA', name: 'Italiano', locale: 'it-IT' }]);
});
afterEach(() => ws.close());

describe('the header catalogue', () => {
  test('knows Title, Region, Fax and the customer keys of other systems', () => {
    const m = suggestMapping([
      'CustomerID',
      'CompanyName',
      'ContactName',
      'ContactTitle',
      'Region',
      'Fax',
      'Customer No.',
      'Codice cliente',
      'Regione',
      'Qualifica',
      'Title',
    ]);
    expect(
      m.columns.map((c) =>
        c.target.kind === 'field' ? c.target.field : c.target.kind === 'extra' ? `extra:${c.target.name}` : 'ignore',
      ),
    ).toEqual([
      'no',
      'companyName',
      'name',
      'jobTitle',
      'county',
      'extra:Fax No.',
      'no',
      'no',
      'county',
      'jobTitle',
      'jobTitle',
    ]);
  });

  test('a column re-pointed by the user is remembered per file', () => {
    const headers = ['Nome', 'Paese'];
    const saved = { version: 1, columns: [{ header: 'Paese', target: { kind: 'extra', name: 'Paese' } }] };
    const m = restoreMapping(headers, saved);
    expect(m.columns[1].target).toEqual({ kind: 'extra', name: 'Paese' });
  });
});

describe('persons are linked to their company', () => {
  test('by Company No., else by exact Company Name; every link and miss reported', async () => {
    await ws.contacts.upsert([{ no: 'C1', type: 'Company', name: "Trail's Head Gourmet" }]);
    const r = await run(
      ws,
      [
        'No.;Name;Company No.;Company Name',
        'K1;Alfa Srl;;',
        'P1;Anna Bianchi;;Alfa Srl',
        "P2;Helvetius Nagy;;Trail's Head Gourmet",
        'P3;Marco Rossi;C1;',
        'P4;Zoe Neri;;Nobody Ltd',
        'P5;Ugo Bassi;C9;',
      ].join('\n'),
    );
    expect(r.companyLinks.map((l) => [l.sheetRow, l.outcome, l.companyNo])).toEqual([
      [3, 'notFound', ''],
      [4, 'byName', 'C1'],
      [5, 'byNo', 'C1'],
      [6, 'notFound', ''],
      [7, 'unknownNo', 'C9'],
    ]);
    expect(r.problems.find((p) => p.code === 'companyNoNotFound')).toMatchObject({
      row: 7,
      severity: 'warning',
      params: { companyNo: 'C9' },
    });
    expect(await ws.contacts.get('P2')).toMatchObject({ companyNo: 'C1', companyName: "Trail's Head Gourmet" });
    expect(r.problems.filter((p) => p.code === 'companyNotFound').map((p) => p.row)).toEqual([3, 6]);
    expect(r).toMatchObject({ inserted: 6, updated: 0, warned: 3, rejected: 0 });
  });

  test('a company row in the same file links its persons; with the option a missing company is created once', async () => {
    const text = [
      'CompanyName;ContactName;City',
      'Alfa Srl;;Roma', // a company name and no person name: the company itself
      'Alfa Srl;Anna Bianchi;Roma',
      'Beta SpA;Luca Verdi;Milano',
      'Beta SpA;Sara Gialli;Milano',
    ].join('\n');
    const r = await run(ws, text, { createCompanies: true });
    const all = await ws.contacts.list();
    const alfa = all.find((c) => c.name === 'Alfa Srl')!;
    const beta = all.find((c) => c.name === 'Beta SpA')!;
    expect(alfa).toMatchObject({ type: 'Company', companyNo: alfa.no, city: 'Roma' });
    expect(beta).toMatchObject({ type: 'Company', companyNo: beta.no });
    expect(all.filter((c) => c.type === 'Person').map((c) => [c.name, c.companyNo, c.companyName])).toEqual([
      ['Anna Bianchi', alfa.no, 'Alfa Srl'],
      ['Luca Verdi', beta.no, 'Beta SpA'],
      ['Sara Gialli', beta.no, 'Beta SpA'],
    ]);
    expect(r.companyLinks.map((l) => l.outcome)).toEqual(['byName', 'created', 'created']);
    expect(r.problems.filter((p) => p.code === 'companyCreated')).toHaveLength(1);
    expect(r.inserted).toBe(5);
  });
});

describe('codes', () => {
  const file = [
    'No.;Name;Salesperson Code;Mailing Groups;Language Code',
    'P1;Anna;XX;NEWSLETTER|FIERA;ITA',
    'P2;Luca;JR;NEWSLETTER,PROMO;DEU',
    'P3;Sara;JR;FIERA;ITA',
  ].join('\n');

  test('multi-valued code columns accept ;, , and |', async () => {
    const p = prepareCsv(
      ['No.;Name;Mailing Groups', 'P1;A;NEWSLETTER|FIERA', 'P2;B;"NEWSLETTER; FIERA"', 'P3;C;newsletter,fiera'].join(
        '\n',
      ),
    );
    expect(p.rows.map((r) => r.row.mailingGroups)).toEqual([
      ['NEWSLETTER', 'FIERA'],
      ['NEWSLETTER', 'FIERA'],
      ['NEWSLETTER', 'FIERA'],
    ]);
  });

  test('the review lists every unknown code with its rows, before anything is written', async () => {
    const review = await reviewImport(ws, prepareCsv(file));
    expect(review.unknownCodes.map((u) => [u.list, u.code, u.rows])).toEqual([
      ['salespeople', 'XX', [2]],
      ['languages', 'DEU', [3]],
      ['mailingGroups', 'PROMO', [3]],
    ]);
    expect(await ws.contacts.list()).toEqual([]);
  });

  test('default: the row is imported without the unknown code, warned on its row', async () => {
    const r = await run(ws, file);
    expect(r).toMatchObject({ inserted: 3, warned: 2, rejected: 0 });
    expect(await ws.contacts.get('P1')).toMatchObject({
      salespersonCode: '',
      mailingGroups: ['NEWSLETTER', 'FIERA'],
      languageCode: 'ITA',
    });
    expect(await ws.contacts.get('P2')).toMatchObject({
      salespersonCode: 'JR',
      mailingGroups: ['NEWSLETTER'],
      languageCode: '',
    });
    const warnings = r.problems.filter((p) => p.code === 'unknownCode');
    expect(warnings.map((p) => [p.row, p.severity, p.params.listName, p.params.code, p.column, p.header])).toEqual([
      [2, 'warning', 'salespeople', 'XX', 'C', 'Salesperson Code'],
      [3, 'warning', 'languages', 'DEU', 'E', 'Language Code'],
      [3, 'warning', 'mailingGroups', 'PROMO', 'D', 'Mailing Groups'],
    ]);
    expect(warnings[0].message).toBe(
      'Row 2, column C (Salesperson Code): Salesperson Code XX does not exist. The row was imported without this value.',
    );
    expect((await ws.salespeople.list()).map((s) => s.code)).toEqual(['JR']);
  });

  test('create: the missing codes are created with the contacts, in one write', async () => {
    const r = await run(ws, file, { unknownCodes: 'create' });
    expect(r).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await ws.salespeople.list()).map((s) => s.code)).toEqual(['JR', 'XX']);
    expect((await ws.mailingGroups.list()).map((s) => s.code)).toEqual(['FIERA', 'NEWSLETTER', 'PROMO']);
    expect((await ws.languages.list()).map((s) => s.code)).toEqual(['DEU', 'ITA']);
    expect(await ws.contacts.get('P2')).toMatchObject({ mailingGroups: ['NEWSLETTER', 'PROMO'], languageCode: 'DEU' });
  });

  test('create: the report says which codes were created, and warns of none of them', async () => {
    const r = await run(ws, file, { unknownCodes: 'create' });
    expect(r).toMatchObject({ inserted: 3, warned: 0, rejected: 0 });
    expect(r.problems.filter((p) => p.code === 'unknownCode')).toEqual([]);
    const created = r.problems.filter((p) => p.code === 'codeCreated');
    expect(created.map((p) => [p.severity, p.params.listName, p.params.code, p.params.rows, p.column])).toEqual([
      ['info', 'salespeople', 'XX', '2', 'C'],
      ['info', 'languages', 'DEU', '3', 'E'],
      ['info', 'mailingGroups', 'PROMO', '3', 'D'],
    ]);
    // Before the rows' own problems: a created code is a note on the whole import, not on one row.
    expect(r.problems.slice(0, 3)).toEqual(created);
    expect(created[0].message).toBe('Salesperson Code XX created (rows: 2).');
  });

  test('create for one list, drop for another: only the dropped code is warned', async () => {
    const r = await run(ws, file, { unknownCodes: { salespersonCode: 'create', languageCode: 'drop' } });
    expect(r.problems.filter((p) => p.code === 'unknownCode').map((p) => p.params.code)).toEqual(['DEU', 'PROMO']);
    expect(r.problems.filter((p) => p.code === 'codeCreated').map((p) => p.params.code)).toEqual(['XX']);
    expect(r).toMatchObject({ warned: 1 });
  });

  test('reject: the rows with an unknown code are not imported, and the report counts them', async () => {
    const r = await run(ws, file, { unknownCodes: { salespersonCode: 'reject', mailingGroups: 'create' } });
    expect(r).toMatchObject({ inserted: 2, rejected: 1, rejectedRows: [2] });
    expect(await ws.contacts.get('P1')).toBeUndefined();
    expect(await ws.contacts.get('P2')).toMatchObject({ mailingGroups: ['NEWSLETTER', 'PROMO'], languageCode: '' });
  });

  test('a failed write creates no code either', async () => {
    // A code too long for its list is refused: neither the code nor the contacts are written.
    await expect(
      ws.contacts.importRows({
        rows: [{ no: 'Z1', name: 'Z' }],
        createCodes: [{ list: 'languages', code: 'TOO-LONG-CODE' }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await ws.contacts.get('Z1')).toBeUndefined();
    expect((await ws.languages.list()).map((l) => l.code)).toEqual(['ITA']);
  });
});

describe('territories', () => {
  // A contact's Territory Code is checked against the Territories as the other codes are.
  const file = ['No.;Name;Territory Code', 'T1;Anna;NORD', 'T2;Luca;SUD', 'T3;Sara;'].join('\n');
  beforeEach(async () => {
    await ws.territories.upsert([{ code: 'NORD', name: 'Nord Italia' }]);
  });

  test('the review lists an unknown territory code with its rows', async () => {
    const review = await reviewImport(ws, prepareCsv(file));
    expect(review.unknownCodes.map((u) => [u.field, u.list, u.code, u.rows])).toEqual([
      ['territoryCode', 'territories', 'SUD', [3]],
    ]);
  });

  test('default: the row is imported without it, warned on its row in BC’s words', async () => {
    const r = await run(ws, file);
    expect(r).toMatchObject({ inserted: 3, warned: 1, rejected: 0 });
    expect((await ws.contacts.get('T1'))?.territoryCode).toBe('NORD');
    expect((await ws.contacts.get('T2'))?.territoryCode).toBe('');
    expect(r.problems.find((p) => p.code === 'unknownCode')?.message).toBe(
      'Row 3, column C (Territory Code): Territory Code SUD does not exist. The row was imported without this value.',
    );
    expect((await ws.territories.list()).map((t) => t.code)).toEqual(['NORD']);
  });

  test('create: the missing territory is created with the contacts; reject: the row is left out', async () => {
    const created = await run(ws, file, { unknownCodes: 'create' });
    expect(created).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await ws.territories.list()).map((t) => [t.code, t.name])).toEqual([
      ['NORD', 'Nord Italia'],
      ['SUD', ''],
    ]);
    expect((await ws.contacts.get('T2'))?.territoryCode).toBe('SUD');
    await ws.territories.remove('SUD');
    const other = ['No.;Name;Territory Code', 'T4;Paolo;EST', 'T5;Rita;NORD'].join('\n');
    const rejected = await run(ws, other, { unknownCodes: { territoryCode: 'reject' } });
    expect(rejected).toMatchObject({ inserted: 1, rejected: 1, rejectedRows: [2] });
    expect(await ws.contacts.get('T4')).toBeUndefined();
  });
});

describe('countries', () => {
  test('codes and names (English, Italian, the data language) are stored as the ISO code, the name kept; unknown is a warning', async () => {
    const r = await run(
      ws,
      [
        'No.;Name;Country',
        'P1;Anna;Switzerland',
        'P2;Luca;Germania',
        'P3;Sara;mx',
        'P4;Otto;Deutschland',
        'P5;Zoe;Narnia',
      ].join('\n'),
      {},
      ['de-DE'],
    );
    expect(r).toMatchObject({ inserted: 5, rejected: 0, warned: 1 });
    const got = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P5'].map((n) => ws.contacts.get(n)));
    expect(got.map((c) => [c!.countryRegionCode, c!.extra.Country])).toEqual([
      ['CH', 'Switzerland'],
      ['DE', 'Germania'],
      ['MX', undefined],
      ['DE', 'Deutschland'],
      ['', 'Narnia'],
    ]);
    expect(r.problems.find((p) => p.code === 'unknownCountry')).toMatchObject({
      row: 6,
      severity: 'warning',
      params: { value: 'Narnia' },
    });
  });
});

describe('a bad value in one field keeps the row', () => {
  test('only the identity (No., name) rejects', async () => {
    const long = 'x'.repeat(40);
    const r = await run(
      ws,
      [
        'No.;Name;City;E-Mail',
        `P1;Anna;${long};anna@x.it`,
        'P2;Luca;Milano;not-a-mail',
        `P3;${'y'.repeat(120)};Roma;`,
      ].join('\n'),
    );
    expect(r).toMatchObject({ inserted: 2, warned: 2, rejected: 1, rejectedRows: [4] });
    expect(await ws.contacts.get('P1')).toMatchObject({ city: '', email: 'anna@x.it' });
    expect(
      r.problems.filter((p) => p.severity === 'warning').map((p) => [p.row, p.params.reasonKey, p.params.max]),
    ).toEqual([
      [2, 'tooLong', 30],
      [3, 'notEmail', undefined],
    ]);
  });
});

describe('company-only files and the same file twice', () => {
  const companies = [
    'CompanyName;City;PostalCode;Country',
    'Alfreds Futterkiste;Berlin;12209;Germany',
    'Ana Trujillo Emparedados y helados;México D.F.;05021;Mexico',
    "Bon app';Marseille;13008;France",
  ].join('\n');

  test('a file of companies only imports companies', async () => {
    const r = await run(ws, companies);
    expect(r).toMatchObject({ inserted: 3, rejected: 0 });
    const all = await ws.contacts.list();
    expect(all.map((c) => [c.type, c.name, c.postCode, c.countryRegionCode])).toEqual([
      ['Company', 'Alfreds Futterkiste', '12209', 'DE'],
      ['Company', 'Ana Trujillo Emparedados y helados', '05021', 'MX'],
      ['Company', "Bon app'", '13008', 'FR'],
    ]);
  });

  test('without a number column the second import updates the same contacts (name and post code, or e-mail)', async () => {
    await run(ws, companies);
    const review = await reviewImport(ws, prepareCsv(companies));
    expect(review.existingMatches.map((m) => m.by)).toEqual(['namePostCode', 'namePostCode', 'namePostCode']);
    const again = await run(ws, companies);
    expect(again).toMatchObject({ inserted: 0, updated: 3 });
    expect(await ws.contacts.list()).toHaveLength(3);
    const skipped = await run(ws, companies, { existingMatches: 'skip' });
    expect(skipped).toMatchObject({ inserted: 0, updated: 0 });
    expect(skipped.problems.filter((p) => p.code === 'matchedExisting' && p.params.skipped === 1)).toHaveLength(3);
  });
});
