// Criteria (BC page 5143): the segment's actions in order, each with its options and filters.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CriteriaActionView } from '../../domain/criteria';
import { criteriaSummary } from './criteriaSummary';
import { optionCaption } from '../common/errorText';
import { useT } from '../common/i18n';
import { SimpleDialog } from '../common/SimpleDialog';

// The steps carry their own number (BC's action no.), so the list shows no second one ("1. 1. Add Contacts").
const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

export function CriteriaListDialog({
  segmentNo,
  criteria,
  onClose,
}: {
  segmentNo: string;
  criteria: CriteriaActionView[];
  onClose(): void;
}) {
  const t = useT();
  const s = useStyles();
  return (
    <SimpleDialog title={t('criteria.listTitle', { no: segmentNo })} onClose={onClose}>
      {criteria.length === 0 ? (
        <Text>{t('criteria.none')}</Text>
      ) : (
        <ol className={s.list} data-testid="criteria-list">
          {criteria.map((a) => (
            <li key={a.actionNo}>
              <Text weight="semibold">
                {a.actionNo}. {optionCaption(t, a.kind)}
              </Text>
              <br />
              <Text size={200}>{criteriaSummary(t, a)}</Text>
            </li>
          ))}
        </ol>
      )}
    </SimpleDialog>
  );
}
