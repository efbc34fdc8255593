// Renders a page as the pane does (Fluent, the catalogs, BC's question dialogs, the Toaster) over a real
// workspace, with a team service (the user's role, rows' history) or none, and the shared workspace's
// status (whether the server needs a personal key) or none.
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { SyncService } from '../../../src/domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../../../src/domain/ports/team';
import type { Workspace } from '../../../src/domain/workspace';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';

/** A team server that answers the user's role and no history. */
export function fakeTeam(user: TeamUser, history: TeamService['rowHistory'] = async () => []): TeamService {
  return { subscribe: () => () => undefined, getUser: () => user, rowHistory: history };
}

export function renderWithWorkspace(
  ui: ReactElement,
  workspace: Workspace,
  team: TeamService | undefined,
  language: 'en' | 'it' = 'en',
  sync?: SyncService,
) {
  const prefs = new Map<string, unknown>();
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <ServicesProvider
          value={{
            workspace,
            host: 'none',
            preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
            team,
            sync,
          }}
        >
          <ConfirmProvider>{ui}</ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}
