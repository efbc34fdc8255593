// The table of a list page (ListPage.tsx): its header, its rows, the count above it and the "more" below.
// Not part of the first load: the start page shows its toolbar and "Loading…" in its first frame, and its
// rows only once the workspace is open, so the table's code (Fluent's Table) comes with the workspace's
// (Boot.tsx), or with the first list that has rows to show.
import {
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
import type { CSSProperties, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useI18n } from './i18n';
import type { ListColumn, ListPageProps } from './ListPage';
import { visuallyHidden } from './visuallyHidden';

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
});

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
  // An event from outside the row's own elements reached it through a portal (the row's menu, a dialog it
  // opened): React passes it up the component tree, but it is no click on the row.
  if (!(e.currentTarget as Element).contains(e.target as Node)) return true;
  const hit = (e.target as Element).closest('button, a, input, select, textarea, [role="menuitem"], [role="checkbox"]');
  return hit !== null && hit !== e.currentTarget && (e.currentTarget as Element).contains(hit);
}

/** The rows of a list page that has some: `shown` is the part of `rows` shown (at most `maxRows`). */
export function ListTable<R>({ p, rows, shown }: { p: ListPageProps<R>; rows: R[]; shown: R[] }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
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

  if (p.virtual) {
    const { Rows, rowHeight, height } = p.virtual;
    return (
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
  }
  return (
    <>
      {count(p.total ?? rows.length)}
      {table(shown.map((r) => row(r)))}
      {(p.total ?? rows.length) > shown.length ? (
        <Text size={200}>{t('list.more', { n: formatNumber((p.total ?? rows.length) - shown.length) })}</Text>
      ) : null}
    </>
  );
}
