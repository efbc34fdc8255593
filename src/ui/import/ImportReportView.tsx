// What an import did, by sheet row: counts, every problem (errors first, then warnings, then notes, each
// in row order, as the import orders them), and the two follow-ups: put the contacts on the open segment,
// write generated numbers into the sheet. Each problem is marked by its severity with an icon that says it
// in words (not by colour alone). The problems can be narrowed to one severity: a few errors are not lost
// among a thousand notes of contacts linked to companies.
import { useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleFilled } from '@fluentui/react-icons/svg/error-circle';
import { WarningFilled } from '@fluentui/react-icons/svg/warning';
import { InfoRegular } from '@fluentui/react-icons/svg/info';
import type { ImportProblem } from '../../domain/importProblems';
import type { ContactImportResult } from '../../domain/contactImport';
import { useI18n } from '../common/i18n';
import { problemText } from './importText';

type Severity = ImportProblem['severity'];
const severities: Severity[] = ['error', 'warning', 'info'];
/** Problems shown per page; the user pages through all of them. */
const PAGE = 50;
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: 'none', overflowWrap: 'anywhere' },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  mark: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const MARKS = { error: ErrorCircleFilled, warning: WarningFilled, info: InfoRegular } as const;

/** A problem's severity as an icon of its own shape, named in words for a screen reader. */
function SeverityMark({ severity, label }: { severity: Severity; label: string }) {
  const s = useStyles();
  const Mark = MARKS[severity];
  return <Mark aria-label={label} className={mergeClasses(s.mark, s[severity])} />;
}

/** How an import ended: an error when rows were refused and none went in, a warning when some were refused. */
export function resultIntent(r: ContactImportResult): 'error' | 'warning' | 'success' {
  if (r.rejectedRows.length === 0) return 'success';
  return r.inserted + r.updated === 0 ? 'error' : 'warning';
}

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
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const counts = severities.map((k) => [k, result.problems.filter((p) => p.severity === k).length] as const);
  const problems = severity === 'all' ? result.problems : result.problems.filter((p) => p.severity === severity);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(problems.length / PAGE));
  const from = page * PAGE;
  const shown = problems.slice(from, from + PAGE);
  const intent = resultIntent(result);
  return (
    <div className={s.root} data-testid="excel-import-report">
      <MessageBar intent={intent} data-intent={intent} data-testid="import-result">
        <MessageBarBody>
          {t('excel.result', {
            inserted: formatNumber(result.inserted),
            updated: formatNumber(result.updated),
            warned: formatNumber(result.warned),
            rejected: formatNumber(result.rejectedRows.length),
          })}
          {result.generated.length
            ? ` ${t('excel.result.generated', { n: formatNumber(result.generated.length) })}`
            : ''}
        </MessageBarBody>
      </MessageBar>
      {result.problems.length ? (
        <>
          <Text weight="semibold">{t('excel.problems')}</Text>
          {counts.filter(([, n]) => n > 0).length > 1 ? (
            <Field label={t('excel.problems.show')}>
              <Select
                data-testid="excel-problems-severity"
                value={severity}
                onChange={(_e, d) => {
                  setSeverity(d.value as Severity | 'all');
                  setPage(0);
                }}
              >
                <option value="all">{t('excel.problems.all', { n: formatNumber(result.problems.length) })}</option>
                {counts.map(([k, n]) =>
                  n > 0 ? (
                    <option key={k} value={k}>
                      {t(`excel.problems.${k}`, { n: formatNumber(n) })}
                    </option>
                  ) : null,
                )}
              </Select>
            </Field>
          ) : null}
          <ul className={s.list} data-testid="excel-problems">
            {shown.map((p, i) => (
              <li key={from + i} data-severity={p.severity} className={s.item}>
                <SeverityMark severity={p.severity} label={t(`excel.severity.${p.severity}`)} />
                <span>{problemText(t, p)}</span>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav className={s.pager} aria-label={t('excel.problems')}>
              <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('excel.problems.previous')}
              </Button>
              <Text data-testid="excel-problems-page">
                {t('excel.problems.page', {
                  from: formatNumber(from + 1),
                  to: formatNumber(from + shown.length),
                  total: formatNumber(problems.length),
                })}
              </Text>
              <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
                {t('excel.problems.next')}
              </Button>
            </nav>
          ) : null}
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
