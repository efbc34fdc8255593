// @vitest-environment jsdom
// The pane's pages with the host pieces the taskpane hands in (src/taskpane/hostPages.tsx): in Excel the
// lists export to a sheet and a line shows its contact's row, through the Excel port (faked here: it is the
// host boundary); Show letter opens the letter through the Word port in Word and downloads it elsewhere;
// outside Office the Mail merge page is in the menu.
// Dexie's liveQuery (behind the Mail merge page's useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ContactSource } from '../../src/domain/contact';
import { readDocxParts } from '../../src/domain/docx';
import type { ExcelPort, ExportTable } from '../../src/domain/ports/excelPort';
import type { WordPort } from '../../src/domain/ports/wordPort';
import type { HostInfo } from '../../src/office/host';
import { hostPagesFor } from '../../src/taskpane/hostPages';
import { App, type HostPages } from '../../src/ui/shell/App';
import type { Route } from '../../src/ui/shell/pageRegistry';
import type { Preferences } from '../../src/domain/ports/preferences';
import type { Services } from '../../src/ui/common/services';
import { makeWorkspace, seedMarket } from '../store/helpers';
import './setup'; // the one set-up of the pane's component tests

// jsdom lays nothing out: the lists are given a height so that their rows render.
const size = ['clientHeight', 'clientWidth'].map(
  (k) => [k, Object.getOwnPropertyDescriptor(Element.prototype, k)] as const,
);
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
});
afterEach(() => {
  for (const [k] of size) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
});

const letter = '<w:p><w:r><w:t>Dear Anna, our news.</w:t></w:r></w:p>';
const leads: ContactSource = { workbook: 'Contacts.xlsx', sheet: 'Leads', rowKey: '["No.","CT1"]' };

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let prefs: Map<string, unknown>;
let downloads: { blob: Blob; name: string }[];
const createObjectURL = URL.createObjectURL;
const anchorClick = HTMLAnchorElement.prototype.click;

beforeEach(async () => {
  ws = await makeWorkspace();
  prefs = new Map();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  await ws.contacts.upsert([{ no: 'CT1', name: 'Rossi Import', source: leads }]);
  // SEG00001 is logged (entries 1 and 2, a letter on the first); SEG00002 stays open with two lines.
  const logged = await ws.segments.create({ description: 'Autumn letters', interactionTemplateCode: 'ABSTRACT' });
  await ws.segments.addContactList(logged.no, ['P101', 'P201']);
  const first = (await ws.segments.get(logged.no))!.lines[0];
  await ws.segments.log(logged.no, { letters: [{ lineNo: first.lineNo, ooxml: letter }] });
  const open = await ws.segments.create({ description: 'Fair' });
  await ws.segments.addContactList(open.no, ['CT1', 'P300']);
  // Downloads: the blob and the name the pane offers (jsdom cannot save files).
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:${blobs.size}`;
    blobs.set(url, b);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ blob, name: this.download });
  };
});
afterEach(() => {
  cleanup();
  ws.close();
  URL.createObjectURL = createObjectURL;
  HTMLAnchorElement.prototype.click = anchorClick;
});

function info(host: HostInfo['host']): HostInfo {
  return {
    host,
    platform: null,
    displayLanguage: 'en-US',
    supports: { excelApi1_4: host === 'Excel', wordApi1_3: host === 'Word', wordApi1_4: host === 'Word' },
  };
}

function preferences(): Preferences {
  return { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
}

/** The pane as the taskpane wires it for `host`, with `override` in place of the real adapters. */
function showPane(host: Services['host'], startRoute: Route | undefined, override: Partial<HostPages> = {}) {
  const hostPages = { ...hostPagesFor(info(host), ws, preferences()), ...override };
  return render(
    <App
      services={{ workspace: ws, preferences: preferences(), host }}
      initialLanguage="en"
      hostPages={hostPages}
      startRoute={startRoute}
    />,
  );
}

/** The Excel port as the pages see it, recording what they ask of Excel. */
function fakeExcel() {
  const exported: ExportTable[] = [];
  const selected: ContactSource[] = [];
  const port: ExcelPort = {
    listTables: async () => [],
    read: () => Promise.reject(new Error('the pages do not read cells')),
    exportTable: async (table) => {
      exported.push(table);
      return { sheet: table.sheetName, table: table.name, address: `'${table.sheetName}'!A1`, syncs: 1 };
    },
    selectSourceRow: async (source) => {
      selected.push(source);
      return true;
    },
    writeContactNos: () => Promise.reject(new Error('the pages do not write numbers')),
  };
  return { port, exported, selected };
}

/** The open line panel (found by its Save button). */
const linePanel = () => screen.getByTestId('line-save').closest<HTMLElement>('[role=dialog]')!;

/** The column of `header` in an exported table. */
const column = (table: ExportTable, header: string) => {
  const i = table.columns.findIndex((c) => c.header === header);
  expect(i, header).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[i]);
};

describe('in Excel', () => {
  test('the taskpane hands the Excel port to the pages (and no Word port)', () => {
    const pages = hostPagesFor(info('Excel'), ws, preferences());
    expect(typeof pages.excel?.exportTable).toBe('function');
    expect(pages.word).toBeUndefined();
    expect(pages.mailMerge).toBeUndefined();
  });

  test("Segment: the lines go to a sheet; a line's panel selects its contact's row in the sheet it came from", async () => {
    const excel = fakeExcel();
    showPane('Excel', { page: 'segment', no: 'SEG00002' }, { excel: excel.port });
    const row = (await screen.findAllByTestId('line-row')).find((r) => r.textContent?.includes('CT1'))!;
    await userEvent.click(row);
    // (Text, not roles: in jsdom Fluent's first modal of a file can stay marked aria-hidden.)
    await userEvent.click(await screen.findByText('Show in the sheet'));
    await waitFor(() => expect(excel.selected).toEqual([leads]));
    await userEvent.click(within(linePanel()).getByText('Cancel'));
    await waitFor(() => expect(screen.queryByTestId('line-save')).toBeNull());

    await userEvent.click(screen.getByText('Export lines to a sheet'));
    await screen.findByText('2 rows written to the sheet "Segment SEG00002" as table Segment_SEG00002.');
    expect(excel.exported).toHaveLength(1);
    expect(excel.exported[0].name).toBe('Segment_SEG00002');
    expect(column(excel.exported[0], 'Contact No.').sort()).toEqual(['CT1', 'P300']);
  });

  test("Logged Segments: a logged segment's menu writes its entries to a sheet", async () => {
    const excel = fakeExcel();
    showPane('Excel', { page: 'loggedSegments' }, { excel: excel.port });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Export entries to a sheet' }));
    await screen.findByText('2 rows written to the sheet "Logged Segment 1" as table LoggedSegment_1.');
    expect(excel.exported.map((t) => t.name)).toEqual(['LoggedSegment_1']);
    expect(column(excel.exported[0], 'Entry No.')).toEqual([1, 2]);
    expect(column(excel.exported[0], 'Logged Segment Entry No.')).toEqual([1, 1]);
  });

  test('Interaction Log Entries: the entries as the page filters them go to a sheet', async () => {
    const excel = fakeExcel();
    showPane('Excel', { page: 'interactionLog' }, { excel: excel.port });
    await screen.findByTestId('entry-2');
    const contactNo = screen.getByRole('textbox', { name: 'Contact No.' });
    await userEvent.type(contactNo, 'P201{Enter}');
    await waitFor(() => expect(screen.queryByTestId('entry-1')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Export to a sheet' }));
    await screen.findByText('1 row written to the sheet "Interaction Log" as table InteractionLog.');
    expect(excel.exported.map((t) => t.name)).toEqual(['InteractionLog']);
    expect(column(excel.exported[0], 'Contact No.')).toEqual(['P201']);
  });

  test('Contacts: every contact goes to a sheet', async () => {
    const excel = fakeExcel();
    showPane('Excel', { page: 'contacts' }, { excel: excel.port });
    await userEvent.click(await screen.findByRole('button', { name: 'Export contacts to a sheet' }));
    await screen.findByText('8 rows written to the sheet "Contacts" as table Contacts.');
    expect(excel.exported.map((t) => t.name)).toEqual(['Contacts']);
    expect(column(excel.exported[0], 'No.').sort()).toEqual([
      'C100',
      'C200',
      'CT1',
      'P101',
      'P102',
      'P201',
      'P300',
      'P400',
    ]);
  });
});

describe.each(['none', 'Word'] as const)('outside Excel (host %s)', (host) => {
  test('no page offers to export to a sheet or to show a row in the sheet', async () => {
    expect(hostPagesFor(info(host), ws, preferences()).excel).toBeUndefined();
    const { unmount } = showPane(host, { page: 'segment', no: 'SEG00002' });
    await screen.findByRole('heading', { name: /Lines/ });
    await userEvent.click((await screen.findAllByTestId('line-row'))[0]);
    await screen.findByTestId('line-save');
    expect(linePanel().textContent).toContain('Line 10000');
    expect(screen.queryByText('Show in the sheet')).toBeNull();
    expect(screen.queryByRole('button', { name: /sheet/ })).toBeNull();
    unmount();
    for (const [route, role] of [
      [{ page: 'interactionLog' }, 'table'],
      [{ page: 'contacts' }, 'table'],
    ] as const) {
      const page = showPane(host, route);
      await screen.findByRole(role);
      expect(screen.queryByRole('button', { name: /sheet/ })).toBeNull();
      page.unmount();
    }
    showPane(host, { page: 'loggedSegments' });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions 1' }));
    await screen.findByRole('menuitem', { name: 'Interaction Log Entries' });
    expect(screen.queryByRole('menuitem', { name: /sheet/ })).toBeNull();
  });
});

describe('Show letter', () => {
  test('in Word it opens the stored letter as a new document through the Word port', async () => {
    const opened: Uint8Array[] = [];
    const fail = () => Promise.reject(new Error('not used by Show letter'));
    const word: WordPort = {
      supports: { comments: true, createDocument: true },
      readLetter: fail,
      insertField: fail,
      replaceBody: fail,
      mergeLetters: fail,
      readMergedLetters: fail,
      openDocument: async (docx) => void opened.push(docx),
    };
    expect(hostPagesFor(info('Word'), ws, preferences()).word?.supports).toEqual({
      comments: true,
      createDocument: true,
      insertField: true,
      readBack: true,
    });
    showPane('Word', { page: 'interactionLog' }, { word });
    const entry = await screen.findByTestId('entry-1');
    await userEvent.click(within(entry).getByRole('button', { name: 'Actions for entry 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Show Attachments' }));
    await screen.findByText('The letter of entry 1 is open in a new document.');
    expect(opened).toHaveLength(1);
    expect(readDocxParts(opened[0])['word/document.xml']).toContain('Dear Anna, our news.');
    expect(downloads).toEqual([]);
  });

  test.each(['none', 'Excel'] as const)('with host %s it downloads the letter as a .docx', async (host) => {
    showPane(host, { page: 'interactionLog' }, host === 'Excel' ? { excel: fakeExcel().port } : {});
    const entry = await screen.findByTestId('entry-1');
    await userEvent.click(within(entry).getByRole('button', { name: 'Actions for entry 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Show Attachments' }));
    await screen.findByText('The letter of entry 1 was saved as SEG00001-1.docx.');
    expect(downloads.map((d) => d.name)).toEqual(['SEG00001-1.docx']);
    expect(readDocxParts(new Uint8Array(await downloads[0].blob.arrayBuffer()))['word/document.xml']).toContain(
      'Dear Anna, our news.',
    );
  });

  test('an entry without a letter says so', async () => {
    showPane('none', { page: 'interactionLog' });
    const entry = await screen.findByTestId('entry-2');
    await userEvent.click(within(entry).getByRole('button', { name: 'Actions for entry 2' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Show Attachments' }));
    await screen.findByText('No letter was stored with this entry.');
    expect(downloads).toEqual([]);
  });
});

describe('Mail merge', () => {
  test('outside Office it is in the menu and merges to a .docx download', async () => {
    showPane('none', { page: 'segments' });
    await userEvent.click(await screen.findByTestId('nav-menu'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Mail merge' }));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Mail merge'));
    await screen.findByTestId('outside-office');
    await waitFor(() => expect((screen.getByTestId('segment-choice') as HTMLSelectElement).value).toBe('SEG00002'));
    expect(screen.queryByTestId('merge')).toBeNull(); // no document to merge into
  });

  test('in Word it stays the start page; Excel has no Mail merge in its menu', async () => {
    const word = showPane('Word', undefined);
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Mail merge'));
    word.unmount();
    showPane('Excel', { page: 'segments' });
    await userEvent.click(await screen.findByTestId('nav-menu'));
    await screen.findByRole('menuitem', { name: 'Segments' });
    expect(screen.queryByRole('menuitem', { name: 'Mail merge' })).toBeNull();
  });
});
