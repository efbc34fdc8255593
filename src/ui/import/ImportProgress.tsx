// An import's progress: with Cancel while the rows are checked and matched (nothing is written yet); once
// the write begins, the bar alone, saying that it writes and can no longer be canceled (the write is one
// transaction that commits as a whole, so a Cancel then could only be a false promise).
import { Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { TaskProgress } from '../common/useLongTask';
import { useI18n } from '../common/i18n';
import { ProgressPanel } from '../shell/ProgressPanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
  },
});

export function ImportProgress(props: { progress: TaskProgress; writing: boolean; onCancel(): void }) {
  const { t } = useI18n();
  const s = useStyles();
  const { progress, writing, onCancel } = props;
  if (!writing) return <ProgressPanel progress={progress} onCancel={onCancel} />;
  const value = progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className={s.root} role="status" aria-live="polite" data-testid="import-writing">
      <Field label={t('import.writing')} hint={t('import.writing.noCancel')}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
    </div>
  );
}
