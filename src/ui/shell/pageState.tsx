// What a page holds while the user is away on a page it opened: a list's filters, as BC keeps a list's
// filters when its card closes. Kept per entry of the shell's history (the route object), so Back returns
// to the list as it was left, and opening the page again from the menu starts it afresh.
import { createContext, useCallback, useContext, useState, type SetStateAction } from 'react';

export type PageState = Map<string, unknown>;

export const PageStateContext = createContext<PageState | undefined>(undefined);

/** useState whose value the page's history entry keeps: it is there again when the user comes back. */
export function usePageState<T>(key: string, initial: T): [T, (next: SetStateAction<T>) => void] {
  const kept = useContext(PageStateContext);
  const [value, setValue] = useState<T>(() => (kept?.has(key) ? (kept.get(key) as T) : initial));
  const set = useCallback(
    (next: SetStateAction<T>) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        kept?.set(key, v);
        return v;
      }),
    [kept, key],
  );
  return [value, set];
}
