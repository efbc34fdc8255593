// The boot path: Office once (host.ts), then the workspace (shared through the server the pane came
// from, src/sync) and the host's preferences in parallel, then the pane for the host. A workspace that
// cannot open is said in words, not a blank pane. Unmounting stops the sync loop and closes the database.
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UiLanguage } from '../domain/setup';
import type { HostInfo } from '../office/host';
import { openWorkspace, type WorkspaceHandle } from '../store/index';
import { openPaneWorkspace } from '../sync/paneSync';
import { App, type HostPages } from '../ui/shell/App';
import { languageFor, paneCatalogs } from '../ui/shell/catalogs';
import { makeTranslate } from '../ui/common/i18n';
import type { Preferences } from '../domain/ports/preferences';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService } from '../domain/ports/team';
import { hostPagesFor } from './hostPages';
import { loadPreferences } from './preferences';
import { syncService } from './syncService';
import { teamService } from './teamService';
import { transferApi } from './transfer';

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
  return { workspace: pane.workspace, sync, team: teamService(sync, origin), onRestored: () => pane.sync.notifyLocalChange(), close: () => pane.close() };
}

interface Ready {
  opened: Opened;
  preferences: Preferences;
  language: UiLanguage;
  hostPages: HostPages;
}

export function Boot({ info }: { info: HostInfo }) {
  const [ready, setReady] = useState<Ready>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    let current: Opened | undefined;
    Promise.all([openPane(), loadPreferences(info.host)]).then(
      ([opened, preferences]) => {
        const chosen = preferences.get<UiLanguage>('language');
        const language = chosen === 'en' || chosen === 'it' ? chosen : languageFor(info.displayLanguage);
        if (!live) return void opened.close().catch(() => undefined);
        current = opened;
        setReady({ opened, preferences, language, hostPages: hostPagesFor(info, opened.workspace, preferences) });
      },
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    // Ask the browser to keep this pane's data (Setup shows whether it does, and the quota).
    void navigator.storage?.persist?.().catch(() => false);
    return () => {
      live = false;
      void current?.close().catch(() => undefined);
    };
  }, [info]);

  if (failure !== undefined) {
    const t = makeTranslate(paneCatalogs, languageFor(info.displayLanguage));
    return (
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" data-testid="open-failed">
          <MessageBarBody>{t('app.openFailed', { message: failure })}</MessageBarBody>
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
  return (
    <App
      services={{ workspace, preferences: ready.preferences, transfer: transferApi(workspace, onRestored), host: info.host, sync, team }}
      initialLanguage={ready.language}
      hostPages={ready.hostPages}
      onLanguageChange={(l) => void workspace.profile.update({ uiLanguage: l }).catch(() => undefined)}
    />
  );
}
