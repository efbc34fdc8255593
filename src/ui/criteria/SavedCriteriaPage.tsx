// Saved Segment Criteria (BC page 5141): each code with its actions; remove.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { SavedCriteria } from '../../domain/criteria';
import { useConfirm } from '../common/confirm';
import { criteriaSummary } from './criteriaSummary';
import { optionCaption } from '../common/errorText';
import { ListPage, actionsColumn, type ListColumn } from '../common/ListPage';
import { RemoveButton } from '../common/RemoveButton';
import { useSavedCriteria } from './useSavedCriteria';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import type { Navigate } from '../shell/pageRegistry';

const useStyles = makeStyles({
  // The description and every action wrap in full: a line limit cut the last action mid-filter, and the
  // cell's tooltip is no help on a touch screen. The column sets no `maxLines` (the table's line clamp):
  // this block wraps inside the cell at the column's width.
  description: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  actions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** `navigate` (the pane's): an empty list offers the way to the segments, where criteria are saved. */
export function SavedCriteriaPage({ navigate }: { navigate?: Navigate }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const saved = useSavedCriteria();
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = async (code: string) => {
    if (!(await confirm({ title: t('common.remove'), text: t('saved.removeConfirm', { code }) }))) return;
    try {
      await workspace.savedCriteria.remove(code);
      notify.success(t('codes.removed', { code }));
    } catch (e) {
      notify.error(e);
    }
  };
  const steps = (c: SavedCriteria) => c.actions.map((a) => `${optionCaption(t, a.kind)}: ${criteriaSummary(t, a)}`);

  const columns: ListColumn<SavedCriteria>[] = [
    {
      id: 'code',
      caption: 'common.code',
      width: '6em',
      value: (c) => c.code,
      title: (c) => c.code,
      sub: { caption: 'saved.lines', value: (c) => t('saved.actions', { n: formatNumber(c.actions.length) }) },
    },
    {
      id: 'description',
      caption: 'field.description',
      title: (c) => [c.description, ...steps(c)].filter(Boolean).join('\n'),
      value: (c) => (
        <div className={s.description}>
          {c.description}
          <ol className={s.actions} aria-label={t('saved.lines')}>
            {steps(c).map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </div>
      ),
    },
    actionsColumn((c) => <RemoveButton verb="common.remove" code={c.code} onClick={() => void remove(c.code)} />),
  ];

  return (
    <ListPage
      label={t('nav.savedCriteria')}
      rows={saved}
      columns={columns}
      rowKey={(c) => c.id}
      rowTestId={(c) => `saved-${c.code}`}
      empty={{
        text: t('saved.empty'),
        action: navigate ? { label: t('nav.segments'), onClick: () => navigate({ page: 'segments' }) } : undefined,
      }}
    />
  );
}
