// The import flow against the real workspace (Dexie over fake-indexeddb).
import { suggestMapping } from '../../src/domain/columnMapping';
import { importContacts } from '../../src/domain/contactImport';
import { prepareRows, type SheetGrid } from '../../src/domain/sheetImport';
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

  test('an e-mail that belongs to two stored contacts is refused; the same new e-mail twice is one contact (later row wins)', async () => {
    const ws = await makeWorkspace();
    await ws.contacts.upsert([
      { no: 'A1', name: 'A', email: 'twin@x.it' },
      { no: 'A2', name: 'B', email: 'twin@x.it' },
    ]);
    const g = grid(
      ['Name', 'E-Mail'],
      [
        ['Twin', 'twin@x.it'],
        ['First', 'same@x.it'],
        ['Second', 'Same@x.it'],
      ],
    );
    const r = await importContacts(ws, prepareRows(g, suggestMapping(g.header), source));
    expect(r.problems.map((p) => p.message)).toEqual([
      'Row 2: e-mail twin@x.it belongs to several contacts (A1, A2); give the row its contact number.',
      'Row 3: e-mail same@x.it appears again in row 4; row 4 wins.',
    ]);
    expect(r.contactNos).toHaveLength(1);
    expect((await ws.contacts.get(r.contactNos[0]))?.name).toBe('Second');
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
