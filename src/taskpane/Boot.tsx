// The boot path: Office once (host.ts), then the workspace (shared through the server the pane came
// from, src/sync) and the host's preferences in parallel, then the pane for the host. A workspace that
// cannot open is said in words, not a blank pane. Unmounting stops the sync loop and closes the database.
// The shell and its start page are one chunk (paneUi.ts) fetched while the workspace opens, with the
// message catalogs of the user's language only (catalogRegistry.ts): the pane shows in that language from
// its first frame, and fetches the other language when the user switches.
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UiLanguage } from '../domain/setup';
import type { HostInfo } from '../office/host';
import { openWorkspace, type WorkspaceHandle } from '../store/index';
import { openPaneWorkspace } from '../sync/paneSync';
import type { HostPages, PaneCatalogs } from '../ui/shell/PaneRoot';
import type { Preferences } from '../domain/ports/preferences';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService } from '../domain/ports/team';
import { makeTranslate, type MessageCatalog } from '../ui/common/i18n';
import { languageFor } from '../ui/shell/languageFor';
import { loadCatalogs, paneCatalogsFor } from './catalogRegistry';
import { loadPreferences } from './preferences';
import type * as PaneUiModule from './paneUi';
import { syncService } from './syncService';
import { teamService } from './teamService';

type PaneUi = typeof PaneUiModule;
const loadPaneUi = (): Promise<PaneUi> => import(/* webpackChunkName: "shell" */ './paneUi');

interface Opened {
  workspace: WorkspaceHandle;
  /** Absent when the pane has no origin to reach a server (opened from a file). */
  sync?: SyncService;
  /** The user's role and a row's history, with the shared workspace. */
  team?: TeamService;
  /** After a backup was restored: the shared workspace pulls again at once. */
  onRestored?: () => void;
  close(): Promise<void>;
}

/** The pane's own origin is its server; without one, the workspace stays in this browser. */
async function openPane(): Promise<Opened> {
  const origin = globalThis.location?.origin;
  if (!origin || origin === 'null') {
    const workspace = await openWorkspace();
    return { workspace, close: async () => workspace.close() };
  }
  const pane = await openPaneWorkspace({}, origin);
  const sync = syncService(pane.sync, origin);
  return {
    workspace: pane.workspace,
    sync,
    team: teamService(sync, origin),
    onRestored: () => pane.sync.notifyLocalChange(),
    close: () => pane.close(),
  };
}

interface Ready {
  ui: PaneUi;
  opened: Opened;
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
    let current: Opened | undefined;
    const ui = loadPaneUi();
    const opening = openPane();
    const preferences = loadPreferences(info.host);
    const chosen = preferences.get<UiLanguage>('language');
    const language = chosen === 'en' || chosen === 'it' ? chosen : languageFor(info.displayLanguage);
    const catalogs = loadCatalogs(language, info.host);
    Promise.all([opening, ui, catalogs]).then(
      ([opened, ui, loaded]) => {
        if (!live) return void opened.close().catch(() => undefined);
        current = opened;
        setReady({
          ui,
          opened,
          preferences,
          language,
          catalogs: paneCatalogsFor(info.host, language, loaded),
          hostPages: ui.hostPagesFor(info, opened.workspace, preferences),
        });
      },
      (e: unknown) => {
        // A workspace opened while the shell's chunk failed to load is closed again.
        void opening.then((o) => o.close()).catch(() => undefined);
        const message = e instanceof Error ? e.message : String(e);
        // The words need the catalogs; without them (their chunk failed) the bare message is shown.
        catalogs.then(
          (messages) => live && setFailure({ message, catalogs: { language, messages } }),
          () => live && setFailure({ message }),
        );
      },
    );
    // Ask the browser to keep this pane's data (Setup shows whether it does, and the quota).
    void navigator.storage?.persist?.().catch(() => false);
    return () => {
      live = false;
      void current?.close().catch(() => undefined);
    };
  }, [info]);

  if (failure !== undefined) {
    const { catalogs, message } = failure;
    return (
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" data-testid="open-failed">
          <MessageBarBody>
            {catalogs ? makeTranslate(catalogs.messages, catalogs.language)('app.openFailed', { message }) : message}
          </MessageBarBody>
        </MessageBar>
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
  const { workspace, sync, team, onRestored } = ready.opened;
  const { PaneRoot, transferApi } = ready.ui;
  return (
    <PaneRoot
      catalogs={ready.catalogs}
      services={{
        workspace,
        preferences: ready.preferences,
        transfer: transferApi(workspace, onRestored),
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
