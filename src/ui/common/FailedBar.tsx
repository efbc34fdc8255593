// An error bar as Fluent's MessageBar draws it, without its code in the first load: the pane could not
// open, or a page could not be shown, which may be because the code of the parts could not be fetched.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  failed: {
    margin: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
});

export function FailedBar({ children, testId }: { children: ReactNode; testId: string }) {
  const s = useStyles();
  return (
    <div role="alert" className={s.failed} data-testid={testId}>
      {children}
    </div>
  );
}
