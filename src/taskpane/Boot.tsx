// The boot path: Office once (host.ts), then the shell with its start page as soon as its chunk and the
// pane's message catalogs of the user's language are here (catalogRegistry.ts): the pane shows in that
// language from its first frame, and fetches the other language when the user switches. The host pages'
// messages come beside the first page (the pages that need them wait for them). The workspace (the store,
// its schemas, the domain rules, the shared workspace's client: openPane.ts) is a chunk fetched at the
// same time but not waited for: the pages get a workspace that waits for it (deferredWorkspace.ts), so
// the start page shows at once and its list follows when the data is there. A workspace that cannot open
// is said in words, not a blank pane. Unmounting stops the sync loop and closes the database.
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
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
import type * as OpenPaneModule from './openPane';
import { loadPreferences } from './preferences';
import type * as PaneUiModule from './paneUi';

type PaneUi = typeof PaneUiModule;
const loadPaneUi = (): Promise<PaneUi> => import(/* webpackChunkName: "shell" */ './paneUi');
const loadOpenPane = (): Promise<typeof OpenPaneModule> => import(/* webpackChunkName: "workspace" */ './openPane');

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

export function Boot({ info }: { info: HostInfo }) {
  const [ready, setReady] = useState<Ready>();
  const [failure, setFailure] = useState<{
    message: string;
    catalogs?: { language: UiLanguage; messages: MessageCatalog[] };
  }>();
  useEffect(() => {
    let live = true;
    const origin = paneOrigin();
    const ui = loadPaneUi();
    const opening = loadOpenPane().then((m) => m.openPane(origin));
    const preferences = loadPreferences(info.host);
    const chosen = preferences.get<UiLanguage>('language');
    const language = chosen === 'en' || chosen === 'it' ? chosen : languageFor(info.displayLanguage);
    // The pane's own catalogs are waited for; the host pages' come beside the first page (catalogRegistry.ts).
    const catalogs = loadPaneCatalogs(language);
    const hostCatalogs = loadHostCatalogs(language, info.host);
    hostCatalogs.catch(() => undefined); // the pages say it, if they need them (PaneRoot)
    const fail = (e: unknown) => {
      if (!live) return;
      live = false;
      // A workspace opened while the shell's chunk failed to load is closed again.
      void opening.then((o) => o.close()).catch(() => undefined);
      const message = e instanceof Error ? e.message : String(e);
      // The words need the catalogs; without them (their chunk failed) the bare message is shown.
      catalogs.then(
        (messages) => setFailure({ message, catalogs: { language, messages } }),
        () => setFailure({ message }),
      );
    };
    opening.catch(fail);
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
      setReady({
        ui,
        transfer: ui.transferApi(handle, () => void opening.then((o) => o.onRestored?.())),
        workspace,
        sync,
        team,
        preferences,
        language,
        catalogs: paneCatalogsFor(info.host, language, loaded, hostCatalogs),
        hostPages: ui.hostPagesFor(info, workspace, preferences),
      });
    }, fail);
    // Ask the browser to keep this pane's data (Setup shows whether it does, and the quota).
    void navigator.storage?.persist?.().catch(() => false);
    return () => {
      live = false;
      void opening.then((o) => o.close()).catch(() => undefined);
    };
  }, [info]);

  if (failure !== undefined) {
    const { catalogs, message } = failure;
    return (
      <FluentProvider theme={webLightTheme}>
        <OpenFailed>
          {catalogs ? makeTranslate(catalogs.messages, catalogs.language)('app.openFailed', { message }) : message}
        </OpenFailed>
      </FluentProvider>
    );
  }
  if (!ready) {
    return (
      <FluentProvider theme={webLightTheme}>
        <Spinner style={{ marginTop: 24 }} />
      </FluentProvider>
    );
  }
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

const useStyles = makeStyles({
  // An error bar as Fluent's MessageBar draws it, without its code in the first load: the pane could not
  // open, which may be because its chunks could not be fetched.
  failed: {
    margin: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
});

function OpenFailed({ children }: { children: ReactNode }) {
  const s = useStyles();
  return (
    <div role="alert" className={s.failed} data-testid="open-failed">
      {children}
    </div>
  );
}
