// The boot path: the host (src/office/host.ts: at once outside Office, else once Office is ready), then the
// shell with its start page as soon as its chunk and the pane's message catalogs of the user's language
// are here (catalogRegistry.ts; the entry asks for both before it waits for Office: startChunks.ts): the
// pane shows in that language from its first frame, rendered in one round (no spinner before it), and
// fetches the other language when the user switches. The host pages' messages come beside the first page
// (the pages that need them wait for them). The workspace (the store, its schemas, the domain rules, the
// shared workspace's client: openPane.ts) and the live queries are fetched once the first page is painted,
// so their code runs after the first frame: the pages get a workspace that waits for it
// (deferredWorkspace.ts), and the start page's list follows when the data is there. Then, at idle moments,
// every other part of the pane's code is fetched in the background (backgroundParts.ts). A workspace that
// cannot open is said in words, not a blank pane. Unmounting stops the sync loop and closes the database.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { FailedBar } from '../ui/common/FailedBar';
import { localeForLanguage } from '../domain/languageLocale';
import type { UiLanguage } from '../domain/setup';
import type { HostInfo } from '../office/host';
import type { Workspace } from '../domain/workspace';
import type { HostPages, PaneCatalogs } from '../ui/shell/PaneRoot';
import type { Preferences } from '../domain/ports/preferences';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService } from '../domain/ports/team';
import type { TransferApi } from '../domain/ports/transfer';
import { makeTranslate, type MessageCatalog } from '../ui/common/i18n';
import { languageFor } from '../ui/shell/languageFor';
import { loadHostCatalogs, loadPaneCatalogs, paneCatalogsFor } from './catalogRegistry';
import { deferredSync, deferredTeam } from './deferredServices';
import { deferredWorkspace } from './deferredWorkspace';
import { loadLiveQueries } from '../ui/common/useLiveQuery';
import { nextTask } from '../ui/shell/afterPaint';
import type * as OpenPaneModule from './openPane';
import { loadPreferences } from './preferences';
import { loadPaneUi, type PaneUi } from './startChunks';

const loadOpenPane = (): Promise<typeof OpenPaneModule> => import(/* webpackChunkName: "workspace" */ './openPane');

/**
 * The workspace's code comes in parts, each evaluated in a task of its own once the first frame is painted:
 * zod (its light build, with its English messages), the domain's schemas, the segment rules, the store
 * (Dexie), then the pane's workspace with its sync client. Evaluated at once it held the page for 50 ms on an idle machine (several times that on a
 * busy one), so a click on the first page had to wait for it; each part alone takes a fraction of that.
 */
const WORKSPACE_PARTS: (() => Promise<unknown>)[] = [
  () => import(/* webpackChunkName: "workspace-zod" */ '../domain/zodMessages'),
  () => import(/* webpackChunkName: "workspace-domain" */ '../domain/contact'),
  () => import(/* webpackChunkName: "workspace-rules" */ '../domain/segment'),
  () => import(/* webpackChunkName: "workspace-store" */ '../store/openWorkspace'),
];
async function loadOpenPaneInParts(): Promise<typeof OpenPaneModule> {
  for (const part of WORKSPACE_PARTS) {
    await part();
    await nextTask();
  }
  const m = await loadOpenPane();
  await nextTask();
  return m;
}

/**
 * After the first frame, one part at a time: the live queries' code (the database library), the lists'
 * table, then the workspace's parts, then opening it. Each waits for the one before, so no two evaluate in one task.
 */
async function openAfterFirstFrame(origin: string | undefined, ui: Promise<PaneUi>, locale: string) {
  try {
    await loadLiveQueries();
  } catch (e) {
    // The pages ask for them again when they subscribe; the workspace opens without them.
    console.warn('The live queries could not be loaded:', e);
  }
  await nextTask();
  try {
    // The lists' table, before any list has rows to show (ListPage.tsx).
    await (await ui).loadListTable();
  } catch (e) {
    // A list that has rows asks for it again, and says so if it still cannot be fetched.
    console.warn("The lists' table could not be loaded:", e);
  }
  await nextTask();
  const m = await loadOpenPaneInParts();
  const opened = await m.openPane(origin, locale);
  // The pages' waiting reads run in a task of their own, not in the one that opened the database.
  await nextTask();
  return opened;
}

/** The pane's own origin is its server; without one (opened from a file), the workspace stays in this browser. */
function paneOrigin(): string | undefined {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

interface Ready {
  ui: PaneUi;
  transfer: TransferApi;
  workspace: Workspace;
  sync?: SyncService;
  team?: TeamService;
  preferences: Preferences;
  language: UiLanguage;
  catalogs: PaneCatalogs;
  hostPages: HostPages;
}

interface Failure {
  message: string;
  catalogs?: { language: UiLanguage; messages: MessageCatalog[] };
}

type BootState = { ready?: Ready; failure?: Failure };

/** The pane starting: its state (ready, failed, or neither yet), to subscribe to, and how to stop it. */
export interface Starting {
  /** Settles once the pane can show: its shell and catalogs are here, or it failed. */
  shown: Promise<void>;
  current(): BootState;
  subscribe(listener: () => void): () => void;
  /** Boot calls it once the first page is on screen: the workspace's code runs after the next paint. */
  shownOnScreen(): void;
  /** Stops the sync loop and closes the database. */
  stop(): void;
}

/** Resolves after the browser has painted the frame being committed now (or the next one). */
function afterFirstFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Starts the pane for the host Office reported: the shell and the catalogs of the user's language are
 * waited for; the workspace (the store, its schemas, the domain rules, the sync client) is fetched and
 * opened once the first page has been painted, so its code runs after the first frame, not before it.
 */
/** How long after the workspace opens the pane starts fetching the rest of its code in the background. */
export const BACKGROUND_AFTER_MS = 5000;

export function startPane(info: HostInfo): Starting {
  let state: BootState = {};
  let live = true;
  const listeners = new Set<() => void>();
  const set = (next: BootState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  const origin = paneOrigin();
  const ui = loadPaneUi();
  let firstFrame!: () => void;
  const painted = new Promise<void>((resolve) => (firstFrame = resolve));
  // A pane stopped before its first frame never opens the workspace.
  const opening = painted.then(() => {
    if (!live) return new Promise<never>(() => undefined);
    // A Setup never saved shows and reads dates in the user's language's locale.
    return openAfterFirstFrame(origin, ui, localeForLanguage(language));
  });
  const preferences = loadPreferences(info.host);
  const chosen = preferences.get<UiLanguage>('language');
  const language = chosen === 'en' || chosen === 'it' ? chosen : languageFor(info.displayLanguage);
  // The pane's own catalogs are waited for; the host pages' come beside the first page (catalogRegistry.ts).
  const catalogs = loadPaneCatalogs(language);
  const hostCatalogs = loadHostCatalogs(language, info.host);
  hostCatalogs.catch(() => undefined); // the pages say it, if they need them (PaneRoot)
  let settle!: () => void;
  const shown = new Promise<void>((resolve) => (settle = resolve));
  const fail = (e: unknown) => {
    if (!live) return;
    live = false;
    // A workspace opened while the shell's chunk failed to load is closed again.
    void opening.then((o) => o.close()).catch(() => undefined);
    const message = e instanceof Error ? e.message : String(e);
    // The words need the catalogs; without them (their chunk failed) the bare message is shown.
    catalogs
      .then(
        (messages) => set({ failure: { message, catalogs: { language, messages } } }),
        () => set({ failure: { message } }),
      )
      .finally(settle);
  };
  opening.catch(fail);
  // A while after the workspace is open (the first page long on screen, its start-up work done), the rest
  // of the pane's code and the other language's messages are fetched in the background, so that every page
  // opens while the server is away.
  const other: UiLanguage = language === 'en' ? 'it' : 'en';
  void opening
    .then(() => new Promise((resolve) => setTimeout(resolve, BACKGROUND_AFTER_MS)))
    .then(() => import(/* webpackChunkName: "workspace" */ './backgroundParts'))
    .then((m) =>
      m.loadPartsInBackground({
        stopped: () => !live,
        also: [async () => state.ready?.catalogs.load(other)],
      }),
    )
    .catch(() => undefined);
  const workspace = deferredWorkspace(opening.then((o) => o.workspace));
  const sync = origin
    ? deferredSync(
        origin,
        opening.then((o) => o.sync as SyncService),
      )
    : undefined;
  const team = origin ? deferredTeam(opening.then((o) => o.team as TeamService)) : undefined;
  Promise.all([ui, catalogs]).then(([ui, loaded]) => {
    if (!live) return;
    // The handle the transfers wait for: a workspace that fails to open is the pane's to say (above),
    // not an unhandled rejection.
    const handle = opening.then((o) => o.workspace);
    handle.catch(() => undefined);
    set({
      ready: {
        ui,
        transfer: ui.transferApi(handle, () => void opening.then((o) => o.onRestored?.())),
        workspace,
        sync,
        team,
        preferences,
        language,
        catalogs: paneCatalogsFor(info.host, language, loaded, hostCatalogs),
        hostPages: ui.hostPagesFor(info, workspace, preferences),
      },
    });
    settle();
  }, fail);
  // Ask the browser to keep this pane's data (Setup shows whether it does, and the quota).
  void navigator.storage?.persist?.().catch(() => false);
  return {
    shown,
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    shownOnScreen() {
      void afterFirstFrame().then(firstFrame);
    },
    stop() {
      live = false;
      void opening.then((o) => o.close()).catch(() => undefined);
    },
  };
}

/** The pane for a host: started here, or handed in already started (the entry starts it before rendering). */
export function Boot({ info, starting }: { info: HostInfo; starting?: Starting }) {
  const [start] = useState(() => starting ?? startPane(info));
  const { ready, failure } = useSyncExternalStore(start.subscribe, start.current, start.current);
  useEffect(() => () => start.stop(), [start]);
  const shown = ready !== undefined;
  useEffect(() => {
    if (shown) start.shownOnScreen();
  }, [shown, start]);

  if (failure !== undefined) {
    const { catalogs, message } = failure;
    return (
      <FluentProvider theme={webLightTheme}>
        <FailedBar testId="open-failed">
          {catalogs ? makeTranslate(catalogs.messages, catalogs.language)('app.openFailed', { message }) : message}
        </FailedBar>
      </FluentProvider>
    );
  }
  // Until the shell is here the page's own "Loading…" stays (taskpane.html): no second round of rendering.
  if (!ready) return null;
  const { workspace, sync, team } = ready;
  const { PaneRoot } = ready.ui;
  return (
    <PaneRoot
      catalogs={ready.catalogs}
      services={{
        workspace,
        preferences: ready.preferences,
        transfer: ready.transfer,
        host: info.host,
        sync,
        team,
      }}
      initialLanguage={ready.language}
      hostPages={ready.hostPages}
      onLanguageChange={(l) => void workspace.profile.update({ uiLanguage: l }).catch(() => undefined)}
    />
  );
}
