// The read path of the architecture: persisted data reaches components through useLiveQuery hooks, each
// calling a workspace read function, never a Dexie table. The live queries are the store's database
// library's (its liveQuery, through the store's live side door), fetched after the pane's first frame,
// so the start path does not carry the library. Until they are
// here, a hook gives its default (`undefined`: loading), as it does until its query has a value; then the
// value, and every change after it. An error in the query reaches the nearest error boundary.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as LiveModule from '../../store/liveWait';
import { laterChunk } from './laterPart';

type Live = typeof LiveModule;

const waiting = new Set<() => void>();
// The hooks run again in a task after the one that evaluated the library's code, not in it.
const liveChunk = laterChunk(
  () => import(/* webpackChunkName: "live" */ '../../store/liveWait'),
  () => void setTimeout(() => [...waiting].forEach((w) => w()), 0),
);
/** The live queries' code, fetched once (a failed fetch, e.g. the network, is tried again on the next call). */
export const loadLiveQueries: () => Promise<Live> = liveChunk.load;
// Fetched when the first hook subscribes, or when the pane asks once its first page is painted
// (src/taskpane/Boot.tsx), so that the library's code does not run before the first frame.

/**
 * A wait that a live query can make without losing what it reads (the stand-in workspace's, while the real
 * one opens). Before the live queries' code is here no live query runs, so a plain wait is as good.
 */
export function liveWait<T>(p: Promise<T>): PromiseLike<T> {
  const live = liveChunk.loaded();
  return live ? live.liveWait(p) : p;
}

function subscribeLive(listener: () => void) {
  waiting.add(listener);
  if (!liveChunk.loaded()) void loadLiveQueries().catch(() => undefined);
  return () => void waiting.delete(listener);
}
const currentLive = liveChunk.loaded;

type Shown<T> = { value: T } | { error: unknown } | undefined;

/** The querier's value, kept up to date; `undefined` (or `defaultResult`) until it has one. */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps?: unknown[]): T | undefined;
export function useLiveQuery<T, D>(querier: () => Promise<T> | T, deps: unknown[], defaultResult: D): T | D;
export function useLiveQuery<T, D>(querier: () => Promise<T> | T, deps: unknown[] = [], defaultResult?: D): T | D {
  const engine = useSyncExternalStore(subscribeLive, currentLive, currentLive);
  // The last value stays shown while the query runs again for new deps, as the next value replaces it.
  const [shown, setShown] = useState<Shown<T>>(undefined);
  useEffect(
    () => {
      if (!engine) return;
      const subscription = engine.liveQuery(querier).subscribe({
        next: (value) => setShown((s) => (s && 'value' in s && s.value === value ? s : { value })),
        error: (error: unknown) => setShown((s) => (s && 'error' in s && s.error === error ? s : { error })),
      });
      return () => subscription.unsubscribe();
    },
    // The querier is a new function each render: the caller's deps say when the query changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [engine, ...deps],
  );
  if (shown && 'error' in shown) throw shown.error;
  return shown ? shown.value : (defaultResult as D);
}
