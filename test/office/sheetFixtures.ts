// Builders of mock sheets: the 100,000 × 12 contact list and its variants.
import type { WorkspaceHandle } from '../../src/store/index';
import type { ExcelMock, MockCell } from './excelMock';

export const HEADERS = [
  'No.',
  'Name',
  'Company Name',
  'E-Mail',
  'Post Code',
  'City',
  'Country/Region Code',
  'Salesperson Code',
  'Language Code',
  'Type',
  'Exclude from Segment',
  'Mailing Groups',
];

/** Row i (1-based) of the contact list: cells of up to 20 characters. */
export function contactCells(i: number): MockCell[] {
  const n = String(i).padStart(6, '0');
  return [
    { value: `CT${n}` },
    { value: `Contact ${i} ${'x'.repeat(i % 7)}`.slice(0, 20) },
    { value: `Company ${i % 997}` },
    { value: `c${i}@example.it` },
    { value: i % 100000, format: '00000', text: String(i % 100000).padStart(5, '0') },
    { value: i % 2 ? 'Roma' : 'Città di Castello' },
    { value: 'IT' },
    { value: `SP${i % 13}` },
    { value: i % 3 ? 'ITA' : 'ENU' },
    { value: i % 5 ? 'Person' : 'Company' },
    { value: i % 11 === 0 },
    { value: i % 4 ? 'NEWS;EVENTS' : '' },
  ];
}

export function addContactSheet(
  mock: ExcelMock,
  rows: number,
  name = 'Contacts',
  cell: (i: number) => MockCell[] = contactCells,
) {
  const sheet = mock.addSheet(name, [HEADERS.map((h) => ({ value: h }))]);
  for (let i = 1; i <= rows; i++) sheet.cells.push(cell(i));
  mock.selection = { sheet: name, row: 0, column: 0, rowCount: rows + 1, columnCount: HEADERS.length };
  return sheet;
}

/** The salespeople, languages and mailing groups the contact sheet names, so that an import review has nothing to ask. */
export async function addSheetCodes(ws: Pick<WorkspaceHandle, 'salespeople' | 'languages' | 'mailingGroups'>) {
  await ws.salespeople.upsert(Array.from({ length: 13 }, (_, i) => ({ code: `SP${i}`, name: `Salesperson ${i}` })));
  await ws.languages.upsert([
    { code: 'ITA', name: 'Italian' },
    { code: 'ENU', name: 'English' },
  ]);
  await ws.mailingGroups.upsert([
    { code: 'NEWS', description: 'Newsletter' },
    { code: 'EVENTS', description: 'Events' },
  ]);
}
