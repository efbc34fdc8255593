// The one list page of the pane: a toolbar, then loading, the empty state with what to do first, or the
// table. Its columns are data: a caption (catalog key, shown in full as the header's tooltip), the value,
// an optional second value beneath (smaller), a width and how the text wraps. A narrow pane keeps the
// identity of each row readable: wrapped cells stop at `maxLines` lines, the rest in the cell's tooltip.
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { useI18n } from './i18n';

export interface ListColumn<R> {
  id: string;
  /** The catalog key of the full caption (the header's tooltip; its text unless `short` is given). */
  caption: string;
  /** A shorter catalog key shown in the header when the full caption does not fit. */
  short?: string;
  value(row: R): ReactNode;
  /** A second field shown beneath the value, with its caption in the header's tooltip. */
  sub?: { caption: string; value(row: R): ReactNode };
  /** The text of the cell's tooltip (for cut text). */
  title?(row: R): string | undefined;
  /** A CSS width (e.g. '6em'); absent: the column takes what is left. */
  width?: string;
  /** Wrap the text at most this many lines (default: one line, no wrap, for codes). */
  maxLines?: number;
  align?: 'end' | 'center';
  /** The header is read out but not shown (a column of row actions). */
  hiddenCaption?: boolean;
}

export interface ListPageProps<R> {
  /** The list's accessible name. */
  label: string;
  rows: R[] | undefined;
  columns: ListColumn<R>[];
  rowKey(row: R): string;
  rowTestId?(row: R): string;
  toolbar?: ReactNode;
  /** Shown above the table (filters, a note). */
  before?: ReactNode;
  /** The empty state: a sentence and, where there is one, the action that fills the list. */
  empty: { text: string; action?: { label: string; onClick(): void; icon?: ReactElement } };
  /** At most this many rows are shown (the count says how many there are). */
  maxRows?: number;
  /** Shows "n records" above the table. */
  showCount?: boolean;
  rowClassName?(row: R): string | undefined;
}

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  head: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
  cell: {
    overflow: 'hidden',
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    // Narrow gutters: a 320 px pane has no room for Fluent's default 8 px on each side of every column.
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  one: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  clamp: { display: '-webkit-box', WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' },
  sub: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground3,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export function ListPage<R>(p: ListPageProps<R>) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const rows = p.rows;
  const shown = rows && p.maxRows !== undefined ? rows.slice(0, p.maxRows) : rows;
  const fullCaption = (c: ListColumn<R>) => (c.sub ? `${t(c.caption)} / ${t(c.sub.caption)}` : t(c.caption));
  return (
    <section aria-label={p.label}>
      {p.toolbar}
      {p.before}
      {rows === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <div className={s.empty} data-testid="list-empty">
          <Text>{p.empty.text}</Text>
          {p.empty.action ? (
            <Button appearance="primary" icon={p.empty.action.icon} onClick={p.empty.action.onClick}>
              {p.empty.action.label}
            </Button>
          ) : null}
        </div>
      ) : (
        <>
          {p.showCount ? <Text size={200}>{t('common.count', { n: formatNumber(rows.length) })}</Text> : null}
          <Table size="small" aria-label={p.label} className={s.table}>
            <TableHeader>
              <TableRow>
                {p.columns.map((c) => (
                  <TableHeaderCell
                    key={c.id}
                    style={{ width: c.width, textAlign: c.align }}
                    title={c.hiddenCaption ? undefined : fullCaption(c)}
                  >
                    {c.hiddenCaption ? (
                      <span className={s.hidden}>{t(c.caption)}</span>
                    ) : (
                      <span className={s.head}>{t(c.short ?? c.caption)}</span>
                    )}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {(shown ?? []).map((r) => (
                <TableRow key={p.rowKey(r)} data-testid={p.rowTestId?.(r)} className={p.rowClassName?.(r)}>
                  {p.columns.map((c) => (
                    <TableCell key={c.id} className={s.cell} style={{ textAlign: c.align }} title={c.title?.(r)}>
                      <span
                        className={c.maxLines && c.maxLines > 1 ? s.clamp : s.one}
                        style={c.maxLines && c.maxLines > 1 ? { WebkitLineClamp: c.maxLines } : undefined}
                      >
                        {c.value(r)}
                      </span>
                      {c.sub ? (
                        <Text size={100} className={s.sub}>
                          {c.sub.value(r)}
                        </Text>
                      ) : null}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {shown && rows.length > shown.length ? (
            <Text size={200}>{t('list.more', { n: formatNumber(rows.length - shown.length) })}</Text>
          ) : null}
        </>
      )}
    </section>
  );
}
