// Reuse Segment: one line per interaction log entry of a logged segment.
import { Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import { useLoggedSegments } from '../log/useLoggedSegments';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { ReuseDialog } from './ReuseDialog';

export function ReuseSegmentDialog(p: { segmentNo: string; noOfCriteriaActions: number; onClose(): void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const workspace = useWorkspace();
  const logged = useLoggedSegments();
  const [allowExisting, setAllowExisting] = useState(false);
  return (
    <ReuseDialog
      {...p}
      keys={{
        title: 'reuseSegment.title',
        what: 'segment.reuseWhatSegment',
        choose: 'reuseSegment.choose',
        none: 'reuseSegment.none',
      }}
      choices={logged?.map((l) => {
        const label = `${l.entryNo} · ${l.segmentNo} · ${l.description} · ${formatDate(l.creationDate)}`;
        return { value: String(l.entryNo), text: label, label };
      })}
      run={async (entryNo) => {
        const r = await workspace.segments.reuseLoggedSegment(p.segmentNo, Number(entryNo), {
          allowExistingContacts: allowExisting,
        });
        return t('reuseSegment.done', { entryNo, added: formatNumber(r.added.length) });
      }}
    >
      <Checkbox
        label={t('criteria.allowExistingContacts')}
        checked={allowExisting}
        onChange={(_, d) => setAllowExisting(d.checked === true)}
      />
    </ReuseDialog>
  );
}
