// The dialog of BC's questions (confirm.tsx): its own chunk, fetched the first time a question is asked.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useT } from './i18n';

export default function ConfirmDialog(props: {
  question: { title: string; text: string };
  answer(yes: boolean): void;
}) {
  const t = useT();
  const { question, answer } = props;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && answer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{question.title}</DialogTitle>
          <DialogContent style={{ whiteSpace: 'pre-line' }} data-testid="confirm-text">
            {question.text}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {t('common.yes')}
            </Button>
            <Button onClick={() => answer(false)}>{t('common.no')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
