// Setup → Check this Office: runs the Office check handed in by the task pane, shows each step as it
// ends, and offers the report to copy or save (JSON with a readable summary).
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  officeCheckFile,
  officeCheckSummary,
  type OfficeCheckReport,
  type OfficeCheckRunner,
  type OfficeCheckStep,
} from '../../domain/officeCheck';
import { downloadBlob } from '../common/download';
import { errorText } from '../common/errorText';
import { useT } from '../common/i18n';
import { useServices } from '../common/services';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  summary: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    margin: 0,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function OfficeCheckPage({ run }: { run?: OfficeCheckRunner }) {
  const t = useT();
  const styles = useStyles();
  const { host, sync } = useServices();
  const [steps, setSteps] = useState<OfficeCheckStep[]>([]);
  const [report, setReport] = useState<OfficeCheckReport>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string }>();

  const start = async () => {
    if (!run) return;
    setBusy(true);
    setSteps([]);
    setReport(undefined);
    setNote(undefined);
    try {
      const status = sync ? sync.getStatus().connection : 'none';
      const r = await run({ sharedWorkspace: { status }, onStep: (s) => setSteps((prev) => [...prev, s]) });
      setReport(r);
    } catch (e) {
      setNote({ intent: 'error', text: t('officeCheck.failed', { message: errorText(t, e) }) });
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(officeCheckFile(report));
      setNote({ intent: 'success', text: t('officeCheck.copied') });
    } catch (e) {
      setNote({ intent: 'error', text: errorText(t, e) });
    }
  };

  const save = () => {
    if (!report) return;
    const stamp = report.createdAt.replace(/[:.]/g, '-');
    downloadBlob(
      new Blob([officeCheckFile(report)], { type: 'application/json' }),
      `segments-office-check-${report.environment.host}-${stamp}.json`,
    );
  };

  return (
    <div className={styles.page} data-testid="office-check">
      <Text>{t('officeCheck.intro')}</Text>
      {host === 'none' ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('officeCheck.outside')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!run ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('officeCheck.unavailable')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || !run}
          onClick={() => void start()}
          data-testid="office-check-run"
        >
          {t('officeCheck.run')}
        </Button>
        <Button disabled={!report} onClick={() => void copy()} data-testid="office-check-copy">
          {t('officeCheck.copy')}
        </Button>
        <Button disabled={!report} onClick={save} data-testid="office-check-save">
          {t('officeCheck.save')}
        </Button>
      </div>
      {busy ? <Text role="status">{t('officeCheck.running', { done: steps.length })}</Text> : null}
      {note ? (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report ? (
        <Text weight="semibold" data-testid="office-check-result">
          {t('officeCheck.result', report.totals)}
        </Text>
      ) : null}
      {steps.length ? (
        <ul className={styles.steps}>
          {steps.map((s) => (
            <li key={s.id} data-testid={`office-check-step-${s.id}`}>
              {s.id}: {t(`officeCheck.status.${s.status}`)}
              {s.status !== 'skipped' ? ` (${Math.round(s.ms)} ms, ${s.syncs} syncs)` : ''}
              {s.error ? ` ${s.error.code}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {report ? (
        <pre className={styles.summary} data-testid="office-check-summary">
          {officeCheckSummary(report)}
        </pre>
      ) : null}
    </div>
  );
}
