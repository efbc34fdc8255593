// An import's progress: with Cancel while the rows are checked and matched (nothing is written yet); once
// the write begins, the bar alone, saying that it writes and can no longer be canceled (the write is one
// transaction that commits as a whole, so a Cancel then could only be a false promise).
import type { TaskProgress } from '../common/useLongTask';
import { useI18n } from '../common/i18n';
import { ProgressPanel } from '../shell/ProgressPanel';

export function ImportProgress(props: { progress: TaskProgress; writing: boolean; onCancel(): void }) {
  const { t } = useI18n();
  const { progress, writing, onCancel } = props;
  if (!writing) return <ProgressPanel progress={progress} onCancel={onCancel} />;
  return (
    <ProgressPanel
      progress={progress}
      label={t('import.writing')}
      hint={t('import.writing.noCancel')}
      testId="import-writing"
    />
  );
}
