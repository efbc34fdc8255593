// Progress of long work, with Cancel: shown in place of the page's action while it runs.
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { TaskProgress } from '../common/useLongTask';
import { useI18n } from '../common/i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
  },
});

/**
 * Without `onCancel` the bar alone, for work that can no longer stop (an import's one-transaction write):
 * `label` and `hint` then say what it does and why it cannot be canceled.
 */
export function ProgressPanel(p: {
  progress: TaskProgress;
  onCancel?: () => void;
  label?: string;
  hint?: string;
  testId?: string;
}) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const { progress, onCancel } = p;
  const value = progress.total > 0 ? progress.done / progress.total : undefined;
  const count =
    progress.total > 0
      ? t('progress.items', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
      : undefined;
  return (
    <div className={s.root} role="status" aria-live="polite" data-testid={p.testId ?? 'progress'}>
      <Field label={p.label ?? progress.label} hint={p.hint ?? count}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {t('progress.cancel')}
        </Button>
      )}
    </div>
  );
}

/**
 * Work that runs as one workspace transaction: it cannot stop half-way, so it shows that it works,
 * without a Cancel.
 */
export function WorkingBar() {
  const { t } = useI18n();
  return (
    <Field validationMessage={t('common.working')} validationState="none" data-testid="running">
      <ProgressBar />
    </Field>
  );
}
