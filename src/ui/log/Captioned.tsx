// A field beneath a list's value with its caption before it ("Entry No. 1", "User ID ANNA"): at 320 px the
// value goes to the next line before it is cut, and a value longer than the column breaks, never ends
// in "…".
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  field: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    columnGap: '0.25em',
    maxWidth: '100%',
    minWidth: 0,
    whiteSpace: 'normal',
  },
  value: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
});

export function Captioned({ caption, value, testId }: { caption: string; value: ReactNode; testId?: string }) {
  const s = useStyles();
  return (
    <span className={s.field} data-testid={testId}>
      <span>{caption}</span> <span className={s.value}>{value}</span>
    </span>
  );
}
