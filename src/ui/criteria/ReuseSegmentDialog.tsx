// Reuse Segment: one line per interaction log entry of a logged segment.
import { Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import type { SegmentLine } from '../../domain/segment';
import type { Workspace } from '../../domain/workspace';
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
        const done = t('reuseSegment.done', { entryNo, added: formatNumber(r.added.length) });
        if (allowExisting) return done;
        // "+0 lines" alone leaves the user to guess: the logged segment's contacts that were already on the
        // segment are said, with the option that adds them. The reuse is done: a count that cannot be read
        // only leaves the reason out.
        const skipped = await skippedContacts(workspace, p.segmentNo, Number(entryNo), r.added).catch(() => 0);
        return skipped === 0 ? done : `${done} ${t('reuseSegment.skipped', { skipped: formatNumber(skipped) })}`;
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

/**
 * How many contacts of the logged segment Reuse Segment did not add because they were on the segment already:
 * those on it now that the step did not add (a contact with several entries is added once, and counted once).
 */
async function skippedContacts(
  workspace: Workspace,
  segmentNo: string,
  loggedSegmentEntryNo: number,
  added: SegmentLine[],
): Promise<number> {
  const [entries, segment] = await Promise.all([
    workspace.interactionLog.list({ loggedSegmentEntryNo }),
    workspace.segments.get(segmentNo),
  ]);
  const addedNos = new Set(added.map((l) => l.contactNo));
  const onSegment = new Set(segment?.lines.map((l) => l.contactNo));
  return new Set(entries.map((e) => e.contactNo).filter((no) => onSegment.has(no) && !addedNos.has(no))).size;
}
