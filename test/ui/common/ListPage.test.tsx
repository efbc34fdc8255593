// @vitest-environment jsdom
// The one list page: loading, the empty state with its call to action, an error instead of the rows,
// columns declared as data (short caption shown, full caption as tooltip and accessible name), a row that
// opens, the count, and the rows of a long list rendered a window at a time; the table's code comes only
// when a list has rows (it is not part of the first load).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { UiLanguage } from '../../../src/domain/setup';
import { I18nProvider } from '../../../src/ui/common/i18n';
import {
  ListPage,
  loadListTable,
  loadedListTable,
  type ListColumn,
  type ListPageProps,
} from '../../../src/ui/common/ListPage';
import { VirtualRows } from '../../../src/ui/common/VirtualRows';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import '../setup';

interface Row {
  no: string;
  name: string;
  city: string;
  canceled: boolean;
}
const rows: Row[] = [
  { no: 'C100', name: 'Alfa Srl', city: 'Roma', canceled: false },
  { no: 'P101', name: 'Anna Bianchi', city: 'Roma', canceled: true },
];
const columns: ListColumn<Row>[] = [
  { id: 'no', caption: 'field.contactNo', short: 'field.no', width: '5em', value: (r) => r.no },
  {
    id: 'name',
    caption: 'field.name',
    maxLines: 2,
    value: (r) => r.name,
    title: (r) => r.name,
    sub: { caption: 'field.city', value: (r) => r.city },
  },
  { id: 'canceled', caption: 'field.canceled', width: '2.2em', value: (r) => (r.canceled ? '✓' : '') },
  { id: 'actions', caption: 'common.actions', hiddenCaption: true, width: '2em', value: () => null },
];

function show(p: Partial<ListPageProps<Row>>, language: UiLanguage = 'en') {
  const ui: ReactElement = (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <ListPage<Row>
          label="Contacts"
          rows={rows}
          columns={columns}
          rowKey={(r) => r.no}
          rowTestId={(r) => `row-${r.no}`}
          empty={{ text: 'No contacts yet.' }}
          {...p}
        />
      </I18nProvider>
    </FluentProvider>
  );
  return render(ui);
}
afterEach(cleanup);

describe('ListPage', () => {
  test('while the rows load it says so, and shows neither the table nor the empty state', () => {
    show({ rows: undefined });
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('list-empty')).toBeNull();
  });

  test('an empty list says so, offers the action that fills it, and shows what else it is handed', async () => {
    const clicked: string[] = [];
    show({
      rows: [],
      empty: {
        text: 'No contacts yet.',
        action: { label: 'Import contacts', onClick: () => clicked.push('import') },
        more: <p data-testid="greeting">Welcome</p>,
      },
    });
    const empty = screen.getByTestId('list-empty');
    expect(empty.textContent).toContain('No contacts yet.');
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(within(empty).getByRole('button', { name: 'Import contacts' }));
    expect(clicked).toEqual(['import']);
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });

  test('an error is shown in place of the rows', async () => {
    show({ error: 'The filter @*( is not valid.' });
    // The error bar's code comes when first needed (it is not part of the first load).
    expect(await screen.findByText('The filter @*( is not valid.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  test("a list with rows says Loading… until the table's code is here; loading, empty and error need none of it", async () => {
    // The tests above showed no rows: the table's code (not part of the first load) was not fetched for them.
    expect(loadedListTable()).toBeUndefined();
    show({});
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(await screen.findByRole('table', { name: 'Contacts' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(loadedListTable()).toBeDefined();
  });
});

describe('ListPage, once its table is here', () => {
  beforeAll(() => loadListTable());

  test('columns are data: the short caption is shown, the full caption is the tooltip and the accessible name', () => {
    show({});
    const table = screen.getByRole('table', { name: 'Contacts' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['No.', 'Name', 'Canceled', 'Actions']);
    expect(headers.map((h) => h.getAttribute('title'))).toEqual(['Contact No.', 'Name / City', 'Canceled', null]);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.getAttribute('aria-label') ?? h.textContent),
    ).toEqual(['Contact No.', 'Name / City', 'Canceled', 'Actions']);
    expect(screen.getByRole('columnheader', { name: 'Contact No.' })).toBe(headers[0]);
    const row = screen.getByTestId('row-P101');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['P101', 'Anna BianchiRoma', '✓', '']);
    expect(within(row).getAllByRole('cell')[1].getAttribute('title')).toBe('Anna Bianchi');
  });

  test('in Italian the captions are the glossary’s', () => {
    show({}, 'it');
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.getAttribute('title'))).toEqual(['Nr. contatto', 'Nome / Città', 'Annullato', null]);
    expect(headers.map((h) => h.textContent)).toEqual(['Nr.', 'Nome', 'Annullato', 'Azioni']);
  });

  test('a row that opens does so by click and by keyboard', async () => {
    const opened: string[] = [];
    show({ onRowClick: (r) => opened.push(r.no), rowLabel: (r) => `Edit ${r.no}` });
    await userEvent.click(screen.getByTestId('row-C100'));
    expect(opened).toEqual(['C100']);
    const row = screen.getByRole('row', { name: 'Edit P101' });
    row.focus();
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['C100', 'P101']);
  });

  test('the count and a cap: "n records" above, how many more below', () => {
    show({ showCount: true, maxRows: 1 });
    expect(screen.getByText('2 records')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2); // the header and one row
    expect(screen.getByText('… and 1 more. Narrow the filters to see them.')).toBeTruthy();
  });

  test('a list read a page at a time: the count is the total, and how many more follow the shown page', () => {
    show({ showCount: true, total: 1200 });
    expect(screen.getByText('1,200 records')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3); // the header and the two rows read
    expect(screen.getByText('… and 1,198 more. Narrow the filters to see them.')).toBeTruthy();
  });

  test('a long list in a scroller renders only a window of its rows, with the header and count', () => {
    const many: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      no: `C${String(i).padStart(5, '0')}`,
      name: `Contact ${i}`,
      city: 'Roma',
      canceled: false,
    }));
    // jsdom lays nothing out: the scroller is given the height a 320 × 800 pane gives it (about 11 rows).
    const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
    Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 480 });
    try {
      show({ rows: many, virtual: { rowHeight: 44, height: '60vh', Rows: VirtualRows }, showCount: true });
    } finally {
      Object.defineProperty(Element.prototype, 'clientHeight', height);
    }
    expect(screen.getByText('5,000 records')).toBeTruthy();
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
    const shown = screen.getAllByRole('row').length - 1;
    expect(shown).toBeGreaterThanOrEqual(11);
    expect(shown).toBeLessThan(30);
    expect(screen.getByTestId('row-C00000')).toBeTruthy();
  });
});
