// Outside Office: contacts from a CSV file (RFC 4180, UTF-8 with or without BOM, `,`, `;` or tab detected),
// the header row mapped to contact fields by the same mapping as the Excel import; numbers and dates of the
// imported (extra) columns are read in the workspace locale of Setup, as Excel would; the user reviews the
// columns, then the rows are prepared in chunks (progress, Cancel) as the Excel import does, the valid
// ones written in one transaction (which cannot be canceled once it has begun), and may go onto a
// segment. Problems are reported in the user's language.
// Every column can be re-pointed (MappingReview, remembered per file name); the choices the rows need
// (unknown codes, missing companies, existing contacts) are asked before writing (ImportDecisions).
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ArrowUploadRegular } from '@fluentui/react-icons/svg/arrow-upload';
import {
  mappingKey,
  nameMappingIssue,
  restoreMapping,
  toSavedMapping,
  type ColumnMapping,
} from '../../domain/columnMapping';
import type { ContactImportResult } from '../../domain/contactImport';
import { decodeCsvBytes, parseCsv, type CsvData } from '../../domain/csv';
import { gridFromCsv, prepareRowsInSteps } from '../../domain/sheetImport';
import { MappingReview } from './MappingReview';
import { ImportDecisions } from './ImportDecisions';
import { ImportReportView, resultIntent } from './ImportReportView';
import { checkedThenWritten, useImportDecisions } from './useImportDecisions';
import { ImportProgress } from './ImportProgress';
import { useLongTask, type TaskControl } from '../common/useLongTask';
import { useSegments } from '../segments/useSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useServices } from '../common/services';
import { UserMessage, errorText } from '../common/errorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  // The browser's own file button speaks the browser's language: a button of the pane's opens it instead.
  file: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  pick: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileName: { overflowWrap: 'anywhere' },
});

export function CsvImportPage({ navigate }: { navigate: Navigate }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { workspace, preferences } = useServices();
  const decisions = useImportDecisions(workspace);
  const segments = useSegments();
  const notify = useNotify();
  const task = useLongTask();
  const [file, setFile] = useState<{ name: string; csv: CsvData; mapping: ColumnMapping }>();
  const [segmentNo, setSegmentNo] = useState('');
  const [result, setResult] = useState<ContactImportResult>();
  // A file that cannot be read: its name and why, kept on the page until another file is chosen.
  const [unread, setUnread] = useState<{ name: string; error: string }>();

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setResult(undefined);
    setUnread(undefined);
    decisions.reset();
    try {
      const csv = parseCsv(decodeCsvBytes(new Uint8Array(await f.arrayBuffer())));
      const saved = preferences.get<unknown>(`mapping:${mappingKey({ file: f.name })}`);
      setFile({ name: f.name, csv, mapping: restoreMapping(csv.header, saved) });
    } catch (e) {
      setFile(undefined);
      setUnread({ name: f.name, error: errorText(t, e) });
    }
  };

  const finish = async (r: ContactImportResult) => {
    if (!file) return;
    preferences.set(`mapping:${mappingKey({ file: file.name })}`, toSavedMapping(file.mapping));
    // What was written is reported first: a segment that cannot take the contacts does not hide it.
    setResult(r);
    const done = t('csv.done', {
      inserted: formatNumber(r.inserted),
      updated: formatNumber(r.updated),
      rejected: formatNumber(r.rejectedRows.length),
    });
    // Rows refused are no success: a note without the green check, and one that stays when nothing went in.
    const intent = resultIntent(r);
    if (intent === 'error') notify.error(new UserMessage(done));
    else if (intent === 'warning') notify.info(done);
    else notify.success(done);
    if (segmentNo && r.contactNos.length)
      await workspace.segments.addContactList(segmentNo, r.contactNos, { source: file.name });
    if (segmentNo && r.problems.every((p) => p.severity !== 'error')) navigate({ page: 'segment', no: segmentNo });
  };

  /**
   * Runs the import as a task: Cancel is honoured until the write begins (then nothing is written); once
   * it has begun the write commits as a whole, so it is not offered any more, and what was written is
   * reported (and goes onto the segment).
   */
  const runTask = async (work: (c: TaskControl, label: string) => Promise<ContactImportResult | undefined>) => {
    try {
      const label = t('csv.title');
      const r = await task.run(async (c) => ({ imported: await work(c, label) }));
      if (!r) {
        notify.info(t('progress.canceled'));
        return;
      }
      if (r.imported) await finish(r.imported);
    } catch (e) {
      notify.error(e);
    }
  };
  const progressOf = (c: TaskControl, label: string) => checkedThenWritten(c, label, decisions.isWriting);

  const confirm = () => runTask((c, label) => decisions.confirm(progressOf(c, label)));

  const run = async () => {
    if (!file) return;
    await runTask(async (c, label) => {
      const total = file.csv.rows.length;
      await c.step(label, 0, total);
      // Numbers and dates read as the filters read them: in the workspace locale of Setup.
      const { locale } = await workspace.setup.get();
      const prepared = await prepareRowsInSteps(
        gridFromCsv(file.csv, { locale }),
        file.mapping,
        { file: file.name },
        (done, all) => c.step(label, done, all),
      );
      await c.step(label, total, total);
      return decisions.offer(prepared, progressOf(c, label));
    });
  };

  // Once the write has begun it commits as a whole: a click that reaches Cancel before the page shows it is no cancel.
  const cancel = () => {
    if (!decisions.isWriting()) task.cancel();
  };

  const chosenSegment = segments?.find((h) => h.no === segmentNo);
  // A file with its header line and no data: nothing to import, and no button that offers to.
  const noData = file !== undefined && !file.csv.rows.some((r) => r.cells.some((c) => c.trim() !== ''));
  // No column can name a new contact nor find an existing one: no row could be imported (MappingReview says why).
  const nameless = file !== undefined && nameMappingIssue(file.mapping) === 'noNameNoKey';
  const fileName = file?.name ?? unread?.name;
  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold">
        {t('csv.title')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('csv.hint')}
      </Text>
      <Field label={t('csv.choose')}>
        <div className={s.pick}>
          <input
            ref={input}
            className={s.file}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-label={t('csv.choose')}
            tabIndex={-1}
            data-testid="csv-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              // Emptied once read, so that choosing the same file again (corrected, under the same name) reads it again.
              e.target.value = '';
              void choose(chosen);
            }}
          />
          <Button
            icon={<ArrowUploadRegular />}
            disabled={task.progress !== undefined}
            onClick={() => input.current?.click()}
            data-testid="csv-pick"
          >
            {t('csv.pick')}
          </Button>
          {fileName !== undefined ? (
            <Text size={200} className={s.fileName} data-testid="csv-file-name">
              {fileName}
            </Text>
          ) : null}
        </div>
      </Field>
      {unread ? (
        <MessageBar intent="error" layout="multiline" data-testid="csv-error">
          <MessageBarBody>{unread.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {file ? (
        <>
          <Text data-testid="csv-rows">{t('csv.rows', { n: formatNumber(file.csv.rows.length) })}</Text>
          {decisions.pending || result ? null : (
            <MappingReview
              mapping={file.mapping}
              firstColumn={0}
              fileName={file.name}
              onChange={(mapping) => setFile({ ...file, mapping })}
            />
          )}
          <Field label={t('csv.toSegment')}>
            <Dropdown
              value={chosenSegment ? `${chosenSegment.no} ${chosenSegment.description}` : t('csv.noSegment')}
              selectedOptions={[segmentNo]}
              onOptionSelect={(_, d) => setSegmentNo(d.optionValue ?? '')}
            >
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
            <ImportProgress progress={task.progress} writing={decisions.writing} onCancel={cancel} />
          ) : decisions.pending ? (
            <ImportDecisions
              review={decisions.pending.review}
              choices={decisions.choices}
              onChange={decisions.setChoices}
              onConfirm={() => void confirm()}
              onCancel={decisions.reset}
            />
          ) : result ? null : noData ? (
            <MessageBar intent="warning" data-testid="csv-header-only">
              <MessageBarBody>{t('excel.error.csvHeaderOnly')}</MessageBarBody>
            </MessageBar>
          ) : (
            <Button appearance="primary" disabled={nameless} onClick={() => void run()} data-testid="csv-import">
              {t('csv.import', { n: formatNumber(file.csv.rows.length) })}
            </Button>
          )}
        </>
      ) : null}
      {result ? <ImportReportView result={result} added={false} busy={false} /> : null}
    </div>
  );
}
