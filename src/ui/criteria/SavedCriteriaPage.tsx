// Saved Segment Criteria (BC page 5141): each code with its actions; delete.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useConfirm } from '../common/confirm';
import { criteriaSummary } from './criteriaSummary';
import { optionCaption } from '../common/errorText';
import { useSavedCriteria } from './useSavedCriteria';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';

const useStyles = makeStyles({
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  actions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function SavedCriteriaPage() {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const saved = useSavedCriteria();
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = async (code: string) => {
    if (!(await confirm({ title: t('common.delete'), text: t('saved.deleteConfirm', { code }) }))) return;
    try {
      await workspace.savedCriteria.remove(code);
      notify.success(t('codes.removed', { code }));
    } catch (e) {
      notify.error(e);
    }
  };
  if (saved === undefined) return <Spinner size="small" label={t('common.loading')} />;
  if (saved.length === 0) return <Text>{t('saved.empty')}</Text>;
  return (
    <div role="list" aria-label={t('nav.savedCriteria')}>
      {saved.map((c) => (
        <div role="listitem" key={c.id} className={s.item} data-testid={`saved-${c.code}`}>
          <div className={s.head}>
            <Text weight="semibold" className={s.grow}>
              {c.code} {c.description ? `· ${c.description}` : ''} ·{' '}
              {t('saved.actions', { n: formatNumber(c.actions.length) })}
            </Text>
            <Button
              appearance="subtle"
              size="small"
              icon={<DeleteRegular />}
              aria-label={`${t('common.delete')} ${c.code}`}
              onClick={() => void remove(c.code)}
            />
          </div>
          <ol className={s.actions}>
            {c.actions.map((a, i) => (
              <li key={i}>
                <Text size={200}>
                  {optionCaption(t, a.kind)}: {criteriaSummary(t, a)}
                </Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
