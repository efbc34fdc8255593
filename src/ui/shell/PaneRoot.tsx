// The pane's root: Fluent theme, the message catalogs in the user's language with dates and numbers in
// the workspace locale (Setup's, the one filters read them in), the one Toaster (fetched
// after the first paint: Notes.tsx), BC's question dialogs, and the shell with its pages. The catalogs
// are handed in: the task pane fetches only the user's language at start and the other one when the user
// switches (src/taskpane/catalogRegistry.ts).
import type { OfficeCheckRunner } from '../../domain/officeCheck';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { startTransition, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { UiLanguage } from '../../domain/setup';
import type { WordPort } from '../../domain/ports/wordPort';
import { ConfirmProvider } from '../common/confirm';
import { I18nProvider, useT, type MessageCatalog } from '../common/i18n';
import { TOASTER_ID } from '../common/notify';
import { useLiveQuery } from '../common/useLiveQuery';
import type { Route } from './pageRegistry';
import { ServicesProvider, type Services } from '../common/services';
import { Notes } from './Notes';
import { PartBoundary } from './PartBoundary';
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
  /** The host pages' own message catalogs ({ en, it }), when the caller has them at hand (see App). */
  catalogs?: MessageCatalog[];
}

/** The pane's message catalogs: those of the start language, and how to fetch a language's. */
export interface PaneCatalogs {
  /**
   * The catalogs of the start language the start page needs, loaded before the pane shows (no flash of
   * another language).
   */
  initial: MessageCatalog[];
  /**
   * The rest of the start language's catalogs (the host pages'), fetched beside the first page: every page
   * but the start page waits for them (useWholeCatalogs). Absent when `initial` is all of them.
   */
  rest?: Promise<MessageCatalog[]>;
  /** All the catalogs of a language the user switches to; the pane keeps its language until they arrive. */
  load(language: UiLanguage): Promise<MessageCatalog[]>;
}

export interface AppProps {
  services: Services;
  initialLanguage: UiLanguage;
  hostPages?: HostPages;
  /** Shown under the title when the pane runs outside Office. */
  startRoute?: Route;
  onLanguageChange?: (language: UiLanguage) => void;
}

export function PaneRoot({
  services,
  initialLanguage,
  hostPages,
  startRoute,
  onLanguageChange,
  catalogs: source,
}: AppProps & { catalogs: PaneCatalogs }) {
  const [{ language, catalogs, whole }, setShown] = useState(() => ({
    language: initialLanguage,
    catalogs: source.initial,
    whole: source.rest === undefined,
  }));
  // Settles once the whole catalogs are shown: what waits for them (every page but the start page) goes on.
  const [pending] = useState(() => {
    let settle!: () => void;
    const promise = new Promise<void>((ok) => (settle = ok));
    return { promise, settle };
  });
  useEffect(() => {
    let live = true;
    // New catalogs re-render every page part that speaks. They come beside the first page, when the user may
    // already be clicking it, and change nothing it shows: rendered as a transition, in slices a click
    // interrupts, rather than in one task the click waits for.
    source.rest?.then(
      (rest) =>
        live &&
        startTransition(() =>
          setShown((s) => (s.whole ? s : { ...s, catalogs: [...s.catalogs, ...rest], whole: true })),
        ),
      (e: unknown) => {
        // Not fetched (the network): the pages show with the start page's catalogs rather than wait for ever.
        console.warn("The host pages' messages could not be loaded:", e);
        if (live) setShown((s) => ({ ...s, whole: true }));
      },
    );
    return () => void (live = false);
  }, [source]);
  useEffect(() => {
    if (whole) pending.settle();
  }, [whole, pending]);
  // The language asked last: a slower fetch of an earlier choice does not override it.
  const asked = useRef(initialLanguage);
  const changeLanguage = useCallback(
    (l: UiLanguage) => {
      asked.current = l;
      source.load(l).then(
        (loaded) => {
          if (asked.current !== l) return;
          setShown({ language: l, catalogs: loaded, whole: true });
          services.preferences.set('language', l);
          onLanguageChange?.(l);
        },
        // Not fetched (the network): the pane stays in its language; choosing again tries again.
        (e: unknown) => console.warn(`The ${l} messages could not be loaded:`, e),
      );
    },
    [services, onLanguageChange, source],
  );
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }} lang={language}>
      <WorkspaceI18n
        workspace={services.workspace}
        language={language}
        catalogs={catalogs}
        pending={whole ? undefined : pending.promise}
      >
        <ServicesProvider value={services}>
          <ShellBoundary>
            <ConfirmProvider>
              <Shell
                start={startRoute ?? defaultStart(services.host, hostPages)}
                hostPages={hostPages ?? {}}
                language={language}
                onLanguageChange={changeLanguage}
              />
            </ConfirmProvider>
          </ShellBoundary>
          <Notes toasterId={TOASTER_ID} position="bottom" limit={3} />
        </ServicesProvider>
      </WorkspaceI18n>
    </FluentProvider>
  );
}

/**
 * The translations with the workspace locale of Setup, live: dates and numbers are shown as filters read
 * them (segments.md, section 4). Until Setup is read, or when it cannot be, the language's locale. The
 * locale is read here and not in PaneRoot: when it arrives, only this component renders again, and the
 * page below it only if the locale shown changes (not when Setup holds the language's own locale).
 */
function WorkspaceI18n(props: {
  workspace: Services['workspace'];
  language: UiLanguage;
  catalogs: MessageCatalog[];
  pending?: Promise<unknown>;
  children: ReactNode;
}) {
  const { workspace, ...rest } = props;
  const locale = useLiveQuery(async () => {
    try {
      return (await workspace.setup.get()).locale;
    } catch {
      return undefined; // the workspace did not open: the page says why, not the pane's root
    }
  }, [workspace]);
  return <I18nProvider {...rest} locale={locale} />;
}

/** What the page's own boundary (Shell.tsx) does not catch: the menu's or the status line's code not fetched. */
function ShellBoundary({ children }: { children: ReactNode }) {
  const t = useT();
  return <PartBoundary t={t}>{children}</PartBoundary>;
}

/** Excel starts on Segments; Word on its mail merge page when the Word pages are wired, else Segments. */
export function defaultStart(host: Services['host'], hostPages?: HostPages): Route {
  if (host === 'Word' && hostPages?.mailMerge) return { page: 'mailMerge' };
  return { page: 'segments' };
}
