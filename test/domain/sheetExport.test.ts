import { emptyContactFields, type Contact } from '../../src/domain/contact';
import {
  contactsTable,
  interactionLogTable,
  loggedSegmentTable,
  segmentLinesTable,
  tableNameOf,
} from '../../src/domain/sheetExport';
import type { InteractionLogEntry, LoggedSegment } from '../../src/domain/log';
import type { SegmentLine } from '../../src/domain/segment';

const stamp = '2026-03-01T09:00:00.000Z';
const line = (n: number, over: Partial<SegmentLine> = {}): SegmentLine => ({
  id: `L${n}`,
  segmentId: 'S1',
  segmentNo: 'SEG00001',
  lineNo: n * 10000,
  contactNo: `CT${n}`,
  contactCompanyNo: '',
  createdAt: stamp,
  updatedAt: stamp,
  description: 'Fiera',
  salespersonCode: 'JR',
  interactionTemplateCode: 'LETTER',
  interactionGroupCode: '',
  correspondenceType: 'Email',
  languageCode: 'ITA',
  subject: '',
  cost: 1.5,
  duration: 10,
  date: '2026-03-02',
  campaignNo: '',
  campaignTarget: false,
  campaignResponse: false,
  informationFlow: '',
  initiatedBy: '',
  evaluation: '',
  attemptFailed: false,
  comment: '=HYPERLINK("http://x","y")',
  ...over,
});

describe('lists as sheets', () => {
  test("a segment's lines with BC's captions in the user's language, typed columns, raw text", () => {
    const en = segmentLinesTable('SEG00001', [line(1), line(2, { date: '' })], 'en');
    expect(en.name).toBe('Segment_SEG00001');
    expect(en.sheetName).toBe('Segment SEG00001');
    expect(en.columns.slice(0, 2)).toEqual([
      { header: 'Line No.', kind: 'number' },
      { header: 'Contact No.', kind: 'text' },
    ]);
    const it = segmentLinesTable('SEG00001', [line(1)], 'it');
    expect(it.columns.map((c) => c.header)).toContain('Nr. contatto');
    const col = (h: string) => en.columns.findIndex((c) => c.header === h);
    expect(en.rows[0][col('Line No.')]).toBe(10000);
    expect(en.rows[0][col('Date')]).toBe('2026-03-02');
    expect(en.rows[1][col('Date')]).toBeNull();
    expect(en.rows[0][col('Comment')]).toBe('=HYPERLINK("http://x","y")');
  });

  test('contacts carry their extra columns, typed per cell', () => {
    const c = (no: string, extra: Contact['extra']): Contact => ({
      ...emptyContactFields(no),
      name: no,
      extra,
      id: no,
      createdAt: stamp,
      updatedAt: stamp,
    });
    const t = contactsTable([c('A', { Revenue: 10 }), c('B', { Note: 'x' })], 'en');
    expect(t.columns.slice(-2)).toEqual([
      { header: 'Revenue', kind: 'auto' },
      { header: 'Note', kind: 'auto' },
    ]);
    expect(t.rows.map((r) => r.slice(-2))).toEqual([
      [10, null],
      [null, 'x'],
    ]);
  });

  test('table names are valid Excel names', () => {
    expect(tableNameOf('Segment', 'SEG-001/A')).toBe('Segment_SEG_001_A');
    expect(tableNameOf('1', 'x')).toBe('_1_x');
  });
});

test('logged segment entries and the interaction log: entry numbers, dates, canceled as booleans', () => {
  const entry = {
    entryNo: 7,
    loggedSegmentEntryNo: 2,
    segmentNo: 'SEG00001',
    contactNo: 'CT1',
    date: '2026-03-02',
    time: '10:00:00',
    canceled: false,
    cost: 2,
    comment: '+1',
  } as InteractionLogEntry;
  const ls = { entryNo: 2, segmentNo: 'SEG00001' } as LoggedSegment;
  const t = loggedSegmentTable(ls, [entry], 'it');
  expect(t).toMatchObject({ name: 'LoggedSegment_2', sheetName: 'Segm. registrato 2' });
  const h = t.columns.map((c) => c.header);
  expect(t.rows[0][h.indexOf('Nr. movimento')]).toBe(7);
  expect(t.rows[0][h.indexOf('Data')]).toBe('2026-03-02');
  expect(t.rows[0][h.indexOf('Annullato')]).toBe(false);
  expect(t.rows[0][h.indexOf('Commento')]).toBe('+1');
  expect(interactionLogTable([entry], 'en')).toMatchObject({ name: 'InteractionLog', sheetName: 'Interaction Log' });
});
