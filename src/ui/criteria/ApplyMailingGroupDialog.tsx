// Apply Mailing Group: add a mailing group to every contact of the segment; "Delete Old Assignments"
// first removes it from every contact (the dialog says so).
import { Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { CodeLookup } from '../common/CodeLookup';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';

export function ApplyMailingGroupDialog({ segmentNo, onClose }: { segmentNo: string; onClose(): void }) {
  const t = useT();
  const workspace = useWorkspace();
  const notify = useNotify();
  // The code picked in the lookup; a typed code the list refused leaves nothing to apply.
  const [code, setCode] = useState('');
  const [refused, setRefused] = useState(false);
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
      disabled={busy || code === '' || refused}
      onPrimary={() => void apply()}
      onClose={onClose}
    >
      <CodeLookup
        label={t('mailingGroup.code')}
        list="mailingGroups"
        value={code}
        required
        size="medium"
        onCommit={(c) => {
          setRefused(false);
          setCode(c);
        }}
        onRefuse={() => setRefused(true)}
        testId="mailing-group-code"
      />
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
