// The import flow against the real workspace (Dexie over fake-indexeddb).
import { suggestMapping } from '../../src/domain/columnMapping';
import { importContacts, reviewImport } from '../../src/domain/contactImport';
import { parseCsv } from '../../src/domain/csv';
import { gridFromCsv, prepareRows, type SheetGrid } from '../../src/domain/sheetImport';
import { makeTranslate } from '../../src/ui/common/i18n';
import { problemText } from '../../src/ui/import/importText';
import { excelMessages } from '../../src/ui/import/messages';
import { makeWorkspace } from '../store/helpers';

function grid(header: string[], rows: (string | number | boolean | null)[][], firstRow = 2): SheetGrid {
  const values = rows.map((r) => header.map((_, j) => r[j] ?? ''));
  return {
    headerRow: firstRow - 1,
    firstColumn: 0,
    header,
    rowNumbers: rows.map((_, i) => firstRow + i),
    values,
    text: values.map((r) => r.map((v) => String(v))),
    numberFormat: values.map((r) => r.map(() => 'General')),
    valueTypes: values.map((r) =>
      r.map((v) =>
        v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String',
      ),
    ),
  };
}

const source = { workbook: 'Leads.xlsx', sheet: 'Milano' };

describe('importing prepared rows into the workspace', () => {
  test('numbered rows upsert; unnumbered rows match by e-mail or take numbers from the series; each keeps its source', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'CT00001', name: 'Stored', email: 'known@x.it' }]);
    const g = grid(
      ['No.', 'Name', 'E-Mail', 'City'],
      [
        ['CT00100', 'Rossi', 'rossi@x.it', 'Milano'],
        ['', 'Known again', 'KNOWN@x.it', 'Roma'],
        ['', 'Brand new', 'new@x.it', 'Bari'],
        ['', 'No mail', '', 'Como'],
      ],
    );
    const prepared = prepareRows(g, suggestMapping(g.header), source);
    const r = await importContacts(ws, prepared);
    expect(r).toMatchObject({ inserted: 3, updated: 1, rejectedRows: [] });
    expect(r.matchedByEmail).toEqual([{ sheetRow: 3, no: 'CT00001' }]);
    expect(r.generated).toEqual([
      { sheetRow: 4, no: 'CT00002' },
      { sheetRow: 5, no: 'CT00003' },
    ]);
    expect(r.contactNos).toEqual(['CT00100', 'CT00001', 'CT00002', 'CT00003']);
    expect(await ws.contacts.get('CT00001')).toMatchObject({
      name: 'Known again',
      city: 'Roma',
      source: { ...source, rowKey: '["#row","3"]' },
    });
    expect((await ws.contacts.get('CT00100'))?.source).toEqual({ ...source, rowKey: '["No.","CT00100"]' });
    ws.close();
  });

  test("a company with persons that a row would make a Person is rejected with the persons named, in the user's words", async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'E001', type: 'Company', name: 'Acme' },
      { no: 'E002', type: 'Person', name: 'Pat', companyNo: 'E001' },
    ]);
    const g = grid(['No.', 'Type', 'Name'], [['E001', 'Person', 'Acme']]);
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.rejectedRows).toEqual([2]);
    const p = r.problems.find((x) => x.code === 'rejectedByStore');
    expect(p?.params).toMatchObject({ reasonKey: 'companyHasPersons', no: 'E001', persons: 1, personNo: 'E002' });
    expect(problemText(makeTranslate([excelMessages], 'en'), p!)).toBe(
      'Row 2: contact E001 stays a Company: person E002 has it as their Company No., and a company with persons cannot become a Person. The row was not imported.',
    );
    expect(problemText(makeTranslate([excelMessages], 'it'), p!)).toBe(
      'Riga 2: il contatto E001 resta di tipo Società: la persona E002 lo ha come Nr. società, e una società con persone non può diventare di tipo Persona. La riga non è stata importata.',
    );
    expect((await ws.contacts.get('E001'))?.type).toBe('Company');
    ws.close();
  });

  test("the store's rejections come back by sheet row; nothing numbered is wasted on invalid rows", async () => {
    const ws = await makeWorkspace();
    const g = grid(
      ['No.', 'Name', 'E-Mail'],
      [
        ['CT1', '', 'a@x.it'], // a new contact needs a name: the store says so
        ['', 'Bad mail', 'not-an-email'], // imported without the e-mail, warned
        ['', 'Good', ''],
      ],
      10,
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.rejectedRows).toEqual([10]);
    expect(r.problems.map((p) => [p.code, p.row, p.severity])).toEqual([
      ['rejectedByStore', 10, 'error'],
      ['invalidValue', 11, 'warning'],
    ]);
    expect(r.problems[0].message).toContain('name: is required for a new contact');
    expect(r.problems[0].params.reasonKey).toBe('nameRequired');
    expect(r.generated).toEqual([
      { sheetRow: 11, no: 'CT00001' },
      { sheetRow: 12, no: 'CT00002' },
    ]);
    expect((await ws.contacts.get('CT00001'))?.email).toBe('');
    ws.close();
  });

  test('contacts may share an e-mail: rows without a number and with other names are other persons', async () => {
    const ws = await makeWorkspace();
    const g = grid(
      ['Type', 'Name', 'E-Mail'],
      [
        ['Person', 'No Number One', 'nonum@acme.example'],
        ['Person', 'No Number Two', 'NoNum@acme.example'],
        ['Person', 'Same Person', 'same@x.it'],
        ['Person', 'same person ', 'same@x.it'],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    // Two persons on one mailbox are both imported, each told of the other; the same name and e-mail twice is one contact.
    expect(r.problems.map((p) => p.message)).toEqual([
      'Row 4: the same name and e-mail ("Same Person", same@x.it) appear again in row 5; row 5 wins. The row was not imported.',
      'Row 2: e-mail nonum@acme.example is also given for another name (rows: 3); each row is imported as its own contact, sharing the e-mail.',
      'Row 3: e-mail NoNum@acme.example is also given for another name (rows: 2); each row is imported as its own contact, sharing the e-mail.',
    ]);
    expect(r.problems.map((p) => p.severity)).toEqual(['error', 'info', 'info']);
    expect(r).toMatchObject({ inserted: 3, rejectedRows: [4] });
    const stored = await ws.contacts.list();
    expect(stored.map((c) => c.name).sort()).toEqual(['No Number One', 'No Number Two', 'same person']);

    // Imported again: each row finds its own contact by e-mail and name, and updates it.
    const again = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(again).toMatchObject({ inserted: 0, updated: 3, rejectedRows: [4] });
    const noOf = (name: string) => stored.find((c) => c.name === name)!.no;
    expect(again.matchedExisting.map((m) => [m.sheetRow, m.no])).toEqual([
      [2, noOf('No Number One')],
      [3, noOf('No Number Two')],
      [4, noOf('same person')],
      [5, noOf('same person')],
    ]);
    ws.close();
  });

  test('a stored contact with the e-mail is updated by the row with its name; rows with other names are new contacts, warned', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'A1', type: 'Person', name: 'Anna Rossi', email: 'info@acme.it' }]);
    const g = grid(
      ['Type', 'Name', 'E-Mail', 'City'],
      [
        ['Person', 'Bruno Bianchi', 'info@acme.it', 'Roma'],
        ['Person', 'anna rossi', 'info@acme.it', 'Milano'],
      ],
    );
    const prepared = prepareRows(g, suggestMapping(g.header), source);
    const review = await reviewImport(ws, prepared);
    expect(review.existingMatches).toEqual([{ sheetRow: 3, no: 'A1', by: 'email' }]);
    const r = await importContacts(ws, prepared);
    expect(r).toMatchObject({ inserted: 1, updated: 1, rejectedRows: [] });
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      [
        'warning',
        'Row 2: e-mail info@acme.it is also the e-mail of contact A1, which has another name; the row is imported as a new contact sharing the e-mail. To update that contact instead, give the row its contact number.',
      ],
      ['info', 'Row 3: matches contact A1 by e-mail; it updates that contact.'],
    ]);
    expect(await ws.contacts.get('A1')).toMatchObject({ name: 'anna rossi', city: 'Milano' });
    expect((await ws.contacts.list()).find((c) => c.no !== 'A1')).toMatchObject({
      name: 'Bruno Bianchi',
      email: 'info@acme.it',
    });
    ws.close();
  });

  test('one row with a stored contact’s e-mail updates it, even renamed; several rows with other names update none', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'A1', type: 'Person', name: 'Anna Rossi', email: 'anna@acme.it' },
      { no: 'B1', type: 'Person', name: 'Ufficio', email: 'info@acme.it' },
    ]);
    const g = grid(
      ['Type', 'Name', 'E-Mail'],
      [
        ['Person', 'Anna Maria Rossi', 'anna@acme.it'],
        ['Person', 'Carla Verdi', 'info@acme.it'],
        ['Person', 'Dario Neri', 'info@acme.it'],
      ],
    );
    const prepared = prepareRows(g, suggestMapping(g.header), source);
    expect((await reviewImport(ws, prepared)).existingMatches).toEqual([{ sheetRow: 2, no: 'A1', by: 'email' }]);
    const r = await importContacts(ws, prepared);
    expect(r).toMatchObject({ inserted: 2, updated: 1, rejectedRows: [] });
    expect(r.problems.map((p) => [p.severity, p.code, p.row])).toEqual([
      ['warning', 'emailSharedStored', 3],
      ['warning', 'emailSharedStored', 4],
      ['info', 'matchedExisting', 2],
    ]);
    expect((await ws.contacts.get('A1'))?.name).toBe('Anna Maria Rossi');
    expect((await ws.contacts.get('B1'))?.name).toBe('Ufficio');
    ws.close();
  });

  test('contacts that share an e-mail: the row with the name of one of them updates it; the same name on two is refused', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'A1', name: 'A', email: 'twin@x.it' },
      { no: 'A2', name: 'B', email: 'twin@x.it' },
      { no: 'C1', name: 'Carlo', email: 'pair@x.it' },
      { no: 'C2', name: 'Carlo', email: 'pair@x.it' },
    ]);
    const g = grid(
      ['Name', 'E-Mail', 'City'],
      [
        ['B', 'twin@x.it', 'Roma'],
        ['Twin', 'twin@x.it', 'Bari'],
        ['Carlo', 'pair@x.it', 'Como'],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.problems.map((p) => p.message)).toEqual([
      'Row 4: several contacts (C1, C2) have e-mail pair@x.it and this name; give the row its contact number. The row was not imported.',
      'Row 3: e-mail twin@x.it is also the e-mail of contacts A1, A2, which have other names; the row is imported as a new contact sharing the e-mail. To update one of them instead, give the row its contact number.',
      'Row 2: matches contact A2 by e-mail; it updates that contact.',
    ]);
    expect(r).toMatchObject({ inserted: 1, updated: 1, rejectedRows: [4] });
    expect((await ws.contacts.get('A2'))?.city).toBe('Roma');
    expect((await ws.contacts.get('A1'))?.city).toBe('');
    ws.close();
  });

  test('the imported contacts go onto the open segment as one undoable action with the sheet as source', async () => {
    const ws = await makeWorkspace();
    const seg = await ws.segments.create({ description: 'Fair' });
    const g = grid(
      ['No.', 'Name'],
      [
        ['CT1', 'One'],
        ['CT2', 'Two'],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    const step = await ws.segments.addContactList(seg.no, r.contactNos, { source: 'Leads.xlsx › Milano' });
    expect(step.added.map((l) => l.contactNo)).toEqual(['CT1', 'CT2']);
    const view = await ws.segments.get(seg.no);
    expect(view?.criteria).toEqual([
      expect.objectContaining({
        kind: 'Add Contacts',
        filters: { contactList: { source: 'Leads.xlsx › Milano', count: 2 } },
      }),
    ]);
    await ws.segments.goBack(seg.no);
    expect((await ws.segments.get(seg.no))?.lines).toEqual([]);
    ws.close();
  });
});

describe('the report of an import', () => {
  test('errors come first, then warnings, then notes, each in row order', async () => {
    const ws = await makeWorkspace();
    const g = grid(
      ['No.', 'Type', 'Name', 'Company No.', 'E-Mail'],
      [
        ['C1', 'Company', 'Alfa', '', ''],
        ['P1', 'Person', 'Rossi', 'C1', 'not-an-email'],
        ['P2', 'Person', 'N'.repeat(101), '', ''],
        ['P3', 'Person', 'Verdi', 'C1', ''],
        ['P4', 'Person', 'Neri', '', 'also-not-an-email'],
        ['P5', 'Person', 'Bianchi', '', ''],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.problems.map((p) => [p.severity, p.row, p.code])).toEqual([
      ['error', 4, 'invalidValue'],
      ['warning', 3, 'invalidValue'],
      ['warning', 6, 'invalidValue'],
      ['info', 3, 'companyLinked'],
      ['info', 5, 'companyLinked'],
    ]);
    expect(r.problems[0].message).toMatch(
      /^Row 4, column C \(Name\): "N{30}…" is longer than 100 characters.*\. The row was not imported\.$/,
    );
    ws.close();
  });
});

describe('what the report says of the rows imported', () => {
  test('a row that updates an existing contact by its number names that contact', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'K1', name: 'Rossi' }]);
    const g = grid(
      ['No.', 'Name'],
      [
        ['K1', 'Rossi Mario'],
        ['K2', 'Bianchi'],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r).toMatchObject({ inserted: 1, updated: 1 });
    const updated = r.problems.filter((p) => p.code === 'updatedExisting');
    expect(updated.map((p) => [p.severity, p.row, p.params.no])).toEqual([['info', 2, 'K1']]);
    expect(problemText(makeTranslate([excelMessages], 'en'), updated[0])).toBe(
      'Row 2: contact K1 "Rossi Mario" was updated.',
    );
    expect(problemText(makeTranslate([excelMessages], 'it'), updated[0])).toBe(
      'Riga 2: il contatto K1 "Rossi Mario" è stato aggiornato.',
    );
    ws.close();
  });

  test('a row matched by e-mail is not told twice that it updates its contact', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([{ no: 'K1', name: 'Rossi', email: 'r@x.it' }]);
    const g = grid(['Name', 'E-Mail'], [['Rossi', 'r@x.it']]);
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.updated).toBe(1);
    expect(r.problems.map((p) => p.code)).toEqual(['matchedExisting']);
    ws.close();
  });

  test('cells that are not dates are counted on the rows imported, not on a row refused as a duplicate', async () => {
    const ws = await makeWorkspace();
    const csv = parseCsv(
      [
        'Nr.;Nome;Data',
        'K1;Uno;01/02/2020',
        'K2;Due;02/02/2020',
        'K3;Tre;03/02/2020',
        'K4;Quattro;n/d',
        'K5;Cinque;05/02/2020',
        'K4;Quattro bis;boh',
        '',
      ].join('\n'),
    );
    const g = gridFromCsv(csv, { locale: 'it-IT' });
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), { file: 'c.csv' }));
    expect(r.rejectedRows).toEqual([5]);
    const dates = r.problems.filter((p) => p.code === 'unreadDates');
    expect(dates.map((p) => [p.row, p.params.count, p.params.value])).toEqual([[7, 1, 'boh']]);
    expect(r.warned).toBe(1);
    ws.close();
  });

  test('a column whose only unread cells are on rows not imported has no warning', async () => {
    const ws = await makeWorkspace();
    const csv = parseCsv(['Nr.;Nome;Data', 'K1;Uno;01/02/2020', 'K2;Due;n/d', 'K2;Due bis;02/02/2020', ''].join('\n'));
    const g = gridFromCsv(csv, { locale: 'it-IT' });
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), { file: 'c.csv' }));
    expect(r.rejectedRows).toEqual([3]);
    expect(r.problems.filter((p) => p.code === 'unreadDates')).toEqual([]);
    expect(r.warned).toBe(0);
    ws.close();
  });
});
