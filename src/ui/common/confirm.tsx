// BC's questions as dialogs: `await confirm(text)` resolves true for Yes, false for No or Escape.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useT } from './i18n';

interface Question {
  title: string;
  text: string;
}
type Ask = (q: Question) => Promise<boolean>;

const ConfirmContext = createContext<Ask | undefined>(undefined);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [question, setQuestion] = useState<Question | undefined>();
  const resolver = useRef<((yes: boolean) => void) | undefined>(undefined);
  const ask = useCallback<Ask>((q) => {
    resolver.current?.(false);
    setQuestion(q);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const answer = (yes: boolean) => {
    resolver.current?.(yes);
    resolver.current = undefined;
    setQuestion(undefined);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <Dialog open={question !== undefined} modalType="alert" onOpenChange={(_, d) => !d.open && answer(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{question?.title}</DialogTitle>
            <DialogContent style={{ whiteSpace: 'pre-line' }} data-testid="confirm-text">
              {question?.text}
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
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error('useConfirm outside ConfirmProvider');
  return ask;
}
