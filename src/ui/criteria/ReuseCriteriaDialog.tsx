// Reuse Criteria: replay saved criteria against today's contacts; BC asks first when the segment
// already has actions.
import { useSavedCriteria } from './useSavedCriteria';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { ReuseDialog } from './ReuseDialog';

export function ReuseCriteriaDialog(p: { segmentNo: string; noOfCriteriaActions: number; onClose(): void }) {
  const { t, formatNumber } = useI18n();
  const workspace = useWorkspace();
  const saved = useSavedCriteria();
  return (
    <ReuseDialog
      {...p}
      keys={{
        title: 'criteria.reuseTitle',
        what: 'segment.reuseWhatCriteria',
        choose: 'criteria.reuseChoose',
        none: 'criteria.noSaved',
      }}
      choices={saved?.map((c) => ({
        value: c.code,
        text: c.code,
        label: `${c.code} ${c.description ? `· ${c.description}` : ''}`,
      }))}
      run={async (code) => {
        const r = await workspace.segments.reuseCriteria(p.segmentNo, code);
        return t('criteria.reused', {
          code,
          added: formatNumber(r.added.length),
          removed: formatNumber(r.removed.length),
        });
      }}
      testIds={{ ok: 'reuse-criteria-ok', choice: 'reuse-criteria-code' }}
    />
  );
}
