// The first run: an empty workspace greets the user with what a segment is, in BC's words, and the three
// ways in (Excel: import from the sheet; everywhere: import a CSV file; try the sample workspace), and
// asks for the profile while the user ID is empty. The sample workspace is loaded and removed in one
// click each (removing it asks first), with the result said; Setup offers its removal as long as any of
// it is in the workspace. While the shared workspace brings a large
// batch (a pane joining a team), it says so instead of offering the ways in. Taking a way in sets the
// workspace up: a Setup never saved takes the locale of the user's language (an Italian user's new
// workspace reads and shows dates as 31/01/26), so a saved Setup, an existing workspace's, is never changed.
import { Button, Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { UiLanguage } from '../../domain/setup';
import { useI18n } from '../common/i18n';
import { useServices, useWorkspace } from '../common/services';
import type { Navigate } from '../shell/pageRegistry';
import { ProfilePage } from './ProfilePage';
import { setUpLocale, useSampleWorkspace } from './useSampleWorkspace';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} 0`,
    overflowWrap: 'anywhere',
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
  button: { alignSelf: 'flex-start', maxWidth: '100%', whiteSpace: 'normal', height: 'auto' },
});

/** The sample workspace's Load / Remove, with the outcome as a toast; removal is confirmed. */
export function SampleWorkspaceButtons() {
  const { t } = useI18n();
  const s = useStyles();
  const sample = useSampleWorkspace();
  const adminOnly = useId();
  if (sample.loaded === undefined) return <Spinner size="tiny" label={t('common.loading')} />;
  // One button that changes from Load to Remove (the same element, so the focus stays on it), and after
  // loading, what to do next. While it works it is disabled but keeps the focus: a browser drops the focus
  // of a button that becomes disabled, and a keyboard user would start again from the page's top. A member
  // of a team sees the Remove button disabled, with why.
  return (
    <>
      {sample.loaded ? (
        <Button
          className={s.button}
          disabledFocusable={sample.busy || !sample.mayRemove}
          aria-describedby={sample.mayRemove ? undefined : adminOnly}
          onClick={() => void sample.remove()}
          data-testid="sample-remove"
        >
          {t('firstRun.sample.remove')}
        </Button>
      ) : (
        <Button
          className={s.button}
          appearance="primary"
          disabledFocusable={sample.busy}
          onClick={() => void sample.load()}
          data-testid="sample-load"
        >
          {t('firstRun.sample.load')}
        </Button>
      )}
      {sample.loaded && !sample.mayRemove ? (
        <Text size={200} className={s.hint} id={adminOnly}>
          {t('firstRun.sample.adminOnly')}
        </Text>
      ) : null}
      {sample.loaded ? (
        <Text size={200} data-testid="sample-next">
          {t('firstRun.sample.next')}
        </Text>
      ) : null}
    </>
  );
}

export function FirstRun(props: {
  navigate: Navigate;
  excelImport: boolean;
  language: UiLanguage;
  onLanguageChange(l: UiLanguage): void;
}) {
  const { navigate, excelImport, language, onLanguageChange } = props;
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const receiving = useReceiving();
  // Asked while the user ID is empty: read once when the page opens (the profile form saves as the user types).
  const [askProfile, setAskProfile] = useState(false);
  useEffect(() => {
    let live = true;
    void workspace.profile.get().then(
      (p) => live && setAskProfile(p.userId === ''),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workspace]);
  return (
    <section className={s.root} aria-labelledby="first-run-title" data-testid="first-run">
      <Text as="h2" id="first-run-title" size={500} weight="semibold">
        {t('firstRun.title')}
      </Text>
      <Text>{t('firstRun.segment')}</Text>
      {receiving !== undefined ? (
        // A pane joining a team: its workspace is on the way. No ways in meanwhile (an import or the sample
        // workspace would go into the team's workspace, beside what is arriving).
        <Card className={s.card} data-testid="first-run-arriving">
          <Text weight="semibold">{t('firstRun.arriving.title')}</Text>
          <Spinner size="tiny" label={t('firstRun.arriving.text', { n: formatNumber(receiving) })} />
        </Card>
      ) : (
        <WaysIn navigate={navigate} excelImport={excelImport} />
      )}
      {askProfile ? (
        <Card className={s.card} data-testid="first-run-profile">
          <Text weight="semibold">{t('firstRun.profile.title')}</Text>
          <Text size={200} className={s.hint}>
            {t('firstRun.profile.text')}
          </Text>
          <ProfilePage language={language} onLanguageChange={onLanguageChange} />
        </Card>
      ) : null}
    </section>
  );
}

/** The three ways in: the Excel sheet (in Excel), a CSV file, the sample workspace. */
function WaysIn({ navigate, excelImport }: { navigate: Navigate; excelImport: boolean }) {
  const { t, language } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const go = (page: 'excelImport' | 'csvImport') => {
    void setUpLocale(workspace, language);
    navigate({ page });
  };
  return (
    <>
      <Text as="h3" weight="semibold">
        {t('firstRun.waysIn')}
      </Text>
      {excelImport ? (
        <Card className={s.card}>
          <Text weight="semibold">{t('firstRun.excel.title')}</Text>
          <Text size={200} className={s.hint}>
            {t('firstRun.excel.text')}
          </Text>
          <Button className={s.button} onClick={() => go('excelImport')} data-testid="first-run-excel">
            {t('firstRun.excel.action')}
          </Button>
        </Card>
      ) : null}
      <Card className={s.card}>
        <Text weight="semibold">{t('firstRun.csv.title')}</Text>
        <Text size={200} className={s.hint}>
          {t('firstRun.csv.text')}
        </Text>
        <Button className={s.button} onClick={() => go('csvImport')} data-testid="first-run-csv">
          {t('firstRun.csv.action')}
        </Button>
      </Card>
      <Card className={s.card}>
        <Text weight="semibold">{t('firstRun.sample.title')}</Text>
        <Text size={200} className={s.hint}>
          {t('firstRun.sample.text')}
        </Text>
        <SampleWorkspaceButtons />
      </Card>
    </>
  );
}

/** The rows received so far while the shared workspace brings a large batch (undefined otherwise, and without one). */
function useReceiving(): number | undefined {
  const { sync } = useServices();
  const subscribe = sync?.subscribe ?? noSubscription;
  return useSyncExternalStore(subscribe, () => sync?.getStatus().receiving);
}
const noSubscription = () => () => undefined;
