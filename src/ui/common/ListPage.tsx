// The one list page of the pane: a toolbar, then loading, an error, the empty state with what to do
// first, or the table. Its columns are data: a caption (catalog key, shown in full as the header's
// tooltip and accessible name), a shorter caption where the full one does not fit, the value, an optional
// second value beneath (smaller), a width and how the text wraps. A narrow pane keeps the identity of each
// row readable: wrapped cells stop at `maxLines` lines, the rest in the cell's tooltip. A header is never
// cut: it wraps between words, and a column of a set width is at least as wide as its header's longest word.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { errorText } from './errorText';
import { useI18n } from './i18n';
import { laterChunk } from './laterPart';
import { MessageBar, MessageBarBody } from './laterMessageBar';
import type * as ListTableModule from './ListTable';

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
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
});

/**
 * The table's code (ListTable.tsx), not part of the first load: the pane fetches it with the workspace's
 * code once its first frame is painted (Boot.tsx), before any list has rows; a list rendered without the
 * pane (a test) fetches it once it has rows, and says "Loading…" until it is here.
 */
const tableChunk = laterChunk(() => import(/* webpackChunkName: "list-table" */ './ListTable'));
export const loadListTable: () => Promise<typeof ListTableModule> = tableChunk.load;
/** The table's code, once here. */
export const loadedListTable: () => typeof ListTableModule | undefined = tableChunk.loaded;

/** The table's code when `needed`: here at once if it already is, else fetched (or why it could not be). */
function useListTable(needed: boolean): { table?: typeof ListTableModule; failed?: unknown } {
  const [failed, setFailed] = useState<unknown>();
  const [, arrived] = useState(0);
  const table = tableChunk.loaded();
  useEffect(() => {
    if (!needed || table) return;
    let on = true;
    tableChunk.load().then(
      () => on && arrived((n) => n + 1),
      (e: unknown) => on && setFailed(e),
    );
    return () => {
      on = false;
    };
  }, [needed, table]);
  return { table, failed: table ? undefined : failed };
}

/** A column of text that wraps at most `maxLines` lines (a description, a name), in full in its tooltip. */
export function textColumn<R>(id: string, caption: string, text: (row: R) => string, maxLines = 2): ListColumn<R> {
  return { id, caption, maxLines, value: text, title: text };
}

/** The last column: the row's buttons (a bin, a ⋯ menu), its caption read out but not shown. */
export function actionsColumn<R>(value: (row: R) => ReactNode, width = '2.4em'): ListColumn<R> {
  return { id: 'actions', caption: 'common.actions', hiddenCaption: true, width, value };
}

export function ListPage<R>(p: ListPageProps<R>) {
  const { t } = useI18n();
  const s = useStyles();
  const rows = p.rows;
  const shown = rows && p.maxRows !== undefined ? rows.slice(0, p.maxRows) : rows;
  const hasRows = p.error === undefined && shown !== undefined && rows !== undefined && rows.length > 0;
  const { table, failed } = useListTable(hasRows);

  let content: ReactNode;
  if (p.error !== undefined || failed !== undefined)
    content = (
      <MessageBar intent="error">
        <MessageBarBody>{p.error ?? errorText(t, failed)}</MessageBarBody>
      </MessageBar>
    );
  else if (rows === undefined || shown === undefined || (hasRows && !table))
    content = <Spinner size="small" label={t('common.loading')} />;
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
  else {
    const { ListTable } = table!;
    content = <ListTable p={p} rows={rows} shown={shown} />;
  }
  return (
    <section aria-label={p.label}>
      {p.toolbar}
      {p.before}
      {content}
    </section>
  );
}
