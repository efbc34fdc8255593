// Save Criteria: the segment's actions under a new code.
import { Field, Input } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { isSegmentsError } from '../../domain/errors';
import { errorText } from '../common/errorText';
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
  // A refusal of the code (it exists, it is too long) is said at the Code field.
  const [codeError, setCodeError] = useState<string>();
  const codeInput = useRef<HTMLInputElement>(null);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await workspace.segments.saveCriteria(segmentNo, code.trim(), description);
      notify.success(t('criteria.saved', { code: saved.code }));
      onClose();
    } catch (e) {
      if (isSegmentsError(e, 'SAVED_CRITERIA_EXISTS') || (isSegmentsError(e) && e.details.field === 'code'))
        setCodeError(errorText(t, e));
      else notify.error(e);
      setBusy(false);
      // Save was disabled while saving, which took the focus out of the dialog (and Escape with it): the
      // focus goes back to the code, to type another.
      codeInput.current?.focus();
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
      <Field
        label={t('common.code')}
        required
        validationState={codeError ? 'error' : 'none'}
        validationMessage={codeError}
      >
        <Input
          ref={codeInput}
          value={code}
          maxLength={20}
          onChange={(_, d) => {
            setCode(d.value.toUpperCase());
            setCodeError(undefined);
          }}
          data-testid="save-criteria-code"
        />
      </Field>
      <Field label={t('common.description')}>
        <Input value={description} maxLength={100} onChange={(_, d) => setDescription(d.value)} />
      </Field>
    </SimpleDialog>
  );
}
