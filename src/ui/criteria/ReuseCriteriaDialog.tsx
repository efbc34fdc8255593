// Reuse Criteria: replay saved criteria against today's contacts; BC asks first when the segment
// already has actions.
import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useConfirm } from '../common/confirm';
import { useSavedCriteria } from './useSavedCriteria';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';

export function ReuseCriteriaDialog({
  segmentNo,
  noOfCriteriaActions,
  onClose,
}: {
  segmentNo: string;
  noOfCriteriaActions: number;
  onClose(): void;
}) {
  const { t, formatNumber } = useI18n();
  const workspace = useWorkspace();
  const saved = useSavedCriteria();
  const confirm = useConfirm();
  const notify = useNotify();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const reuse = async () => {
    if (noOfCriteriaActions > 0) {
      const text = t('segment.reuseConfirm', {
        no: segmentNo,
        count: formatNumber(noOfCriteriaActions),
        what: t('segment.reuseWhatCriteria'),
      });
      if (!(await confirm({ title: t('criteria.reuseTitle'), text }))) return;
    }
    setBusy(true);
    try {
      const r = await workspace.segments.reuseCriteria(segmentNo, code);
      notify.success(
        t('criteria.reused', { code, added: formatNumber(r.added.length), removed: formatNumber(r.removed.length) }),
      );
      onClose();
    } catch (e) {
      notify.error(e);
      setBusy(false);
    }
  };
  return (
    <SimpleDialog
      title={t('criteria.reuseTitle')}
      primary={t('common.apply')}
      disabled={busy || code === ''}
      onPrimary={() => void reuse()}
      onClose={onClose}
      testId="reuse-criteria-ok"
    >
      {/* The choice appears once the list has loaded: a dropdown focused on opening and then replaced by
          "none" took the focus with it, and Escape no longer reached the dialog. */}
      {saved === undefined ? null : saved.length === 0 ? (
        <Text>{t('criteria.noSaved')}</Text>
      ) : (
        <Field label={t('criteria.reuseChoose')}>
          <Dropdown
            value={code}
            selectedOptions={[code]}
            onOptionSelect={(_, d) => setCode(d.optionValue ?? '')}
            data-testid="reuse-criteria-code"
          >
            {(saved ?? []).map((c) => (
              <Option key={c.code} value={c.code} text={c.code}>
                {c.code} {c.description ? `· ${c.description}` : ''}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </SimpleDialog>
  );
}
