// Interaction Log Entries (BC page 5076): entry no. and date, contact no. and name, description, template,
// evaluation and user ID, with one ⋯ menu per entry (Open, Canceled set to what the user chose, Evaluation,
// the stored letter, the contact's card); filters, Delete Canceled Entries (secondary, confirmed, saying how
// many), and in Excel the entries as they are filtered to a new sheet. An entry opens (a click or Enter on
// its row, or Open) BC's Interaction Log Entry card with every field the narrow list has no room for; closing
// it gives the focus back to the entry's row.
import { Button, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { InteractionLogEntry } from '../../domain/log';
import type { WordPort } from '../../domain/ports/wordPort';
import type { InteractionLogFilter } from '../../domain/workspace';
import { isSegmentsError } from '../../domain/errors';
import { errorText, optionCaption } from '../common/errorText';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { ListPage, type ListColumn } from '../common/ListPage';
import { useInteractionLog } from './useInteractionLog';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { useRowHistory } from './rowActions';
import type { Navigate } from '../shell/pageRegistry';
import { DeleteCanceledAction } from './DeleteCanceledAction';
import { EntryRowMenu } from './EntryRowMenu';
import { InteractionLogEntryCard } from './InteractionLogEntryCard';
import { InteractionLogFilters } from './InteractionLogFilters';
import { useEntryActions } from './useEntryActions';

const useStyles = makeStyles({
  canceled: { textDecoration: 'line-through', color: tokens.colorNeutralForeground3 },
  mark: { color: tokens.colorPaletteRedForeground1 },
});
const MAX_SHOWN = 500;
/** The test id of an entry's row, by which the page finds the row again to give it the focus back. */
const rowTestId = (entryNo: number) => `entry-${entryNo}`;

/** `excel` in Excel, `word` in Word: the host adapters (undefined elsewhere). */
export function InteractionLogPage({
  initialFilter,
  excel,
  word,
  navigate,
}: {
  initialFilter?: InteractionLogFilter;
  excel?: ExcelPort;
  word?: WordPort;
  navigate?: Navigate;
}) {
  const { t, formatDate } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const history = useRowHistory();
  const actions = useEntryActions(word);
  const [filter, setFilter] = useState<InteractionLogFilter>(initialFilter ?? {});
  const result = useInteractionLog(filter, MAX_SHOWN);
  const names = result?.names;
  const struck = (e: InteractionLogEntry) => (e.canceled ? s.canceled : undefined);
  /** The filter field whose expression cannot be read (Contact No., Segment No., Date). */
  const error = result?.error;
  const errorField = isSegmentsError(error, 'INVALID_FILTER') ? error.details.field : undefined;

  // The entry whose card is open, and the row that gets the focus back once it closes (opened from the
  // row's menu, the focus would otherwise go back to the menu's button).
  const [opened, setOpened] = useState<number>();
  const returnTo = useRef<number>(undefined);
  const page = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened !== undefined || returnTo.current === undefined) return;
    page.current?.querySelector<HTMLElement>(`[data-testid="${rowTestId(returnTo.current)}"]`)?.focus();
    returnTo.current = undefined;
  }, [opened]);

  // BC's columns, Entry No. first; at 320 px each carries a second field beneath (the date under the entry,
  // the name under the contact, the template, evaluation and user under the description), and the card
  // shows the rest.
  const columns: ListColumn<InteractionLogEntry>[] = [
    {
      id: 'entryNo',
      caption: 'field.entryNo',
      width: '4.2em',
      value: (e) => e.entryNo,
      sub: { caption: 'field.date', value: (e) => formatDate(e.date) },
    },
    {
      id: 'contact',
      caption: 'field.contactNo',
      width: '4.5em',
      sub: { caption: 'field.contactName', value: (e) => names?.get(e.contactNo) ?? '' },
      title: (e) => `${e.contactNo} ${names?.get(e.contactNo) ?? ''}`.trim(),
      value: (e) =>
        navigate ? (
          <Button
            appearance="transparent"
            size="small"
            style={{ padding: 0, minWidth: 0 }}
            aria-label={t('entries.openContact', { no: e.contactNo })}
            onClick={() => navigate({ page: 'contact', no: e.contactNo })}
          >
            {e.contactNo}
          </Button>
        ) : (
          e.contactNo
        ),
    },
    {
      id: 'description',
      caption: 'field.description',
      maxLines: 2,
      title: (e) => e.description,
      sub: {
        caption: ['field.interactionTemplateCode', 'field.evaluation', 'field.userId'],
        value: (e) =>
          [e.interactionTemplateCode, e.evaluation ? optionCaption(t, e.evaluation) : '', e.userId]
            .filter(Boolean)
            .join(' · '),
      },
      value: (e) => (
        <span className={struck(e)}>
          {e.description}
          {e.canceled ? <span className={s.mark}> ({t('field.canceled')})</span> : null}
        </span>
      ),
    },
    {
      id: 'actions',
      caption: 'common.actions',
      hiddenCaption: true,
      width: '2.4em',
      value: (e) => (
        <EntryRowMenu
          entry={e}
          actions={actions}
          onOpen={() => setOpened(e.entryNo)}
          navigate={navigate}
          historyItem={history.item({ table: 'interactionLog', id: e.id, no: e.entryNo })}
        />
      ),
    },
  ];

  return (
    <div ref={page}>
      <ListPage
        label={t('nav.interactionLog')}
        rows={result === undefined ? undefined : (result.entries ?? [])}
        columns={columns}
        rowKey={(e) => e.id}
        rowTestId={(e) => rowTestId(e.entryNo)}
        onRowClick={(e) => setOpened(e.entryNo)}
        rowLabel={(e) => t('entryCard.rowLabel', { entryNo: e.entryNo, description: e.description })}
        total={result?.total}
        // A filter that cannot be read is said in place of the rows, never as "nothing matches".
        error={error ? errorText(t, error) : undefined}
        showCount
        before={<InteractionLogFilters filter={filter} onChange={setFilter} errorField={errorField} />}
        empty={{ text: t('entries.empty') }}
        toolbar={
          <Toolbar>
            <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'interactionLog', filter }} />
            <DeleteCanceledAction
              keys={{
                label: 'entries.deleteCanceled',
                confirm: 'entries.deleteCanceledCount',
                none: 'entries.noneCanceled',
                done: 'entries.deleted',
              }}
              count={() => workspace.interactionLog.count({ canceled: true })}
              run={() => workspace.interactionLog.deleteCanceled()}
            />
            {history.dialog}
          </Toolbar>
        }
      />
      {opened !== undefined ? (
        <InteractionLogEntryCard
          entryNo={opened}
          actions={actions}
          onClose={() => {
            returnTo.current = opened;
            setOpened(undefined);
          }}
        />
      ) : null}
    </div>
  );
}
