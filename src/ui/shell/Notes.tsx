// The pane's one Toaster, fetched after the first page has been painted (or at once when a note comes
// first): Fluent's Toaster with its motion and portal is not part of the first load. A note sent before it
// is here (a quick click on New segment) is kept and shown when it arrives, in the order sent, as are the
// dismissals that followed it.
import { useEffect, useState, type ComponentProps } from 'react';
import type * as ToasterModule from './toaster';

type Toaster = typeof ToasterModule.Toaster;

/** The events through which notes reach the Toaster (Fluent's toast events, `fui-toast-…`). */
const NOTE_EVENTS = ['show', 'dismiss', 'dismiss-all', 'update', 'pause', 'play'].map((e) => `fui-toast-${e}`);

let loaded: Toaster | undefined;
let loading: Promise<Toaster> | undefined;
function loadToaster(): Promise<Toaster> {
  loading ??= import(/* webpackChunkName: "notes" */ './toaster').then(
    (m) => (loaded = m.Toaster),
    (e: unknown) => {
      loading = undefined; // tried again with the next note
      throw e;
    },
  );
  return loading;
}

export function Notes(props: ComponentProps<Toaster> & { toasterId: string }) {
  const [Real, setReal] = useState<Toaster | undefined>(() => loaded);
  const { toasterId } = props;
  // Until the Toaster is here, its notes are kept; once it is mounted (its listeners are set in its own
  // effect, which runs before this one), they are sent again, in order.
  useEffect(() => {
    if (Real) return;
    const kept: Event[] = [];
    let live = true;
    const fetch = () =>
      loadToaster().then(
        (T) => live && setReal(() => T),
        (e: unknown) => console.warn('The notes could not be loaded:', e),
      );
    const keep = (e: Event) => {
      if ((e as CustomEvent<{ toasterId?: string }>).detail?.toasterId !== toasterId) return;
      kept.push(new CustomEvent(e.type, { detail: (e as CustomEvent).detail }));
      void fetch();
    };
    for (const type of NOTE_EVENTS) document.addEventListener(type, keep);
    void afterPaint().then(fetch);
    return () => {
      live = false;
      for (const type of NOTE_EVENTS) document.removeEventListener(type, keep);
      // The Toaster now listens: what it missed reaches it.
      if (Real === undefined && loaded) queueReplay(kept);
    };
  }, [Real, toasterId]);
  return Real ? <Real {...props} /> : null;
}

/** Notes kept while the Toaster loaded, sent to it once it listens (after the commit that mounted it). */
function queueReplay(kept: Event[]) {
  if (!kept.length) return;
  queueMicrotask(() => kept.forEach((e) => document.dispatchEvent(e)));
}

/** Resolves once the browser has painted: at an idle moment, or on the next task where idle callbacks are missing. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 0);
  });
}
