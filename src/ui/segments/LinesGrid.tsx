// The segment lines in a virtualized grid: only the rows in view (plus a few) are in the DOM, so 10,000
// lines scroll smoothly in a narrow pane. Enter or a click on a row opens its line panel. Each row shows the
// contact's name with its company beneath, the correspondence type as an icon with its caption as the
// accessible name, and a mark on a line with a comment; each header's full caption is its tooltip and
// accessible name. The two icon columns have icon headers: no caption fits 2.6em whole in every language.
// While the grid scrolls, rows that come into view are drawn light (their text only, each cell in place, no
// icons or tooltips) and complete themselves once the scrolling stops: a fast wheel replaces every row in
// view at each step, and the light rows keep each step's work short on a busy machine. The settled grid
// shows, and tells assistive technology, exactly what it did. Line numbers are grouped as BC shows them
// (10.000 in Italian, 10,000 in English). The line number column holds the longest line number's digits (at
// least six: 100000 is the tenth line), half a digit for each group separator, and one digit to spare, so a
// number is never cut. The two number columns are headed by BC's captions (Nr. riga, Nr. contatto), on two
// lines: at 320 px a caption does not fit its column on one, but each of its words does.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CommentRegular } from '@fluentui/react-icons/svg/comment';
import { MailRegular } from '@fluentui/react-icons/svg/mail';
import { MailMultipleRegular } from '@fluentui/react-icons/svg/mail-multiple';
import { PrintRegular } from '@fluentui/react-icons/svg/print';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { SegmentLine } from '../../domain/segment';
import { optionCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';

export const ROW_HEIGHT = 40;
/** The grid's variable that holds the line number column's width, in digits (`ch` of the row's font). */
const LINE_NO_WIDTH = '--segment-line-no-width';
const MIN_LINE_NO_DIGITS = 6;

const useStyles = makeStyles({
  scroller: {
    height: '45vh',
    minHeight: '160px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    contain: 'strict',
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: `var(${LINE_NO_WIDTH}, ${MIN_LINE_NO_DIGITS + 1}ch) 5.4em minmax(0, 1fr) 2.6em 1.4em`,
    alignItems: 'center',
    height: `${ROW_HEIGHT}px`,
    paddingInline: tokens.spacingHorizontalXS,
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  // A row's size never depends on its content: its layout and paint stay inside it.
  contained: { contain: 'strict' },
  body: { position: 'relative', width: '100%' },
  line: {
    position: 'absolute',
    left: 0,
    right: 0,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // A caption on two lines at most (the header row holds two), broken between its words.
  wrap: {
    whiteSpace: 'normal',
    overflowWrap: 'normal',
    lineHeight: tokens.lineHeightBase200,
    maxHeight: `calc(2 * ${tokens.lineHeightBase200})`,
  },
  two: { overflow: 'hidden', display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  company: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
  },
  icon: { display: 'flex', justifyContent: 'center', fontSize: '16px' },
  // Right-aligned as BC's numbers, with half a digit of room before the contact number beside it ("Nr. riga
  // Nr. contatto" and "10.000 C100" read as one at 320 px otherwise); the column's spare digit makes that room.
  num: { textAlign: 'end', paddingInlineEnd: '0.5ch' },
});

interface LineRowProps {
  line: SegmentLine;
  index: number;
  start: number;
  name: string;
  company: string;
  /** The grid is scrolling: a row drawn now is drawn light. */
  light: boolean;
}

/**
 * One line's row: drawn again only when its line, its names or its place change, not on every scroll. A
 * row already complete stays complete when scrolling starts; a light one completes itself when it stops.
 */
const LineRow = memo(
  function LineRow({ line, index, start, name, company, light }: LineRowProps) {
    const { t, formatNumber } = useI18n();
    const s = useStyles();
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        data-index={index}
        data-testid="line-row"
        data-light={light ? '' : undefined}
        tabIndex={0}
        className={mergeClasses(s.row, s.line, s.contained)}
        style={{ transform: `translateY(${start}px)` }}
      >
        <span role="gridcell" className={mergeClasses(s.cell, s.num)}>
          {/* Grouped as BC shows it; the i18n's one number formatter (none is built per row). */}
          {formatNumber(line.lineNo)}
        </span>
        <span role="gridcell" className={s.cell}>
          {line.contactNo}
        </span>
        <span role="gridcell" className={s.two} title={light ? undefined : [name, company].filter(Boolean).join(' · ')}>
          <span className={s.cell}>{name}</span>
          {company ? <span className={s.company}>{company}</span> : null}
        </span>
        <span role="gridcell" className={s.icon}>
          {line.correspondenceType && !light ? (
            <span
              role="img"
              aria-label={optionCaption(t, line.correspondenceType)}
              title={optionCaption(t, line.correspondenceType)}
              data-testid="line-type"
            >
              {line.correspondenceType === 'Email' ? <MailRegular /> : <PrintRegular />}
            </span>
          ) : null}
        </span>
        <span role="gridcell" className={s.icon}>
          {line.comment && !light ? (
            <span
              role="img"
              aria-label={`${t('field.comment')}: ${line.comment}`}
              title={line.comment}
              data-testid="line-comment-mark"
            >
              <CommentRegular />
            </span>
          ) : null}
        </span>
      </div>
    );
  },
  (a, b) =>
    a.line === b.line &&
    a.index === b.index &&
    a.start === b.start &&
    a.name === b.name &&
    a.company === b.company &&
    // Light to complete redraws; complete to light (scrolling starts over a drawn row) does not.
    (a.light === b.light || b.light),
);

/** The row an event happened in: its index among the lines. */
function rowIndexOf(target: EventTarget): number | undefined {
  const row = (target as Element).closest?.('[data-index]');
  return row ? Number(row.getAttribute('data-index')) : undefined;
}

/** `names`: contact no. → name, for the lines' contacts and their companies. */
export function LinesGrid(props: {
  lines: SegmentLine[];
  names: Map<string, string>;
  onOpen(line: SegmentLine): void;
}) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const { lines, names, onOpen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // useVirtualizer hands back new functions each render: this component is left out of memoization on purpose.
  // Scrolling renders with React's batching (no synchronous render per scroll event); the rows are memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    useFlushSync: false,
  });

  const scrolling = virtualizer.isScrolling;
  // Digits have one width in the pane's fonts (n digits are n ch), a group separator (. or ,) less than half
  // of it; one more digit spares the rounding of a pixel.
  const lineNoWidth = useMemo(() => {
    let longest = 0;
    for (const l of lines) if (l.lineNo > longest) longest = l.lineNo;
    const shown = formatNumber(longest);
    const digits = shown.replace(/\D/g, '').length;
    return `${Math.max(MIN_LINE_NO_DIGITS, digits + 0.5 * (shown.length - digits)) + 1}ch`;
  }, [lines, formatNumber]);

  const companyOf = (line: SegmentLine) =>
    line.contactCompanyNo && line.contactCompanyNo !== line.contactNo ? (names.get(line.contactCompanyNo) ?? '') : '';

  // One handler for all rows (on their group): a row needs no handlers of its own to stay memoized.
  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = rowIndexOf(e.target);
    if (index === undefined) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(lines[index]);
      return;
    }
    const to =
      e.key === 'ArrowDown'
        ? index + 1
        : e.key === 'ArrowUp'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? lines.length - 1
              : undefined;
    if (to === undefined || to < 0 || to >= lines.length) return;
    e.preventDefault();
    virtualizer.scrollToIndex(to);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus());
  };
  const click = (e: MouseEvent<HTMLDivElement>) => {
    const index = rowIndexOf(e.target);
    if (index !== undefined) onOpen(lines[index]);
  };

  return (
    <div
      ref={scroller}
      className={s.scroller}
      style={{ [LINE_NO_WIDTH]: lineNoWidth } as CSSProperties}
      role="grid"
      aria-label={t('segment.grid')}
      aria-rowcount={lines.length + 1}
      data-testid="lines-grid"
    >
      <div role="row" aria-rowindex={1} className={mergeClasses(s.row, s.head)}>
        {(
          [
            ['field.lineNo', 'field.lineNo', s.num],
            ['field.contactNo', 'field.contactNo', undefined],
            ['grid.nameCompany', 'field.contactName', undefined],
            ['field.correspondenceType', 'grid.short.type', undefined],
            ['field.comment', 'grid.short.comment', undefined],
          ] as const
        ).map(([full, short, cls]) => (
          <span
            key={full}
            role="columnheader"
            aria-label={t(full)}
            title={t(full)}
            className={mergeClasses(s.cell, cls, short === full && s.wrap, short === 'grid.short.type' && s.icon)}
          >
            {short === 'grid.short.comment' ? (
              <CommentRegular aria-hidden />
            ) : short === 'grid.short.type' ? (
              <MailMultipleRegular aria-hidden />
            ) : (
              t(short)
            )}
          </span>
        ))}
      </div>
      {/* The rows' clicks and keys are handled here, for every row. */}
      <div
        role="rowgroup"
        className={s.body}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onClick={click}
        onKeyDown={keyDown}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const line = lines[v.index];
          return (
            <LineRow
              key={line.id}
              line={line}
              index={v.index}
              start={v.start}
              name={names.get(line.contactNo) ?? ''}
              company={companyOf(line)}
              light={scrolling}
            />
          );
        })}
      </div>
    </div>
  );
}
