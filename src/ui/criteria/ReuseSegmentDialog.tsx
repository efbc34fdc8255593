// Reuse Segment: one line per interaction log entry of a logged segment.
import { Checkbox, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useConfirm } from '../common/confirm';
import { useLoggedSegments } from '../log/useLoggedSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';

export function ReuseSegmentDialog({
  segmentNo,
  noOfCriteriaActions,
  onClose,
}: {
  segmentNo: string;
  noOfCriteriaActions: number;
  onClose(): void;
}) {
  const { t, formatNumber, formatDate } = useI18n();
  const workspace = useWorkspace();
  const logged = useLoggedSegments();
  const confirm = useConfirm();
  const notify = useNotify();
  const [entryNo, setEntryNo] = useState('');
  const [allowExisting, setAllowExisting] = useState(false);
  const [busy, setBusy] = useState(false);
  const reuse = async () => {
    if (noOfCriteriaActions > 0) {
      const text = t('segment.reuseConfirm', {
        no: segmentNo,
        count: formatNumber(noOfCriteriaActions),
        what: t('segment.reuseWhatSegment'),
      });
      if (!(await confirm({ title: t('reuseSegment.title'), text }))) return;
    }
    setBusy(true);
    try {
      const r = await workspace.segments.reuseLoggedSegment(segmentNo, Number(entryNo), {
        allowExistingContacts: allowExisting,
      });
      notify.success(t('reuseSegment.done', { entryNo, added: formatNumber(r.added.length) }));
      onClose();
    } catch (e) {
      notify.error(e);
      setBusy(false);
    }
  };
  const label = (entry: { entryNo: number; segmentNo: string; description: string; creationDate: string }) =>
    `${entry.entryNo} · ${entry.segmentNo} · ${entry.description} · ${formatDate(entry.creationDate)}`;
  const chosen = logged?.find((l) => String(l.entryNo) === entryNo);
  return (
    <SimpleDialog
      title={t('reuseSegment.title')}
      primary={t('common.apply')}
      disabled={busy || entryNo === ''}
      onPrimary={() => void reuse()}
      onClose={onClose}
    >
      {/* The choice appears once the list has loaded: a dropdown focused on opening and then replaced by
          "none" took the focus with it, and Escape no longer reached the dialog. */}
      {logged === undefined ? null : logged.length === 0 ? (
        <Text>{t('reuseSegment.none')}</Text>
      ) : (
        <Field label={t('reuseSegment.choose')}>
          <Dropdown
            value={chosen ? label(chosen) : ''}
            selectedOptions={[entryNo]}
            onOptionSelect={(_, d) => setEntryNo(d.optionValue ?? '')}
          >
            {(logged ?? []).map((l) => (
              <Option key={l.entryNo} value={String(l.entryNo)}>
                {label(l)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Checkbox
        label={t('criteria.allowExistingContacts')}
        checked={allowExisting}
        onChange={(_, d) => setAllowExisting(d.checked === true)}
      />
    </SimpleDialog>
  );
}
