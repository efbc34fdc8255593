// The frame of every page in a ~320 px pane: a top bar (Back, the page title, the pages menu), the
// lasting conditions as MessageBars (the shared workspace's status among them), and the current page.
import { Button, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons/svg/arrow-left';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { UiLanguage } from '../../domain/setup';
import type { HostPages } from './App';
import { useT } from '../common/i18n';
import { routeTitle, type Route } from './pageRegistry';
import { useServices } from '../common/services';
import { NavMenu } from './NavMenu';
import { PageOutlet } from './PageOutlet';
import { SyncStatus } from './SyncStatus';

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
  title: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', margin: 0 },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
  main: { flexGrow: 1, minHeight: 0, overflowY: 'auto', padding: tokens.spacingHorizontalS },
});

export function Shell(props: { start: Route; hostPages: HostPages; language: UiLanguage; onLanguageChange(l: UiLanguage): void }) {
  const t = useT();
  const s = useStyles();
  const { host, preferences } = useServices();
  const [history, setHistory] = useState<Route[]>([props.start]);
  const route = history[history.length - 1];
  const navigate = useCallback((to: Route) => setHistory((h) => [...h, to]), []);
  const back = useCallback(() => setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h)), []);
  const [key, vars] = routeTitle(route);

  useEffect(() => {
    if (route.page === 'segment') preferences.set('lastSegment', route.no);
  }, [route, preferences]);

  return (
    <div className={s.root}>
      <header className={s.bar}>
        {history.length > 1 ? <Button appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t('nav.back')} onClick={back} /> : null}
        <Title3 as="h1" className={s.title} data-testid="page-title">
          {t(key, vars)}
        </Title3>
        <NavMenu host={host} hostPages={props.hostPages} navigate={(r) => setHistory([r])} language={props.language} onLanguageChange={props.onLanguageChange} />
      </header>
      <div className={s.bars}>
        {host === 'none' ? (
          <MessageBar intent="info" data-testid="host-status">
            <MessageBarBody>{t('app.outsideOffice')}</MessageBarBody>
          </MessageBar>
        ) : null}
        <SyncStatus onOpenSetup={() => setHistory([{ page: 'setup' }])} />
      </div>
      <main className={s.main}>
        <Suspense fallback={<Spinner size="small" label={t('common.loading')} />}>
          <PageOutlet route={route} navigate={navigate} back={back} hostPages={props.hostPages} language={props.language} onLanguageChange={props.onLanguageChange} />
        </Suspense>
      </main>
    </div>
  );
}
