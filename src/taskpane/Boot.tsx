// The boot path: Office once (host.ts), then the workspace and the host's preferences in parallel, then
// the pane for the host. A workspace that cannot open is said in words, not a blank pane.
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UiLanguage } from '../domain/setup';
import type { HostInfo } from '../office/host';
import { openWorkspace, type WorkspaceHandle } from '../store/index';
import { App, type HostPages } from '../ui/App';
import { languageFor, paneCatalogs } from '../ui/i18n/catalogs';
import { makeTranslate } from '../ui/i18n/i18n';
import type { Preferences } from '../ui/services';
import { hostPagesFor } from './hostPages';
import { loadPreferences } from './preferences';
import { transferApi } from './transfer';

interface Ready {
  workspace: WorkspaceHandle;
  preferences: Preferences;
  language: UiLanguage;
  hostPages: HostPages;
}

export function Boot({ info }: { info: HostInfo }) {
  const [ready, setReady] = useState<Ready>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    Promise.all([openWorkspace(), loadPreferences(info.host)]).then(
      ([workspace, preferences]) => {
        const chosen = preferences.get<UiLanguage>('language');
        const language = chosen === 'en' || chosen === 'it' ? chosen : languageFor(info.displayLanguage);
        if (live) setReady({ workspace, preferences, language, hostPages: hostPagesFor(info, workspace, preferences) });
        else workspace.close();
      },
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    // Ask the browser to keep this pane's data (Setup shows whether it does, and the quota).
    void navigator.storage?.persist?.().catch(() => false);
    return () => {
      live = false;
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
  const { workspace } = ready;
  return (
    <App
      services={{ workspace, preferences: ready.preferences, transfer: transferApi(workspace), host: info.host }}
      initialLanguage={ready.language}
      hostPages={ready.hostPages}
      onLanguageChange={(l) => void workspace.profile.update({ uiLanguage: l }).catch(() => undefined)}
    />
  );
}
