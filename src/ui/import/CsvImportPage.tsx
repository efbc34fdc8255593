// Outside Office: contacts from a CSV file (RFC 4180, UTF-8 with or without BOM, `,` or `;` detected),
// the header row mapped to contact fields by the same mapping as the Excel import; the user reviews the
// columns, then the rows are prepared in chunks (progress, Cancel) as the Excel import does, the valid
// ones written in one transaction, and may go onto a segment. Problems are reported in the user's language.
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { suggestMapping, type ColumnMapping } from '../../domain/columnMapping';
import { importContacts, type ContactImportResult } from '../../domain/contactImport';
import { decodeCsvBytes, parseCsv, type CsvData } from '../../domain/csv';
import { gridFromCsv, prepareRowsInSteps } from '../../domain/sheetImport';
import { fieldCaption } from '../common/errorText';
import { problemText } from './importText';
import { useLongTask } from '../common/useLongTask';
import { useSegments } from '../segments/useSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';
import { ProgressPanel } from '../shell/ProgressPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '10em', overflowY: 'auto' },
});
const MAX_PROBLEMS = 50;

export function CsvImportPage({ navigate }: { navigate: Navigate }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const segments = useSegments();
  const notify = useNotify();
  const task = useLongTask();
  const [file, setFile] = useState<{ name: string; csv: CsvData; mapping: ColumnMapping }>();
  const [segmentNo, setSegmentNo] = useState('');
  const [result, setResult] = useState<ContactImportResult>();

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setResult(undefined);
    try {
      const csv = parseCsv(decodeCsvBytes(new Uint8Array(await f.arrayBuffer())));
      setFile({ name: f.name, csv, mapping: suggestMapping(csv.header) });
    } catch (e) {
      setFile(undefined);
      notify.error(e);
    }
  };

  const run = async () => {
    if (!file) return;
    try {
      const r = await task.run(async (c) => {
        const label = t('csv.title');
        const total = file.csv.rows.length;
        await c.step(label, 0, total);
        const prepared = await prepareRowsInSteps(gridFromCsv(file.csv), file.mapping, { file: file.name }, (done, all) => c.step(label, done, all));
        await c.step(label, total, total);
        const imported = await importContacts(workspace, prepared);
        c.check();
        if (segmentNo && imported.contactNos.length) await workspace.segments.addContactList(segmentNo, imported.contactNos, { source: file.name });
        return imported;
      });
      if (!r) {
        notify.info(t('progress.canceled'));
        return;
      }
      setResult(r);
      notify.success(t('csv.done', { inserted: formatNumber(r.inserted), updated: formatNumber(r.updated), rejected: formatNumber(r.rejectedRows.length) }));
      if (segmentNo && r.problems.every((p) => p.severity !== 'error')) navigate({ page: 'segment', no: segmentNo });
    } catch (e) {
      notify.error(e);
    }
  };

  const target = (c: ColumnMapping['columns'][number]) =>
    c.target.kind === 'field' ? fieldCaption(t, c.target.field) : c.target.kind === 'extra' ? t('csv.unmatched') : '—';
  const chosenSegment = segments?.find((h) => h.no === segmentNo);
  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold">
        {t('csv.title')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('csv.hint')}
      </Text>
      <Field label={t('csv.choose')}>
        <input type="file" accept=".csv,text/csv" aria-label={t('csv.choose')} data-testid="csv-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </Field>
      {file ? (
        <>
          <Text data-testid="csv-rows">{t('csv.rows', { n: formatNumber(file.csv.rows.length) })}</Text>
          <Table size="extra-small" aria-label={t('csv.mapping')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('csv.mapping')}</TableHeaderCell>
                <TableHeaderCell>{t('criteria.filterField')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {file.mapping.columns.map((c) => (
                <TableRow key={c.index}>
                  <TableCell>{c.header}</TableCell>
                  <TableCell>{target(c)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Field label={t('csv.toSegment')}>
            <Dropdown value={chosenSegment ? `${chosenSegment.no} ${chosenSegment.description}` : t('csv.noSegment')} selectedOptions={[segmentNo]} onOptionSelect={(_, d) => setSegmentNo(d.optionValue ?? '')}>
              <Option value="" text={t('csv.noSegment')}>
                {t('csv.noSegment')}
              </Option>
              {(segments ?? []).map((h) => (
                <Option key={h.no} value={h.no} text={`${h.no} ${h.description}`}>
                  {`${h.no} ${h.description}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {task.progress ? (
            <ProgressPanel progress={task.progress} onCancel={task.cancel} />
          ) : (
            <Button appearance="primary" onClick={() => void run()} data-testid="csv-import">
              {t('csv.import', { n: formatNumber(file.csv.rows.length) })}
            </Button>
          )}
        </>
      ) : null}
      {result && result.problems.length ? (
        <MessageBar intent={result.rejectedRows.length ? 'warning' : 'info'}>
          <MessageBarBody>
            <ul className={s.problems}>
              {result.problems.slice(0, MAX_PROBLEMS).map((p, i) => (
                <li key={i}>{problemText(t, p)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
