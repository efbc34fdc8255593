// BC's questions as dialogs: `await confirm(text)` resolves true for Yes, false for No or Escape.
import { Suspense, createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { lazyPart } from './laterPart';

// The dialog is fetched the first time a question is asked: it is not part of the pane's first load.
const ConfirmDialog = lazyPart(() => import(/* webpackChunkName: "confirm" */ './ConfirmDialog'));

interface Question {
  title: string;
  text: string;
}
type Ask = (q: Question) => Promise<boolean>;

const ConfirmContext = createContext<Ask | undefined>(undefined);

export function ConfirmProvider({ children }: { children: ReactNode }) {
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
      {question ? (
        <Suspense fallback={null}>
          <ConfirmDialog question={question} answer={answer} />
        </Suspense>
      ) : null}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error('useConfirm outside ConfirmProvider');
  return ask;
}
