// The rows of a long list a window at a time (ListPage's `virtual`): a scroller of a fixed height holds
// the table, with the rows above and below the window stood in for by one empty row each.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RowsWindow } from './ListPage';

const useStyles = makeStyles({
  scroller: {
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  gap: { border: 'none', padding: 0 },
});

export const VirtualRows: RowsWindow = ({ count, rowHeight, height, label, table, row }) => {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // useVirtualizer hands back new functions each render: this component is left out of memoization on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const above = items.length ? items[0].start : 0;
  const below = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const gap = (h: number, key: string) =>
    h > 0 ? (
      <tr key={key} aria-hidden="true" style={{ height: h }}>
        <td className={s.gap} />
      </tr>
    ) : null;
  return (
    <div ref={scroller} className={s.scroller} style={{ height }} tabIndex={0} role="group" aria-label={label}>
      {table(
        <>
          {gap(above, 'above')}
          {items.map((v) => row(v.index))}
          {gap(below, 'below')}
        </>,
      )}
    </div>
  );
};
