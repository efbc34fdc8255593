// The pane's root: Fluent theme, the message catalog in the user's language, the one Toaster, BC's
// question dialogs, and the shell with its pages.
import type { OfficeCheckRunner } from '../../domain/officeCheck';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { UiLanguage } from '../../domain/setup';
import type { WordPort } from '../../domain/ports/wordPort';
import { ConfirmProvider } from '../common/confirm';
import { paneCatalogs } from './catalogs';
import { I18nProvider, type MessageCatalog } from '../common/i18n';
import { TOASTER_ID } from '../common/notify';
import type { Route } from './pageRegistry';
import { ServicesProvider, type Services } from '../common/services';
import { Shell } from './Shell';

/** Pages that come with a host (Excel's sheet import, Word's mail merge), rendered by the taskpane's wiring. */
export interface HostPages {
  excelImport?: (segmentNo: string | undefined) => ReactNode;
  /** Word's start page; outside Office it merges to a .docx download. */
  mailMerge?: () => ReactNode;
  /** In Excel: the lists' "export to a sheet" and a line's "show in the sheet" call it. */
  excel?: ExcelPort;
  /** In Word: Show letter opens the stored letter as a new document (elsewhere it downloads). */
  word?: WordPort;
  /** Setup → Check this Office: the check for this host (src/office/officeCheck), handed in by the task pane. */
  officeCheck?: OfficeCheckRunner;
  /** The host pages' own message catalogs ({ en, it }). */
  catalogs?: MessageCatalog[];
}

export interface AppProps {
  services: Services;
  initialLanguage: UiLanguage;
  hostPages?: HostPages;
  /** Shown under the title when the pane runs outside Office. */
  startRoute?: Route;
  onLanguageChange?: (language: UiLanguage) => void;
}

export function App({ services, initialLanguage, hostPages, startRoute, onLanguageChange }: AppProps) {
  const [language, setLanguage] = useState<UiLanguage>(initialLanguage);
  const [catalogs] = useState(() => [...paneCatalogs, ...(hostPages?.catalogs ?? [])]);
  const changeLanguage = useCallback(
    (l: UiLanguage) => {
      setLanguage(l);
      services.preferences.set('language', l);
      onLanguageChange?.(l);
    },
    [services, onLanguageChange],
  );
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }} lang={language}>
      <I18nProvider language={language} catalogs={catalogs}>
        <ServicesProvider value={services}>
          <ConfirmProvider>
            <Shell
              start={startRoute ?? defaultStart(services.host, hostPages)}
              hostPages={hostPages ?? {}}
              language={language}
              onLanguageChange={changeLanguage}
            />
          </ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} position="bottom" limit={3} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

/** Excel starts on Segments; Word on its mail merge page when the Word pages are wired, else Segments. */
export function defaultStart(host: Services['host'], hostPages?: HostPages): Route {
  if (host === 'Word' && hostPages?.mailMerge) return { page: 'mailMerge' };
  return { page: 'segments' };
}
