// Renders pane components as the pane does: Fluent, the catalogs in a language, the services over a real
// workspace (fake-indexeddb), BC's question dialogs and the Toaster.
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { render, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { UiLanguage } from '../../src/domain/setup';
import type { Workspace } from '../../src/domain/workspace';
import { ConfirmProvider } from '../../src/ui/common/confirm';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { I18nProvider } from '../../src/ui/common/i18n';
import { TOASTER_ID } from '../../src/ui/common/notify';
import { ServicesProvider } from '../../src/ui/common/services';
import './setup';

export function renderInPane(ui: ReactElement, workspace: Workspace, language: UiLanguage = 'en') {
  const prefs = new Map<string, unknown>();
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <ServicesProvider
          value={{
            workspace,
            host: 'none',
            preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
          }}
        >
          <ConfirmProvider>{ui}</ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

/**
 * A button of the dialog that holds `inner` (its text, say), found through that dialog. In jsdom, with no
 * layout, Fluent's modal layer sometimes leaves the newest of two dialogs (one reopened as the last closes,
 * or one opened over another) marked aria-hidden, since it picks the active dialog from focus and timers;
 * role queries then see nothing there. The button is looked for in that dialog, hidden or not; the browser
 * suites reach the same dialogs by role in Chromium, where the layer settles.
 */
export function buttonInDialogOf(inner: HTMLElement, name: string): HTMLElement {
  const dialog = inner.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]');
  if (!dialog) throw new Error(`no dialog holds ${inner.outerHTML.slice(0, 80)}`);
  return within(dialog).getByRole('button', { name, hidden: true });
}
