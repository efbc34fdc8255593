// @vitest-environment jsdom
// The page registry: every route has a title in English and Italian, the menu of each host offers what the
// registry says, and every page renders.
// Dexie's liveQuery (behind the pages' useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App, type HostPages } from '../../../src/ui/shell/App';
import type { Services } from '../../../src/ui/common/services';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { codeListPages } from '../../../src/ui/lists/codeListTitles';
import { pageRegistry, routeTitle, type PageEntry, type Route } from '../../../src/ui/shell/pageRegistry';
import { transferApi } from '../../../src/taskpane/transfer';
import { makeWorkspace } from '../../store/helpers';
import '../setup';

const entries = Object.values(pageRegistry) as PageEntry[];

/** One route of each page (every code list), with what a route needs. */
const routes: Route[] = [
  { page: 'segments' },
  { page: 'segment', no: 'SEG00001' },
  { page: 'loggedSegments' },
  { page: 'interactionLog' },
  { page: 'savedCriteria' },
  { page: 'contacts' },
  { page: 'contact', no: 'C100' },
  { page: 'templates' },
  ...codeListPages.map((list) => ({ page: 'codeList' as const, list })),
  { page: 'setup' },
  { page: 'officeCheck' },
  { page: 'profile' },
  { page: 'transfer' },
  { page: 'csvImport' },
  { page: 'excelImport' },
  { page: 'mailMerge' },
];

const hostPages: HostPages = { excelImport: () => <p>the sheet import</p>, mailMerge: () => <p>the merge page</p> };

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

function services(host: Services['host']): Services {
  const prefs = new Map<string, unknown>();
  return {
    workspace: ws,
    transfer: transferApi(ws),
    preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
    host,
  };
}

describe('the page registry', () => {
  test('the sample routes cover every page of the registry', () => {
    expect(new Set(routes.map((r) => r.page))).toEqual(new Set(Object.keys(pageRegistry)));
  });

  test.each(['en', 'it'] as const)('every route has a title in %s, different from its key', (language) => {
    const t = makeTranslate(paneCatalogs, language);
    for (const route of routes) {
      const [key, vars] = routeTitle(route);
      const title = t(key, vars);
      expect(title, `${route.page} ${key}`).not.toBe(key);
      expect(title).not.toMatch(/[{}]/);
    }
    const group = (k: string) => t(k);
    for (const k of ['nav.groupSegments', 'nav.groupLists', 'nav.groupSettings']) expect(group(k)).not.toBe(k);
  });

  test.each([
    ['Excel', { excelImport: hostPages.excelImport }, 'Import from sheet', 'Import contacts (CSV)'],
    ['Word', { mailMerge: hostPages.mailMerge }, 'Mail merge', 'Import from sheet'],
    ['none', { mailMerge: hostPages.mailMerge }, 'Import contacts (CSV)', 'Import from sheet'],
  ] as const)(
    'the %s menu offers each page the registry puts in its menu for that host',
    async (host, pages, offered, absent) => {
      render(
        <App services={services(host)} initialLanguage="en" hostPages={pages} startRoute={{ page: 'segments' }} />,
      );
      await userEvent.click(await screen.findByTestId('nav-menu'));
      const menu = await screen.findByRole('menu');
      const items = within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent);
      const t = makeTranslate(paneCatalogs, 'en');
      const expected = entries
        .filter(
          (e) =>
            e.menu && (!e.hosts || e.hosts.includes(host)) && (!e.hostPage || pages[e.hostPage as keyof typeof pages]),
        )
        .flatMap((e) => e.menu!.routes.map((r) => t(...e.title(r))));
      expect(items).toEqual(expected);
      expect(items).toContain(offered);
      expect(items).not.toContain(absent);
      expect(items).toContain('Languages'); // one per code list
      expect(items.length).toBeGreaterThanOrEqual(15);
    },
  );

  test.each(routes.map((r) => [r.page + ('list' in r ? `/${r.list}` : ''), r] as const))(
    '%s renders under its title',
    async (_name, route) => {
      if (route.page === 'segment') await ws.segments.create({ description: 'Spring mailing' });
      render(<App services={services('none')} initialLanguage="it" hostPages={hostPages} startRoute={route} />);
      const [key, vars] = routeTitle(route);
      const title = makeTranslate(paneCatalogs, 'it')(key, vars);
      expect((await screen.findByTestId('page-title')).textContent).toBe(title);
      // The page itself, not the chunk's spinner: its own content fills the main area.
      await waitFor(
        () => {
          const main = document.querySelector('main');
          expect(main?.querySelector('[role="progressbar"]')).toBeNull();
          expect(main?.textContent?.length ?? 0).toBeGreaterThan(5);
        },
        { timeout: 15_000 },
      );
    },
  );
});
