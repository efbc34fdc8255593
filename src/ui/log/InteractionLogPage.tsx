// Interaction Log Entries (BC page 5076): entry no. and date, contact no. and name, description, template,
// evaluation and user ID, with one ⋯ menu per entry (Canceled set to what the user chose, Evaluation, the
// stored letter: a new Word document in Word, a .docx download elsewhere, the contact's card); filters,
// Delete Canceled Entries (secondary, confirmed), and in Excel the entries as they are filtered to a new sheet. Contact No.,
// Segment No. and Date take BC filter expressions; one that cannot be read is an error at its position.
import {
  Button,
  Dropdown,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Evaluation } from '../../domain/enums';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { InteractionLogEntry } from '../../domain/log';
import type { WordPort } from '../../domain/ports/wordPort';
import type { InteractionLogFilter } from '../../domain/workspace';
import { isSegmentsError } from '../../domain/errors';
import { errorText, optionCaption } from '../common/errorText';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { CodeLookup } from '../common/CodeLookup';
import { ListPage, type ListColumn } from '../common/ListPage';
import { useInteractionLog } from './useInteractionLog';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { DeleteCanceledButton, RowMenu, useRowHistory } from './rowActions';
import { useRole } from '../common/useRole';
import type { Navigate } from '../shell/pageRegistry';
import { showLetter } from '../mailMerge/showLetter';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8.5em, 1fr))',
    '& > *, & .fui-Input, & .fui-Dropdown, & .fui-Combobox': { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  input: { minWidth: 0, width: '100%' },
  canceled: { textDecoration: 'line-through', color: tokens.colorNeutralForeground3 },
  mark: { color: tokens.colorPaletteRedForeground1 },
});
const evaluations: Evaluation[] = ['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'];
const MAX_SHOWN = 500;
/** The filters that are codes of a list (the contact and the segment are numbers, not codes of a list). */
const lookups = { interactionTemplateCode: 'interactionTemplates', salespersonCode: 'salespeople' } as const;

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
  const notify = useNotify();
  const rights = useRole();
  const history = useRowHistory();
  const [filter, setFilter] = useState<InteractionLogFilter>(initialFilter ?? {});
  const result = useInteractionLog(filter, MAX_SHOWN);
  const setText = (
    k: 'contactNo' | 'segmentNo' | 'interactionTemplateCode' | 'salespersonCode' | 'date',
    v: string,
  ) => {
    const next = { ...filter };
    if (v.trim() === '') delete next[k];
    else next[k] = v.trim();
    setFilter(next);
  };
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      notify.error(e);
    }
  };
  const openLetter = (e: InteractionLogEntry) =>
    act(async () => {
      if (!e.letter) {
        notify.info(t('entries.noLetter'));
        return;
      }
      const file = `${e.segmentNo}-${e.entryNo}`;
      const how = await showLetter(word, e.letter, file);
      notify.success(
        how === 'opened'
          ? t('entries.letterOpened', { entryNo: e.entryNo })
          : t('entries.letterDownloaded', { entryNo: e.entryNo, file: `${file}.docx` }),
      );
    });
  const canceled = filter.canceled === undefined ? 'any' : filter.canceled ? 'yes' : 'no';
  const canceledLabel = { any: t('entries.canceledAny'), yes: t('entries.canceledYes'), no: t('entries.canceledNo') };
  const names = result?.names;
  const struck = (e: InteractionLogEntry) => (e.canceled ? s.canceled : undefined);
  /** The filter field whose expression cannot be read (Contact No., Segment No., Date). */
  const error = result?.error;
  const errorField = isSegmentsError(error, 'INVALID_FILTER') ? error.details.field : undefined;

  // BC's columns, Entry No. first; at 320 px each carries a second field beneath (the date under the entry,
  // the name under the contact, the template, evaluation and user under the description).
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
        <RowMenu label={t('entries.menu', { entryNo: e.entryNo })}>
          {rights.changeRow(e) ? (
            <MenuItem onClick={() => void act(() => workspace.interactionLog.setCanceled(e.entryNo, !e.canceled))}>
              {e.canceled ? t('entries.uncancel') : t('entries.cancel')}
            </MenuItem>
          ) : null}
          <MenuItem onClick={() => void openLetter(e)}>{t('entries.showLetter')}</MenuItem>
          {navigate ? (
            <MenuItem onClick={() => navigate({ page: 'contact', no: e.contactNo })}>
              {t('entries.openContact', { no: e.contactNo })}
            </MenuItem>
          ) : null}
          {history.item({ table: 'interactionLog', id: e.id, no: e.entryNo })}
          {rights.changeRow(e) ? (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <MenuItem>{t('field.evaluation')}</MenuItem>
              </MenuTrigger>
              <MenuPopover>
                <MenuList
                  checkedValues={{ evaluation: [e.evaluation] }}
                  onCheckedValueChange={(_, d) =>
                    void act(() =>
                      workspace.interactionLog.setEvaluation(e.entryNo, (d.checkedItems[0] ?? '') as Evaluation),
                    )
                  }
                  aria-label={t('entries.evaluationOf', { entryNo: e.entryNo })}
                >
                  {evaluations.map((v) => (
                    <MenuItemRadio key={v || 'blank'} name="evaluation" value={v}>
                      {optionCaption(t, v)}
                    </MenuItemRadio>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : null}
        </RowMenu>
      ),
    },
  ];

  const filters = (
    <>
      {filter.loggedSegmentEntryNo !== undefined ? (
        <Text>{t('entries.forLogged', { entryNo: filter.loggedSegmentEntryNo })}</Text>
      ) : null}
      <div className={s.filters} role="search" aria-label={t('entries.filters')}>
        {(['contactNo', 'segmentNo', 'interactionTemplateCode', 'salespersonCode', 'date'] as const).map((k) =>
          k in lookups ? (
            // A code of a list: BC's lookup (type to filter, Enter to pick; an unknown code is refused).
            <CodeLookup
              key={k}
              label={t(`field.${k}`)}
              list={lookups[k as keyof typeof lookups]}
              value={filter[k] ?? ''}
              onCommit={(code) => setText(k, code)}
              clearable
            />
          ) : (
            <Field key={k} label={t(`field.${k}`)} size="small" validationState={errorField === k ? 'error' : 'none'}>
              <Input
                size="small"
                className={s.input}
                defaultValue={filter[k] ?? ''}
                onBlur={(e) => setText(k, e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && setText(k, e.currentTarget.value)}
              />
            </Field>
          ),
        )}
        <Field label={t('field.canceled')} size="small">
          <Dropdown
            size="small"
            className={s.input}
            value={canceledLabel[canceled]}
            selectedOptions={[canceled]}
            onOptionSelect={(_, d) =>
              setFilter({ ...filter, canceled: d.optionValue === 'any' ? undefined : d.optionValue === 'yes' })
            }
          >
            {(['any', 'yes', 'no'] as const).map((v) => (
              <Option key={v} value={v}>
                {canceledLabel[v]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </>
  );

  return (
    <ListPage
      label={t('nav.interactionLog')}
      rows={result === undefined ? undefined : (result.entries ?? [])}
      columns={columns}
      rowKey={(e) => e.id}
      rowTestId={(e) => `entry-${e.entryNo}`}
      total={result?.total}
      // A filter that cannot be read is said in place of the rows, never as "nothing matches".
      error={error ? errorText(t, error) : undefined}
      showCount
      before={filters}
      empty={{ text: t('entries.empty') }}
      toolbar={
        <Toolbar>
          <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'interactionLog', filter }} />
          <DeleteCanceledButton
            keys={{
              label: 'entries.deleteCanceled',
              confirm: 'entries.deleteCanceledConfirm',
              done: 'entries.deleted',
            }}
            run={() => workspace.interactionLog.deleteCanceled()}
          />
          {history.dialog}
        </Toolbar>
      }
    />
  );
}
