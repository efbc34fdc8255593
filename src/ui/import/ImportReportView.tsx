// What an import did, by sheet row: counts, every problem (errors first in row order), and the two
// follow-ups: put the contacts on the open segment, write generated numbers into the sheet.
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactImportResult } from '../../domain/contactImport';
import { useI18n } from '../common/i18n';
import { problemText } from './importText';

const MAX_SHOWN = 200;
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '16em', overflowY: 'auto' },
});

export function ImportReportView(props: {
  result: ContactImportResult;
  segmentNo?: string;
  added: boolean;
  busy: boolean;
  onAddToSegment?: () => void;
  onWriteNos?: () => void;
  onExportReport?: () => void;
  wroteColumn?: string;
}) {
  const { result, segmentNo, added, busy, onAddToSegment, onWriteNos, onExportReport, wroteColumn } = props;
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const problems = result.problems;
  const intent = result.rejectedRows.length ? 'warning' : 'success';
  return (
    <div className={s.root} data-testid="excel-import-report">
      <MessageBar intent={intent}>
        <MessageBarBody>
          {t('excel.result', { inserted: formatNumber(result.inserted), updated: formatNumber(result.updated), rejected: formatNumber(result.rejectedRows.length) })}
          {result.generated.length ? ` ${t('excel.result.generated', { n: formatNumber(result.generated.length) })}` : ''}
        </MessageBarBody>
      </MessageBar>
      {problems.length ? (
        <>
          <Text weight="semibold">{t('excel.problems')}</Text>
          <ul className={s.list} data-testid="excel-problems">
            {problems.slice(0, MAX_SHOWN).map((p, i) => (
              <li key={i} data-severity={p.severity}>
                {problemText(t, p)}
              </li>
            ))}
            {problems.length > MAX_SHOWN ? <li>{t('excel.problems.more', { n: formatNumber(problems.length - MAX_SHOWN) })}</li> : null}
          </ul>
          {onExportReport ? (
            <Button size="small" disabled={busy} onClick={onExportReport}>
              {t('excel.report.toSheet')}
            </Button>
          ) : null}
        </>
      ) : null}
      {segmentNo && onAddToSegment && result.contactNos.length && !added ? (
        <Button appearance="primary" disabled={busy} onClick={onAddToSegment}>
          {t('excel.addToSegment', { n: formatNumber(result.contactNos.length), no: segmentNo })}
        </Button>
      ) : null}
      {onWriteNos && result.generated.length && !wroteColumn ? (
        <Button disabled={busy} onClick={onWriteNos}>
          {t('excel.writeNos', { n: formatNumber(result.generated.length) })}
        </Button>
      ) : null}
      {wroteColumn ? <Text>{t('excel.wroteNos', { column: wroteColumn })}</Text> : null}
    </div>
  );
}
