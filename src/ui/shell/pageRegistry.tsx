// Every page of the pane, in one place: its route, its title, where the menu shows it, on which hosts, and
// how it is rendered. The outlet and the menu read this registry; a new page is its page file plus an
// entry here (and its route's parameters in Route). Navigation is plain state in the shell (no router): a
// narrow pane has one page at a time, with a Back button and a menu of pages. Segments (the start page)
// is in the first load; every other page is its own chunk, fetched when first opened or, before that, in the
// background once the pane is idle (lazyPart: a fetch that failed is tried again, in place).
import { Suspense, type ReactNode } from 'react';
import { lazyPart } from '../common/laterPart';
import type { InteractionLogFilter } from '../../domain/workspace';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from './App';
import type { Services } from '../common/services';
import { codeListPages, codeListTitleKeys } from '../lists/codeListTitles';
import type { CodeListName } from '../lists/useCodeList';
import { SegmentsPage } from '../segments/SegmentsPage';
import { useWholeCatalogs } from '../common/i18n';

export type Route =
  | { page: 'segments' }
  | { page: 'segment'; no: string }
  | { page: 'loggedSegments' }
  | { page: 'interactionLog'; filter?: InteractionLogFilter }
  | { page: 'savedCriteria' }
  | { page: 'contacts' }
  | { page: 'contact'; no: string }
  | { page: 'templates' }
  | { page: 'codeList'; list: Exclude<CodeListName, 'interactionTemplates'> }
  | { page: 'setup' }
  | { page: 'officeCheck' }
  | { page: 'profile' }
  | { page: 'transfer' }
  | { page: 'csvImport' }
  | { page: 'excelImport'; segmentNo?: string }
  | { page: 'mailMerge' };

export type PageName = Route['page'];
export type RouteOf<P extends PageName> = Extract<Route, { page: P }>;
export type Navigate = (to: Route) => void;
export type Host = Services['host'];
export type MenuGroup = 'segments' | 'lists' | 'settings';

/** What a page may be handed when it is rendered. */
export interface PageContext {
  navigate: Navigate;
  back(): void;
  hostPages: HostPages;
  language: UiLanguage;
  onLanguageChange(l: UiLanguage): void;
}

export interface PageEntry<P extends PageName = PageName> {
  page: P;
  /** The catalog key and variables of the page's title. */
  title(route: RouteOf<P>): [string, Record<string, string>?];
  /** Its place in the pages menu, with the routes it offers there (one, or one per code list); none: reached from another page. */
  menu?: { group: MenuGroup; routes: RouteOf<P>[] };
  /** The hosts whose menu shows it (all when absent). */
  hosts?: readonly Host[];
  /** A page the taskpane wires with its host (src/ui may not name Office): shown only when handed in. */
  hostPage?: 'excelImport' | 'mailMerge';
  /**
   * Shown with the start page's catalogs (Excel's and the pane's start page): every other page waits for
   * the rest of them (the host pages' messages, fetched beside the first page).
   */
  startCatalogs?: true;
  render(route: RouteOf<P>, ctx: PageContext): ReactNode;
}

const named = (key: string) => () => [key] as [string];
const one = <P extends PageName>(group: MenuGroup, route: RouteOf<P>) => ({ group, routes: [route] });

// The first run is shown once per workspace: its own chunk, outside the first load.
const FirstRun = lazyPart(() =>
  import(/* webpackChunkName: "firstRun" */ '../setup/FirstRun').then((m) => ({ default: m.FirstRun })),
);
const SegmentPage = lazyPart(() =>
  import(/* webpackChunkName: "segment" */ '../segments/SegmentPage').then((m) => ({ default: m.SegmentPage })),
);
const LoggedSegmentsPage = lazyPart(() =>
  import(/* webpackChunkName: "logged" */ '../log/LoggedSegmentsPage').then((m) => ({ default: m.LoggedSegmentsPage })),
);
const InteractionLogPage = lazyPart(() =>
  import(/* webpackChunkName: "entries" */ '../log/InteractionLogPage').then((m) => ({
    default: m.InteractionLogPage,
  })),
);
const SavedCriteriaPage = lazyPart(() =>
  import(/* webpackChunkName: "saved" */ '../criteria/SavedCriteriaPage').then((m) => ({
    default: m.SavedCriteriaPage,
  })),
);
const ContactsPage = lazyPart(() =>
  import(/* webpackChunkName: "contacts" */ '../contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })),
);
const ContactCardPage = lazyPart(() =>
  import(/* webpackChunkName: "contacts" */ '../contacts/ContactCardPage').then((m) => ({
    default: m.ContactCardPage,
  })),
);
const TemplatesPage = lazyPart(() =>
  import(/* webpackChunkName: "templates" */ '../lists/TemplatesPage').then((m) => ({ default: m.TemplatesPage })),
);
const CodeListPage = lazyPart(() =>
  import(/* webpackChunkName: "codes" */ '../lists/CodeListPage').then((m) => ({ default: m.CodeListPage })),
);
const SetupPage = lazyPart(() =>
  import(/* webpackChunkName: "setup" */ '../setup/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const ProfilePage = lazyPart(() =>
  import(/* webpackChunkName: "setup" */ '../setup/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
const OfficeCheckPage = lazyPart(() =>
  import(/* webpackChunkName: "setup" */ '../setup/OfficeCheckPage').then((m) => ({ default: m.OfficeCheckPage })),
);
const TransferPage = lazyPart(() =>
  import(/* webpackChunkName: "transfer" */ '../transfer/TransferPage').then((m) => ({ default: m.TransferPage })),
);
const CsvImportPage = lazyPart(() =>
  import(/* webpackChunkName: "csv" */ '../import/CsvImportPage').then((m) => ({ default: m.CsvImportPage })),
);

/** Each page once, in the order of the menu. */
export const pageRegistry: { [P in PageName]: PageEntry<P> } = {
  mailMerge: {
    page: 'mailMerge',
    title: named('nav.mailMerge'),
    menu: one('segments', { page: 'mailMerge' }),
    hostPage: 'mailMerge',
    render: (_r, c) => c.hostPages.mailMerge?.(),
  },
  segments: {
    page: 'segments',
    title: named('nav.segments'),
    menu: one('segments', { page: 'segments' }),
    startCatalogs: true,
    render: (_r, c) => (
      <SegmentsPage
        navigate={c.navigate}
        firstRun={() => (
          <Suspense fallback={null}>
            <FirstRun
              navigate={c.navigate}
              excelImport={c.hostPages.excelImport !== undefined}
              language={c.language}
              onLanguageChange={c.onLanguageChange}
            />
          </Suspense>
        )}
      />
    ),
  },
  segment: {
    page: 'segment',
    title: (r) => ['nav.segment', { no: r.no }],
    render: (r, c) => (
      <SegmentPage key={r.no} no={r.no} navigate={c.navigate} back={c.back} excel={c.hostPages.excel} />
    ),
  },
  loggedSegments: {
    page: 'loggedSegments',
    title: named('nav.loggedSegments'),
    menu: one('segments', { page: 'loggedSegments' }),
    render: (_r, c) => <LoggedSegmentsPage navigate={c.navigate} excel={c.hostPages.excel} />,
  },
  interactionLog: {
    page: 'interactionLog',
    title: named('nav.interactionLog'),
    menu: one('segments', { page: 'interactionLog' }),
    render: (r, c) => (
      <InteractionLogPage
        initialFilter={r.filter}
        excel={c.hostPages.excel}
        word={c.hostPages.word}
        navigate={c.navigate}
      />
    ),
  },
  savedCriteria: {
    page: 'savedCriteria',
    title: named('nav.savedCriteria'),
    menu: one('segments', { page: 'savedCriteria' }),
    render: (_r, c) => <SavedCriteriaPage navigate={c.navigate} />,
  },
  contacts: {
    page: 'contacts',
    title: named('nav.contacts'),
    menu: one('segments', { page: 'contacts' }),
    render: (_r, c) => <ContactsPage navigate={c.navigate} excel={c.hostPages.excel} />,
  },
  contact: {
    page: 'contact',
    title: (r) => ['contact.title', { no: r.no }],
    render: (r, c) => <ContactCardPage key={r.no} no={r.no} navigate={c.navigate} />,
  },
  excelImport: {
    page: 'excelImport',
    title: named('nav.excelImport'),
    menu: one('segments', { page: 'excelImport' }),
    hosts: ['Excel'],
    hostPage: 'excelImport',
    render: (r, c) => c.hostPages.excelImport?.(r.segmentNo),
  },
  csvImport: {
    page: 'csvImport',
    title: named('nav.csvImport'),
    menu: one('segments', { page: 'csvImport' }),
    hosts: ['none'],
    render: (_r, c) => <CsvImportPage navigate={c.navigate} />,
  },
  templates: {
    page: 'templates',
    title: named('nav.templates'),
    menu: one('lists', { page: 'templates' }),
    render: () => <TemplatesPage />,
  },
  codeList: {
    page: 'codeList',
    title: (r) => [codeListTitleKeys[r.list]],
    menu: { group: 'lists', routes: codeListPages.map((list) => ({ page: 'codeList' as const, list })) },
    render: (r) => <CodeListPage key={r.list} list={r.list} />,
  },
  setup: {
    page: 'setup',
    title: named('nav.setup'),
    menu: one('settings', { page: 'setup' }),
    render: () => <SetupPage />,
  },
  officeCheck: {
    page: 'officeCheck',
    title: named('nav.officeCheck'),
    menu: one('settings', { page: 'officeCheck' }),
    render: (_r, c) => <OfficeCheckPage run={c.hostPages.officeCheck} />,
  },
  profile: {
    page: 'profile',
    title: named('nav.profile'),
    menu: one('settings', { page: 'profile' }),
    render: (_r, c) => <ProfilePage language={c.language} onLanguageChange={c.onLanguageChange} />,
  },
  transfer: {
    page: 'transfer',
    title: named('nav.transfer'),
    menu: one('settings', { page: 'transfer' }),
    render: (_r, c) => <TransferPage navigate={c.navigate} />,
  },
};

export const menuGroups: { group: MenuGroup; titleKey: string }[] = [
  { group: 'segments', titleKey: 'nav.groupSegments' },
  { group: 'lists', titleKey: 'nav.groupLists' },
  { group: 'settings', titleKey: 'nav.groupSettings' },
];

function entryOf<P extends PageName>(route: RouteOf<P>): PageEntry<P> {
  return pageRegistry[route.page as P];
}

/** The catalog key and variables of a page's title. */
export function routeTitle(route: Route): [string, Record<string, string>?] {
  return entryOf(route).title(route as never);
}

/** The page of a route (undefined for a host page the taskpane did not hand in). */
export function renderRoute(route: Route, ctx: PageContext): ReactNode {
  const entry = entryOf(route);
  const page = entry.render(route as never, ctx);
  return entry.startCatalogs ? page : <WholeCatalogs>{page}</WholeCatalogs>;
}

/** A page that needs more than the start page's catalogs: shown once they are all here. */
function WholeCatalogs({ children }: { children: ReactNode }) {
  useWholeCatalogs();
  return <>{children}</>;
}

/** Whether the menu of this host offers the page. */
export function offered(entry: PageEntry, host: Host, hostPages: HostPages): boolean {
  if (entry.hosts && !entry.hosts.includes(host)) return false;
  return entry.hostPage ? Boolean(hostPages[entry.hostPage]) : true;
}

/** The menu of a host: each group with its routes and their title keys, in registry order. */
export function menuOf(
  host: Host,
  hostPages: HostPages,
): { group: MenuGroup; titleKey: string; items: { route: Route; title: [string, Record<string, string>?] }[] }[] {
  const entries = Object.values(pageRegistry) as PageEntry[];
  return menuGroups.map(({ group, titleKey }) => ({
    group,
    titleKey,
    items: entries
      .filter((e) => offered(e, host, hostPages))
      .flatMap((e) =>
        (e.menu?.group === group ? e.menu.routes : []).map((route) => ({ route, title: e.title(route) })),
      ),
  }));
}
