// Interaction Log Entries (BC page 5076): filters, Switch Check Mark in Canceled, Evaluation, the stored
// letter (a new Word document in Word, a .docx download elsewhere), Delete Canceled Entries, and in Excel
// the entries as they are filtered to a new sheet.
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Spinner, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Evaluation } from '../../domain/enums';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { InteractionLogEntry } from '../../domain/log';
import type { WordPort } from '../../domain/ports/wordPort';
import type { InteractionLogFilter } from '../../domain/workspace';
import { useConfirm } from '../common/confirm';
import { errorText, optionCaption } from '../common/errorText';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { useInteractionLog } from './useInteractionLog';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { showLetter } from '../mailMerge/showLetter';

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', '& > *, & .fui-Input, & .fui-Dropdown, & .fui-Combobox': { minWidth: 0 }, gap: tokens.spacingHorizontalS },
  entry: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  canceled: { textDecoration: 'line-through' },
});
const evaluations: Evaluation[] = ['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'];
const MAX_SHOWN = 500;

/** `excel` in Excel, `word` in Word: the host adapters (undefined elsewhere). */
export function InteractionLogPage({ initialFilter, excel, word }: { initialFilter?: InteractionLogFilter; excel?: ExcelPort; word?: WordPort }) {
  const { t, formatNumber, formatDate } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  const [filter, setFilter] = useState<InteractionLogFilter>(initialFilter ?? {});
  const result = useInteractionLog(filter);
  const setText = (k: 'contactNo' | 'segmentNo' | 'interactionTemplateCode' | 'salespersonCode' | 'date', v: string) => {
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
  const deleteCanceled = async () => {
    if (!(await confirm({ title: t('entries.deleteCanceled'), text: t('entries.deleteCanceledConfirm') }))) return;
    await act(async () => notify.success(t('entries.deleted', { n: formatNumber(await workspace.interactionLog.deleteCanceled()) })));
  };
  const openLetter = (e: InteractionLogEntry) =>
    act(async () => {
      if (!e.letter) {
        notify.info(t('entries.noLetter'));
        return;
      }
      const file = `${e.segmentNo}-${e.entryNo}`;
      const how = await showLetter(word, e.letter, file);
      notify.success(how === 'opened' ? t('entries.letterOpened', { entryNo: e.entryNo }) : t('entries.letterDownloaded', { entryNo: e.entryNo, file: `${file}.docx` }));
    });
  const canceled = filter.canceled === undefined ? 'any' : filter.canceled ? 'yes' : 'no';
  const canceledLabel = { any: t('entries.canceledAny'), yes: t('entries.canceledYes'), no: t('entries.canceledNo') };

  return (
    <section>
      <Toolbar>
        <Button
          icon={<DeleteRegular />}
          onClick={() => void deleteCanceled()}
        >
          {t('entries.deleteCanceled')}
        </Button>
        <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'interactionLog', filter }} />
      </Toolbar>
      {filter.loggedSegmentEntryNo !== undefined ? <Text>{t('entries.forLogged', { entryNo: filter.loggedSegmentEntryNo })}</Text> : null}
      <div className={s.filters} role="search" aria-label={t('entries.filters')}>
        {(['contactNo', 'segmentNo', 'interactionTemplateCode', 'salespersonCode', 'date'] as const).map((k) => (
          <Field key={k} label={t(`field.${k}`)} size="small">
            <Input size="small" defaultValue={filter[k] ?? ''} onBlur={(e) => setText(k, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && setText(k, e.currentTarget.value)} />
          </Field>
        ))}
        <Field label={t('field.canceled')} size="small">
          <Dropdown
            size="small"
            value={canceledLabel[canceled]}
            selectedOptions={[canceled]}
            onOptionSelect={(_, d) => setFilter({ ...filter, canceled: d.optionValue === 'any' ? undefined : d.optionValue === 'yes' })}
          >
            {(['any', 'yes', 'no'] as const).map((v) => (
              <Option key={v} value={v}>
                {canceledLabel[v]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {result === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : result.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(t, result.error)}</MessageBarBody>
        </MessageBar>
      ) : result.entries && result.entries.length === 0 ? (
        <Text>{t('entries.empty')}</Text>
      ) : (
        <div role="list" aria-label={t('nav.interactionLog')}>
          <Text size={200}>{t('common.count', { n: formatNumber(result.entries?.length ?? 0) })}</Text>
          {(result.entries ?? []).slice(0, MAX_SHOWN).map((e) => (
            <div role="listitem" key={e.id} className={s.entry} data-testid={`entry-${e.entryNo}`}>
              <Text weight="semibold" className={e.canceled ? s.canceled : undefined}>
                {e.entryNo} · {e.contactNo} · {formatDate(e.date)} {e.canceled ? `(${t('field.canceled')})` : ''}
              </Text>
              <Text size={200}>
                {e.description} · {e.interactionTemplateCode} · {optionCaption(t, e.correspondenceType)} · {e.segmentNo}
              </Text>
              <div className={s.line}>
                <Dropdown
                  size="small"
                  aria-label={`${t('field.evaluation')} ${e.entryNo}`}
                  value={optionCaption(t, e.evaluation)}
                  selectedOptions={[e.evaluation]}
                  onOptionSelect={(_, d) => void act(() => workspace.interactionLog.setEvaluation(e.entryNo, (d.optionValue ?? '') as Evaluation))}
                >
                  {evaluations.map((v) => (
                    <Option key={v || 'blank'} value={v} text={optionCaption(t, v)}>
                      {optionCaption(t, v)}
                    </Option>
                  ))}
                </Dropdown>
                <Button size="small" onClick={() => void act(() => workspace.interactionLog.toggleCanceled(e.entryNo))}>
                  {t('entries.switchCanceled')}
                </Button>
                <Button size="small" onClick={() => void openLetter(e)}>
                  {t('entries.showLetter')}
                </Button>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

