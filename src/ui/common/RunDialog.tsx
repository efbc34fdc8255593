// The frame of the dialogs that preview what they will do before they run it (Add / Reduce / Refine
// Contacts, Log): a title, the options, a bar while the one transaction runs, the preview, Run and Cancel.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { WorkingBar } from '../shell/ProgressPanel';
import { useT } from './i18n';

export const useRunDialogStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowY: 'auto' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function RunDialog(props: {
  title: string;
  /** The options (above the preview). */
  children: ReactNode;
  preview: ReactNode;
  running: boolean;
  run: { label: string; disabled: boolean; testId: string; onClick(): void };
  onClose(): void;
}) {
  const t = useT();
  const { run } = props;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {props.children}
            {props.running ? <WorkingBar /> : null}
            {props.preview}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={run.onClick}
              disabled={props.running || run.disabled}
              data-testid={run.testId}
            >
              {props.running ? t('common.working') : run.label}
            </Button>
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
