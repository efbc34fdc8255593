// The read-only fields of a card (a contact's No. and Type, an interaction log entry's fields): BC's caption
// beside its value in two columns that fit a 320 px pane, a long value wrapping rather than cut.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useCardFieldStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 9em) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  dd: { margin: 0, overflowWrap: 'anywhere' },
});
