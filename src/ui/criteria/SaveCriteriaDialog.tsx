// Save Criteria: the segment's actions under a new code.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';

export function SaveCriteriaDialog({ segmentNo, onClose }: { segmentNo: string; onClose(): void }) {
  const t = useT();
  const workspace = useWorkspace();
  const notify = useNotify();
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await workspace.segments.saveCriteria(segmentNo, code.trim(), description);
      notify.success(t('criteria.saved', { code: saved.code }));
      onClose();
    } catch (e) {
      notify.error(e);
      setBusy(false);
    }
  };
  return (
    <SimpleDialog
      title={t('criteria.saveTitle')}
      primary={t('common.save')}
      disabled={busy || code.trim() === ''}
      onPrimary={() => void save()}
      onClose={onClose}
      testId="save-criteria-ok"
    >
      <Field label={t('common.code')} required>
        <Input
          value={code}
          maxLength={20}
          onChange={(_, d) => setCode(d.value.toUpperCase())}
          data-testid="save-criteria-code"
        />
      </Field>
      <Field label={t('common.description')}>
        <Input value={description} maxLength={100} onChange={(_, d) => setDescription(d.value)} />
      </Field>
    </SimpleDialog>
  );
}
