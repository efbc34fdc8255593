// Fill from the sheet: choose the selection, a table or the active sheet; review the column mapping;
// import (valid rows in one transaction, a report of every rejected row by its sheet row); then put the
// contacts on the open segment as one undoable action, and write generated numbers back into the sheet.
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { nameMappingIssue } from '../../domain/columnMapping';
import type { ExcelPort, SheetSourceRequest, TableInfo } from '../../domain/ports/excelPort';
import type { Workspace } from '../../domain/workspace';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { ImportProgress } from './ImportProgress';
import { excelErrorText } from './importText';
import { ImportReportView } from './ImportReportView';
import { MappingReview } from './MappingReview';
import { ImportDecisions } from './ImportDecisions';
import { useExcelImport, type MappingStore } from './useExcelImport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

type SourceKind = SheetSourceRequest['kind'];

export interface ExcelImportPageProps {
  workspace: Workspace;
  excel: ExcelPort | undefined;
  segmentNo?: string;
  mappings?: MappingStore;
}

export function ExcelImportPage({ workspace, excel, segmentNo, mappings }: ExcelImportPageProps) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const flow = useExcelImport(workspace, excel, mappings);
  const [kind, setKind] = useState<SourceKind>('selection');
  const [tables, setTables] = useState<TableInfo[]>();
  const [table, setTable] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    excel
      ?.listTables()
      .then((list) => live && setTables(list))
      .catch(() => live && setTables([]));
    return () => {
      live = false;
    };
  }, [excel]);

  if (!excel) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('excel.unavailable')}</MessageBarBody>
      </MessageBar>
    );
  }

  const attempt = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      setError(excelErrorText(t, e));
    }
  };
  const source: SheetSourceRequest = kind === 'table' ? { kind, table } : { kind };
  const { read, mapping, result, task } = flow;

  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold">
        {t('excel.import.title')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('excel.import.hint')}
      </Text>
      <Field label={t('excel.source')}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as SourceKind)}>
          <Radio value="selection" label={t('excel.source.selection')} />
          <Radio value="table" label={t('excel.source.table')} disabled={tables !== undefined && tables.length === 0} />
          <Radio value="usedRange" label={t('excel.source.usedRange')} />
        </RadioGroup>
      </Field>
      {kind === 'table' ? (
        <Field
          label={t('excel.source.chooseTable')}
          hint={tables?.length === 0 ? t('excel.source.noTables') : undefined}
        >
          <Dropdown value={table} selectedOptions={[table]} onOptionSelect={(_, d) => setTable(d.optionValue ?? '')}>
            {(tables ?? []).map((x) => (
              <Option key={x.name} value={x.name} text={x.name}>
                {`${x.name} (${x.sheet})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      {task.progress ? (
        <ImportProgress
          progress={task.progress}
          writing={flow.decisions.writing}
          onCancel={() => {
            // Once the write has begun it commits as a whole: no cancel then.
            if (!flow.decisions.isWriting()) task.cancel();
          }}
        />
      ) : (
        <Button disabled={kind === 'table' && !table} onClick={() => void attempt(() => flow.readCells(source))}>
          {t('excel.read')}
        </Button>
      )}
      {error ? (
        <MessageBar intent="error" data-testid="excel-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {read && mapping && !result && flow.decisions.pending ? (
        <ImportDecisions
          review={flow.decisions.pending.review}
          choices={flow.decisions.choices}
          busy={flow.busy}
          onChange={flow.decisions.setChoices}
          onConfirm={() => void attempt(() => flow.confirmImport())}
          onCancel={flow.decisions.reset}
        />
      ) : null}
      {read && mapping && !result && !flow.decisions.pending ? (
        <>
          <Text data-testid="excel-read-summary">
            {t('excel.read.summary', {
              rows: formatNumber(read.rowNumbers.length),
              address: read.ref.address,
            })}
          </Text>
          <MappingReview mapping={mapping} firstColumn={read.firstColumn} onChange={flow.setMapping} />
          {task.progress ? null : (
            <Button
              appearance="primary"
              // No column can name a new contact nor find an existing one: no row could go in (MappingReview says why).
              disabled={nameMappingIssue(mapping) === 'noNameNoKey'}
              onClick={() => void attempt(() => flow.runImport())}
            >
              {t('excel.import', { n: formatNumber(read.rowNumbers.length) })}
            </Button>
          )}
        </>
      ) : null}
      {result ? (
        <ImportReportView
          result={result}
          segmentNo={segmentNo}
          added={flow.added}
          busy={flow.busy}
          wroteColumn={flow.wroteColumn}
          onAddToSegment={
            segmentNo
              ? () =>
                  void attempt(async () => {
                    const step = await flow.addToSegment(segmentNo);
                    if (step)
                      notify.success(t('excel.addedToSegment', { n: formatNumber(step.added.length), no: segmentNo }));
                  })
              : undefined
          }
          onWriteNos={() => void attempt(() => flow.writeNos())}
          onExportReport={() =>
            void attempt(async () => {
              const r = await flow.exportReport();
              if (r)
                notify.success(
                  t('excel.exported', { n: formatNumber(result.problems.length), sheet: r.sheet, table: r.table }),
                );
            })
          }
        />
      ) : null}
    </div>
  );
}
