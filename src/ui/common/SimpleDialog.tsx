// The frame of the small action dialogs: a title, the content, a primary action and Cancel.
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
import { useT } from './i18n';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function SimpleDialog(props: {
  title: string;
  children: ReactNode;
  primary?: string;
  disabled?: boolean;
  onPrimary?(): void;
  onClose(): void;
  testId?: string;
}) {
  const t = useT();
  const s = useStyles();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={s.content}>{props.children}</DialogContent>
          <DialogActions>
            {props.onPrimary ? (
              <Button
                appearance="primary"
                disabled={props.disabled}
                onClick={props.onPrimary}
                data-testid={props.testId}
              >
                {props.primary ?? t('common.ok')}
              </Button>
            ) : null}
            <Button onClick={props.onClose}>{props.onPrimary ? t('common.cancel') : t('common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
