// The one list page of the pane: a toolbar, then loading, an error, the empty state with what to do
// first, or the table. Its columns are data: a caption (catalog key, shown in full as the header's
// tooltip and accessible name), a shorter caption where the full one does not fit, the value, an optional
// second value beneath (smaller), a width and how the text wraps. A narrow pane keeps the identity of each
// row readable: wrapped cells stop at `maxLines` lines, the rest in the cell's tooltip. A header is never
// cut: it wraps between words, and a column of a set width is at least as wide as its header's longest word.
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
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CSSProperties, ComponentType, KeyboardEvent, MouseEvent, ReactElement, ReactNode } from 'react';
import { useI18n } from './i18n';
import { MessageBar, MessageBarBody } from './laterMessageBar';
import { visuallyHidden } from './visuallyHidden';

export interface ListColumn<R> {
  id: string;
  /** The catalog key of the full caption (the header's tooltip; its text unless `short` is given). */
  caption: string;
  /** A shorter catalog key shown in the header when the full caption does not fit. */
  short?: string;
  value(row: R): ReactNode;
  /** A second field shown beneath the value, with its caption(s) in the header's tooltip. */
  sub?: {
    caption: string | string[];
    value(row: R): ReactNode;
    /** Wrap it at most this many lines. */ maxLines?: number;
  };
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

/** Renders the rows of a long list a window at a time (see VirtualRows). */
export type RowsWindow = ComponentType<{
  count: number;
  rowHeight: number;
  height: string;
  label: string;
  table(rows: ReactNode): ReactElement;
  row(index: number): ReactElement;
}>;

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
  /** The empty state: a sentence, the action that fills the list where there is one, and anything more. */
  empty: { text: string; action?: { label: string; onClick(): void; icon?: ReactElement }; more?: ReactNode };
  /** Shown in place of the rows (e.g. a filter that cannot be read). */
  error?: string;
  /** At most this many rows are shown (the count says how many there are). */
  maxRows?: number;
  /** How many rows there are when `rows` holds only the first of them (read a page at a time). */
  total?: number;
  /** Shows "n records" above the table, or the sentence of the given catalog key ({n}) with a test id. */
  showCount?: boolean | { key: string; testId: string };
  rowClassName?(row: R): string | undefined;
  /** A row opens (by click, Enter or Space); `rowLabel` is then its accessible name. */
  onRowClick?(row: R): void;
  rowLabel?(row: R): string;
  /** A long list: the rows in a scroller of this height, each `rowHeight` px, rendered by `Rows`. */
  virtual?: { rowHeight: number; height: string; Rows: RowsWindow };
}

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  th: {
    verticalAlign: 'bottom',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  // Between words first; inside a word only where a flexible column is narrower than the word.
  head: {
    display: 'block',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  sticky: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
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
  opens: { cursor: 'pointer' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
});

/** A column of text that wraps at most `maxLines` lines (a description, a name), in full in its tooltip. */
export function textColumn<R>(id: string, caption: string, text: (row: R) => string, maxLines = 2): ListColumn<R> {
  return { id, caption, maxLines, value: text, title: text };
}

/** The last column: the row's buttons (a bin, a ⋯ menu), its caption read out but not shown. */
export function actionsColumn<R>(value: (row: R) => ReactNode, width = '2.4em'): ListColumn<R> {
  return { id: 'actions', caption: 'common.actions', hiddenCaption: true, width, value };
}

/** A column's width: the declared one, but never narrower than the longest word of its header. */
function columnWidth(width: string | undefined, shown: string): string | undefined {
  if (width === undefined) return undefined;
  const longest = Math.max(...shown.split(/\s+/).map((w) => w.length));
  // The header's letters are 12 px against the cell's 14 px `ch` (the width of "0"), and on average narrower
  // than a "0" in the pane's fonts: 0.75 ch a letter, half a `ch` to spare, and the gutters of 4 px each.
  return `max(${width}, calc(${(longest * 0.75 + 0.5).toFixed(2)}ch + 2 * ${tokens.spacingHorizontalXS}))`;
}

/** Whether a click or key press was meant for a control inside the row (a button, a box), not the row. */
function forControl(e: MouseEvent | KeyboardEvent): boolean {
  const hit = (e.target as Element).closest('button, a, input, select, textarea, [role="menuitem"], [role="checkbox"]');
  return hit !== null && hit !== e.currentTarget && (e.currentTarget as Element).contains(hit);
}

export function ListPage<R>(p: ListPageProps<R>) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const rows = p.rows;
  const shown = rows && p.maxRows !== undefined ? rows.slice(0, p.maxRows) : rows;
  const subCaption = (c: ListColumn<R>) =>
    c.sub ? (Array.isArray(c.sub.caption) ? c.sub.caption : [c.sub.caption]).map((k) => t(k)).join(' · ') : '';
  const fullCaption = (c: ListColumn<R>) => (c.sub ? `${t(c.caption)} / ${subCaption(c)}` : t(c.caption));

  const header = (
    <TableHeader className={p.virtual ? s.sticky : undefined}>
      <TableRow>
        {p.columns.map((c) => {
          const text = t(c.short ?? c.caption);
          return c.hiddenCaption ? (
            <TableHeaderCell key={c.id} className={s.th} style={{ width: c.width }}>
              <span style={visuallyHidden}>{t(c.caption)}</span>
            </TableHeaderCell>
          ) : (
            <TableHeaderCell
              key={c.id}
              className={s.th}
              style={{ width: columnWidth(c.width, text), textAlign: c.align }}
              title={fullCaption(c)}
              aria-label={fullCaption(c)}
            >
              <span className={s.head}>{text}</span>
            </TableHeaderCell>
          );
        })}
      </TableRow>
    </TableHeader>
  );
  const row = (r: R, style?: CSSProperties) => {
    const open = p.onRowClick;
    return (
      <TableRow
        key={p.rowKey(r)}
        data-testid={p.rowTestId?.(r)}
        className={mergeClasses(p.rowClassName?.(r), open ? s.opens : undefined) || undefined}
        style={style}
        tabIndex={open ? 0 : undefined}
        aria-label={open ? p.rowLabel?.(r) : undefined}
        onClick={open ? (e) => forControl(e) || open(r) : undefined}
        onKeyDown={
          open
            ? (e) => {
                if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
                e.preventDefault();
                open(r);
              }
            : undefined
        }
      >
        {p.columns.map((c) => (
          <TableCell key={c.id} className={s.cell} style={{ textAlign: c.align }} title={c.title?.(r)}>
            <span
              className={c.maxLines && c.maxLines > 1 ? s.clamp : s.one}
              style={c.maxLines && c.maxLines > 1 ? { WebkitLineClamp: c.maxLines } : undefined}
            >
              {c.value(r)}
            </span>
            {c.sub ? (
              <Text
                size={100}
                className={c.sub.maxLines && c.sub.maxLines > 1 ? mergeClasses(s.sub, s.clamp) : s.sub}
                style={
                  c.sub.maxLines && c.sub.maxLines > 1
                    ? { WebkitLineClamp: c.sub.maxLines, whiteSpace: 'normal' }
                    : undefined
                }
              >
                {c.sub.value(r)}
              </Text>
            ) : null}
          </TableCell>
        ))}
      </TableRow>
    );
  };
  const table = (body: ReactNode) => (
    <Table size="small" aria-label={p.label} className={s.table}>
      {header}
      <TableBody>{body}</TableBody>
    </Table>
  );
  const count = (n: number) =>
    p.showCount === true ? (
      <Text size={200}>{t('common.count', { n: formatNumber(n) })}</Text>
    ) : p.showCount ? (
      <Text size={200} data-testid={p.showCount.testId}>
        {t(p.showCount.key, { n: formatNumber(n) })}
      </Text>
    ) : null;

  let content: ReactNode;
  if (p.error !== undefined)
    content = (
      <MessageBar intent="error">
        <MessageBarBody>{p.error}</MessageBarBody>
      </MessageBar>
    );
  else if (rows === undefined || shown === undefined) content = <Spinner size="small" label={t('common.loading')} />;
  else if (rows.length === 0)
    content = (
      <>
        <div className={s.empty} data-testid="list-empty">
          <Text>{p.empty.text}</Text>
          {p.empty.action ? (
            <Button appearance="primary" icon={p.empty.action.icon} onClick={p.empty.action.onClick}>
              {p.empty.action.label}
            </Button>
          ) : null}
        </div>
        {p.empty.more}
      </>
    );
  else if (p.virtual) {
    const { Rows, rowHeight, height } = p.virtual;
    content = (
      <>
        {count(rows.length)}
        <Rows
          count={shown.length}
          rowHeight={rowHeight}
          height={height}
          label={p.label}
          table={table}
          row={(i) => row(shown[i], { height: rowHeight })}
        />
      </>
    );
  } else
    content = (
      <>
        {count(p.total ?? rows.length)}
        {table(shown.map((r) => row(r)))}
        {(p.total ?? rows.length) > shown.length ? (
          <Text size={200}>{t('list.more', { n: formatNumber((p.total ?? rows.length) - shown.length) })}</Text>
        ) : null}
      </>
    );
  return (
    <section aria-label={p.label}>
      {p.toolbar}
      {p.before}
      {content}
    </section>
  );
}
