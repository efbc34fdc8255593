// The frame of the dialogs that preview what they will do before they run it (Add / Reduce / Refine
// Contacts, Log): the options, a bar while the one transaction runs, the preview, Run and Cancel.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { WorkingBar } from '../shell/ProgressPanel';
import { useT } from './i18n';
import { SimpleDialog } from './SimpleDialog';

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
    <SimpleDialog
      title={props.title}
      primary={props.running ? t('common.working') : run.label}
      disabled={props.running || run.disabled}
      onPrimary={run.onClick}
      onClose={props.onClose}
      testId={run.testId}
    >
      <div>{props.children}</div>
      {props.running ? <WorkingBar /> : null}
      {props.preview}
    </SimpleDialog>
  );
}
