// Every page of the pane, in one place: its route, its title, where the menu shows it, on which hosts, and
// how it is rendered. The outlet and the menu read this registry; a new page is its page file plus an
// entry here (and its route's parameters in Route). Navigation is plain state in the shell (no router): a
// narrow pane has one page at a time, with a Back button and a menu of pages. Segments (the start page)
// is in the first load; every other page is its own chunk, fetched when first opened or, before that, in the
// background once the pane is idle (lazyPart: a fetch that failed is tried again, in place).
import { Suspense, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { lazyPart } from '../common/laterPart';
import { liveWait } from '../common/useLiveQuery';
import { SegmentsError } from '../../domain/errors';
import type { Renumbered } from '../../domain/ports/syncStatus';
import type { TransferApi } from '../../domain/ports/transfer';
import type { InteractionLogFilter, Workspace } from '../../domain/workspace';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from './App';
import { ServicesProvider, useServices, type Services } from '../common/services';
import { codeListPages, codeListTitleKeys } from '../lists/codeListTitles';
import type { CodeListName } from '../lists/useCodeList';
import { SegmentsPage } from '../segments/SegmentsPage';
import { useWholeCatalogs } from '../common/i18n';

export type Route =
  | { page: 'segments' }
  /**
   * `no`: the number the user opened it by; `id`, once known, the segment's (the shared workspace may
   * renumber a segment made offline: the page follows its segment, never the number).
   */
  | { page: 'segment'; no: string; id?: string }
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
  /** Puts `to` in the place of `from` in the history (a page that follows its record to a new number). */
  replace?(from: Route, to: Route): void;
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
    // One page per segment opened: the same page when it follows its segment to a new number.
    render: (r, c) => <SegmentRoute key={pageKeyOf(r)} route={r} ctx={c} />,
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
        // A filter on a logged segment that was renumbered: the page opens again on its new number.
        key={JSON.stringify(r.filter ?? {})}
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
    render: (r, c) => <ContactCardPage key={r.no} no={r.no} navigate={c.navigate} back={c.back} />,
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

/** The page a followed route stays: the key of the route it was opened as. */
const pageKeys = new WeakMap<Route, string>();
function pageKeyOf(route: RouteOf<'segment'>): string {
  return pageKeys.get(route) ?? route.no;
}
/** `route` with its number moved, the same page. */
function moved<R extends Route>(route: R, to: R): R {
  if (route.page === 'segment') pageKeys.set(to, pageKeyOf(route as RouteOf<'segment'>));
  return to;
}

/**
 * A route that names a record by a number the shared workspace just moved (`renumbered`, told together:
 * each applies to the number as it was before any of them), with the record's new number: a segment's
 * page and its sheet import, the interaction log filtered on a logged segment. The same route when none
 * applies.
 */
export function followRenumbered(route: Route, renumbered: readonly Renumbered[]): Route {
  const segment = (no: string | undefined, id?: string) =>
    no === undefined
      ? undefined
      : renumbered.find((r) => r.table === 'segments' && (id !== undefined ? r.id === id : r.from === no));
  switch (route.page) {
    case 'segment': {
      const r = segment(route.no, route.id);
      return r && r.to !== route.no ? moved(route, { ...route, no: r.to, id: r.id }) : route;
    }
    case 'excelImport': {
      const r = segment(route.segmentNo);
      return r ? { ...route, segmentNo: r.to } : route;
    }
    case 'interactionLog': {
      const entryNo = route.filter?.loggedSegmentEntryNo;
      const r =
        entryNo === undefined
          ? undefined
          : renumbered.find((x) => x.table === 'loggedSegments' && x.from === String(entryNo));
      return r && Number.isInteger(Number(r.to))
        ? { ...route, filter: { ...route.filter, loggedSegmentEntryNo: Number(r.to) } }
        : route;
    }
    default:
      return route;
  }
}

/** The segments' calls that only read (the rest may change the segment: each is checked first). */
const READS = new Set<PropertyKey>(['list', 'previewStep', 'previewLog']);

/**
 * The segment a page holds: by its id, once read, and by the numbers it went by. The page names its
 * segment by number (the workspace's way); a number is a key the shared workspace may give to another
 * user's segment (two made offline under one number), so every call naming one of them is checked against
 * the id and goes to the segment by the number it has now.
 */
class SegmentHold {
  /** The numbers this page's segment went by: a call naming one of them is about it. */
  private readonly names = new Set<string>();
  private routeNo: string;
  no: string;
  id?: string;
  /** The segment was found under a new number (no renumbering was told): the page's route follows. */
  private onMoved?: (no: string, id: string) => void;

  constructor(route: RouteOf<'segment'>) {
    this.routeNo = route.no;
    this.no = route.no;
    this.id = route.id;
    this.names.add(route.no);
  }

  /**
   * The route the page is shown for (when it followed the segment, the number it has now), and what to do
   * when the segment is found under another number.
   */
  showing(route: RouteOf<'segment'>, onMoved: (no: string, id: string) => void): void {
    this.onMoved = onMoved;
    if (route.no === this.routeNo) return;
    this.routeNo = route.no;
    this.no = route.no;
    this.names.add(route.no);
    if (route.id !== undefined) this.id = route.id;
  }

  private moveTo(no: string, id: string): void {
    const changed = no !== this.no;
    this.no = no;
    this.id = id;
    this.names.add(no);
    if (changed) this.onMoved?.(no, id);
  }

  /** Whether a call names this page's segment. */
  isOwn(no: unknown): no is string {
    return typeof no === 'string' && this.names.has(no);
  }

  /**
   * The number the page's segment has now, read from the workspace (one read of the headers): undefined
   * when it is gone (deleted, or logged by another user).
   */
  async current(ws: Workspace): Promise<string | undefined> {
    const headers = await ws.segments.list();
    const byNo = headers.find((h) => h.no === this.no);
    if (byNo && (this.id === undefined || byNo.id === this.id)) {
      this.id ??= byNo.id;
      return this.no;
    }
    const mine = this.id === undefined ? undefined : headers.find((h) => h.id === this.id);
    if (!mine) return undefined;
    this.moveTo(mine.no, mine.id);
    return mine.no;
  }

  /**
   * The workspace as the page uses it: every call of `segments` naming its segment goes by the number the
   * segment has now, checked against its id (the one read that costs: the headers, before a change).
   */
  workspace(ws: Workspace): Workspace {
    type Call = (...args: unknown[]) => unknown;
    const calls = new Map<PropertyKey, Call>();
    const segments = new Proxy(ws.segments, {
      get: (target, name) => {
        let call = calls.get(name);
        if (call) return call;
        const run = (...args: unknown[]) => (Reflect.get(target, name) as Call).apply(target, args);
        if (name === 'get') call = (no) => this.get(ws, no as string);
        else if (READS.has(name))
          // A preview reads: by the number the segment has now, without a check of its own.
          call = (no, ...rest) => run(this.isOwn(no) ? this.no : no, ...rest);
        else call = async (no, ...rest) => (this.isOwn(no) ? run(await this.required(ws), ...rest) : run(no, ...rest));
        calls.set(name, call);
        return call;
      },
    });
    return new Proxy(ws, { get: (target, key) => (key === 'segments' ? segments : Reflect.get(target, key)) });
  }

  /** The transfer functions, the segment's package exported by the number it has now. */
  transfer(transfer: TransferApi, ws: Workspace): TransferApi {
    const exportSegment: TransferApi['exportSegment'] = async (no) =>
      transfer.exportSegment(this.isOwn(no) ? await this.required(ws) : no);
    return new Proxy(transfer, {
      get: (target, key) => (key === 'exportSegment' ? exportSegment : Reflect.get(target, key)),
    });
  }

  private async required(ws: Workspace): Promise<string> {
    const no = await this.current(ws);
    if (no === undefined)
      throw new SegmentsError('NOT_FOUND', `Segment ${this.no} does not exist`, { segmentNo: this.no });
    return no;
  }

  /**
   * The page's segment, read by the number it holds; found by its id when that number names another
   * (inside the page's live query: each wait keeps the query's reads observed).
   */
  private async get(ws: Workspace, no: string) {
    if (!this.isOwn(no)) return ws.segments.get(no);
    const view = await liveWait(ws.segments.get(this.no));
    if (view && (this.id === undefined || view.header.id === this.id)) {
      this.id ??= view.header.id;
      return view;
    }
    if (this.id === undefined) return view;
    const now = await liveWait(this.current(ws));
    return now === undefined ? undefined : ws.segments.get(now);
  }
}

/** A segment's page, holding its segment (SegmentHold) for every call the page and its dialogs make. */
function SegmentRoute({ route, ctx }: { route: RouteOf<'segment'>; ctx: PageContext }) {
  const services = useServices();
  const [hold] = useState(() => new SegmentHold(route));
  const replace = ctx.replace;
  // Before the page's own effects read through the hold, and before the user can act on what it shows.
  useLayoutEffect(
    () => hold.showing(route, (no, id) => replace?.(route, moved(route, { ...route, no, id }))),
    [hold, route, replace],
  );
  const held = useMemo<Services>(
    () => ({
      ...services,
      workspace: hold.workspace(services.workspace),
      ...(services.transfer ? { transfer: hold.transfer(services.transfer, services.workspace) } : {}),
    }),
    [services, hold],
  );
  return (
    <ServicesProvider value={held}>
      <SegmentPage no={route.no} navigate={ctx.navigate} back={ctx.back} excel={ctx.hostPages.excel} />
    </ServicesProvider>
  );
}
