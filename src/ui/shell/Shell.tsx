// The frame of every page in a ~320 px pane: a top bar (Back, the page title, the pages menu), the
// lasting conditions as MessageBars (the shared workspace's status among them), and the current page.
import { Button, Caption1, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons/svg/arrow-left';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { InfoRegular } from '@fluentui/react-icons/svg/info';
import { Fragment, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { UiLanguage } from '../../domain/setup';
import type { Renumbered, SyncService } from '../../domain/ports/syncStatus';
import type { HostPages } from './App';
import { useT } from '../common/i18n';
import { useDismissPageNotes, useNotesCover } from '../common/notify';
import { followRenumbered, routeTitle, type Route } from './pageRegistry';
import { useServices } from '../common/services';
import { FocusReturn } from './FocusReturn';
import { NavMenu } from './NavMenu';
import { PartBoundary } from './PartBoundary';
import { PageOutlet } from './PageOutlet';
import { PageStateContext, type PageState } from './pageState';
import { SyncStatus } from './SyncStatusLater';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // The title wraps between words, never inside one ("Segment SEG00001" stays readable in a 320 px pane;
  // "Salespeople/Purchasers" wraps after its slash): a single word wider than the bar ends in "…", with the
  // whole title as its tooltip.
  title: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'normal',
    wordBreak: 'normal',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    ':focus-visible': { outlineStyle: 'none' },
  },
  notice: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
  },
  noticeText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  noticeIcon: { flexShrink: 0 },
  bars: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} 0`,
    ':empty': { display: 'none' },
  },
  main: { flexGrow: 1, minHeight: 0, overflowY: 'auto', padding: tokens.spacingHorizontalS },
  // The notes' place at the bottom of the pane: the page ends above it, so a note never covers the page.
  notesPlace: { flexShrink: 0 },
});

export function Shell(props: {
  start: Route;
  hostPages: HostPages;
  language: UiLanguage;
  onLanguageChange(l: UiLanguage): void;
}) {
  const t = useT();
  const s = useStyles();
  const notesCover = useNotesCover();
  const { host, preferences, sync } = useServices();
  const [noticeHidden, hideNotice] = useSessionFlag(NOTICE_HIDDEN);
  const [history, setHistory] = useState<Route[]>([props.start]);
  const route = history[history.length - 1];
  // Each visit is an entry of its own (a copy of the route), so that its page state is its own: a page opened
  // again starts afresh, a page gone back to is as it was left.
  const navigate = useCallback((to: Route) => setHistory((h) => [...h, { ...to }]), []);
  const back = useCallback(() => setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h)), []);
  const replace = useCallback(
    (from: Route, to: Route) => setHistory((h) => (h.includes(from) ? h.map((r) => (r === from ? to : r)) : h)),
    [],
  );
  useFollowRenumbered(sync, setHistory);
  // Each history entry's page state (pageState.tsx): gone with the entry.
  const [pageStates] = useState(() => new WeakMap<Route, PageState>());
  let pageState = pageStates.get(route);
  if (!pageState) pageStates.set(route, (pageState = new Map()));
  const [key, vars] = routeTitle(route);
  const title = t(key, vars);

  useEffect(() => {
    if (route.page === 'segment') preferences.set('lastSegment', route.no);
  }, [route, preferences]);
  // A note speaks of the page it was raised on: another page takes its errors away, and the success and info
  // notes the user has gone on from.
  const dismissPageNotes = useDismissPageNotes();
  useEffect(() => dismissPageNotes(), [route, dismissPageNotes]);

  return (
    <div className={s.root}>
      <header className={s.bar}>
        {history.length > 1 ? (
          <Button appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t('nav.back')} onClick={back} />
        ) : null}
        <Title3 as="h1" className={s.title} data-testid="page-title" tabIndex={-1} title={title}>
          {title.split('/').map((part, i, all) => (
            <Fragment key={i}>
              {part}
              {i < all.length - 1 ? (
                <>
                  /<wbr />
                </>
              ) : null}
            </Fragment>
          ))}
        </Title3>
        <NavMenu
          host={host}
          hostPages={props.hostPages}
          navigate={(r) => setHistory([{ ...r }])}
          language={props.language}
          onLanguageChange={props.onLanguageChange}
        />
      </header>
      <section className={s.bars} aria-label={t('app.status')}>
        {host === 'none' && !noticeHidden ? (
          <div className={s.notice}>
            <InfoRegular className={s.noticeIcon} aria-hidden />
            {/* With a shared workspace the data is not only this browser's: the notice then says only where the pane runs. */}
            <Caption1 className={s.noticeText} data-testid="host-status">
              {t(sync ? 'app.outsideOfficeShared' : 'app.outsideOffice')}
            </Caption1>
            <Button
              appearance="transparent"
              size="small"
              icon={<DismissRegular />}
              aria-label={t('app.dismissNotice')}
              title={t('app.dismissNotice')}
              onClick={hideNotice}
              data-testid="host-status-dismiss"
            />
          </div>
        ) : null}
        <SyncStatus onOpenSetup={() => setHistory([{ page: 'setup' }])} />
      </section>
      <FocusReturn />
      <main className={s.main}>
        <PartBoundary resetOn={route} t={t}>
          <Suspense fallback={<Spinner size="small" label={t('common.loading')} />}>
            <PageStateContext.Provider value={pageState}>
              <PageOutlet
                route={route}
                navigate={navigate}
                back={back}
                replace={replace}
                hostPages={props.hostPages}
                language={props.language}
                onLanguageChange={props.onLanguageChange}
              />
            </PageStateContext.Provider>
          </Suspense>
        </PartBoundary>
      </main>
      {notesCover ? (
        <div className={s.notesPlace} style={{ height: notesCover }} aria-hidden data-testid="notes-place" />
      ) : null}
    </div>
  );
}

const NOTICE_HIDDEN = 'segments.outsideOfficeNoticeHidden';

const renumberedKey = (r: Renumbered) => `${r.table}\u0000${r.id}\u0000${r.from}\u0000${r.to}`;

/**
 * The pages in the history follow the records the shared workspace renumbers (a segment made offline whose
 * number another user took first): the page open on it shows it under its new number, never the other
 * user's record that now has the old one. Moved at once, as the pull that renumbered it is told: before
 * the user can act on the page again.
 */
function useFollowRenumbered(
  sync: SyncService | undefined,
  setHistory: (update: (h: Route[]) => Route[]) => void,
): void {
  // What was told before this shell was shown is not its own pages' business.
  const told = useRef<Set<string>>(undefined);
  told.current ??= new Set((sync?.getStatus().renumbered ?? []).map(renumberedKey));
  useEffect(() => {
    if (!sync) return;
    const seen = told.current!;
    const follow = (now: boolean) => {
      const fresh = sync.getStatus().renumbered.filter((r) => !seen.has(renumberedKey(r)));
      if (fresh.length === 0) return;
      for (const r of fresh) seen.add(renumberedKey(r));
      const update = (h: Route[]) => {
        const next = h.map((r) => followRenumbered(r, fresh));
        return next.some((r, i) => r !== h[i]) ? next : h;
      };
      if (now) flushSync(() => setHistory(update));
      else setHistory(update);
    };
    // Told between the first render and now (nothing is shown of it yet).
    follow(false);
    return sync.subscribe(() => follow(true));
  }, [sync, setHistory]);
}

/** A flag kept for the browser session (sessionStorage): the notice dismissed stays dismissed until the tab closes. */
function useSessionFlag(key: string): [boolean, () => void] {
  const [on, setOn] = useState(() => {
    try {
      return sessionStorage.getItem(key) === '1';
    } catch {
      return false;
    }
  });
  const set = useCallback(() => {
    setOn(true);
    try {
      sessionStorage.setItem(key, '1');
    } catch {
      // storage refused (private mode): hidden for this page only
    }
  }, [key]);
  return [on, set];
}
