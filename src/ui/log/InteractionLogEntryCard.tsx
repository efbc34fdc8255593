// BC's Interaction Log Entry card over the list: every field of the entry, read-only, in BC's captions, and
// the actions of the entry's row menu (Canceled, Evaluation, Show Attachments), for whoever may change the
// entry. Live: an action taken here, or by a colleague, shows at once. Close or Escape closes it.
import { Button, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useCardFieldStyles } from '../common/cardFieldStyles';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { SimpleDialog } from '../common/SimpleDialog';
import { useLiveQuery } from '../common/useLiveQuery';
import { useRole } from '../common/useRole';
import { entryCardGroups } from './entryCardFields';
import { EvaluationMenu } from './EvaluationMenu';
import type { EntryActions } from './useEntryActions';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  h: { margin: 0, fontSize: tokens.fontSizeBase400 },
  // A comment keeps its line breaks.
  lines: { whiteSpace: 'pre-line' },
});

export function InteractionLogEntryCard({
  entryNo,
  actions,
  onClose,
}: {
  entryNo: number;
  actions: EntryActions;
  onClose(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const f = useCardFieldStyles();
  const id = useId();
  const workspace = useWorkspace();
  const rights = useRole();
  const data = useLiveQuery(async () => {
    const entry = await workspace.interactionLog.get(entryNo);
    const contact = entry ? await workspace.contacts.get(entry.contactNo) : undefined;
    return { entry, contactName: contact?.name ?? '' };
  }, [workspace, entryNo]);
  const e = data?.entry;

  let content;
  if (data === undefined) content = <Spinner size="small" label={t('common.loading')} />;
  // Deleted meanwhile (Delete Canceled Entries, here or in another pane).
  else if (!e) content = <Text role="alert">{t('entryCard.notFound', { entryNo })}</Text>;
  else
    content = (
      <article className={s.card} data-testid="entry-card" aria-label={t('entryCard.title', { entryNo })}>
        <div className={s.actions} role="group" aria-label={t('common.actions')}>
          {rights.changeRow(e) ? (
            <Button size="small" onClick={() => void actions.setCanceled(e, !e.canceled)}>
              {e.canceled ? t('entries.uncancel') : t('entries.cancel')}
            </Button>
          ) : null}
          {rights.changeRow(e) ? (
            <EvaluationMenu
              entry={e}
              trigger={<Button size="small">{t('field.evaluation')}</Button>}
              onPick={(v) => void actions.setEvaluation(e, v)}
            />
          ) : null}
          <Button size="small" onClick={() => void actions.showLetter(e)}>
            {t('entries.showLetter')}
          </Button>
        </div>
        {entryCardGroups(e, data.contactName, i18n).map((g) => (
          <section key={g.heading} aria-labelledby={`${id}-${g.heading}`}>
            <h3 id={`${id}-${g.heading}`} className={s.h}>
              {t(g.heading)}
            </h3>
            <dl className={f.fields}>
              {g.fields.map(([caption, value]) => (
                <div key={caption} style={{ display: 'contents' }}>
                  <dt className={f.dt}>{caption}</dt>
                  <dd className={mergeClasses(f.dd, s.lines)}>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </article>
    );
  return (
    <SimpleDialog title={t('entryCard.title', { entryNo })} onClose={onClose}>
      {content}
    </SimpleDialog>
  );
}
