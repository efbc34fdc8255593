// Apply Mailing Group: add a mailing group to every contact of the segment; "Delete Old Assignments"
// first removes it from every contact (the dialog says so).
import { Checkbox, Dropdown, Field, MessageBar, MessageBarBody, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { useCodeList } from '../lists/useCodeList';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';

export function ApplyMailingGroupDialog({ segmentNo, onClose }: { segmentNo: string; onClose(): void }) {
  const t = useT();
  const workspace = useWorkspace();
  const groups = useCodeList('mailingGroups');
  const notify = useNotify();
  const [code, setCode] = useState('');
  const [deleteOld, setDeleteOld] = useState(false);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      await workspace.segments.applyMailingGroup(segmentNo, code, { deleteOldAssignments: deleteOld });
      notify.success(t('mailingGroup.done', { code, no: segmentNo }));
      onClose();
    } catch (e) {
      notify.error(e);
      setBusy(false);
    }
  };
  return (
    <SimpleDialog
      title={t('mailingGroup.title')}
      primary={t('common.apply')}
      disabled={busy || code === ''}
      onPrimary={() => void apply()}
      onClose={onClose}
    >
      <Field
        label={t('mailingGroup.code')}
        required
        validationMessage={code === '' ? t('mailingGroup.required') : undefined}
        validationState="none"
      >
        <Dropdown value={code} selectedOptions={[code]} onOptionSelect={(_, d) => setCode(d.optionValue ?? '')}>
          {(groups ?? []).map((g) => (
            <Option key={g.code} value={g.code} text={g.code}>
              {g.code} {'description' in g && g.description ? `· ${g.description}` : ''}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        label={t('mailingGroup.deleteOld')}
        checked={deleteOld}
        onChange={(_, d) => setDeleteOld(d.checked === true)}
      />
      {deleteOld ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('mailingGroup.deleteOldHint')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </SimpleDialog>
  );
}
