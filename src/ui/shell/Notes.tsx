// The pane's one Toaster, fetched after the first page has been painted (or at once when a note comes
// first): Fluent's Toaster with its motion and portal is not part of the first load (toastParts.tsx). A
// note sent before it is here (a quick click on New segment) is kept and shown when it arrives, in the
// order sent, as are the dismissals that followed it.
import { useEffect, useState, type ComponentProps } from 'react';
import type * as ToasterModule from './toaster';
import { afterPaint } from './afterPaint';
import { loadToastParts, loadedToastParts } from './toastParts';

type Toaster = typeof ToasterModule.Toaster;

/** The events through which notes reach the Toaster (Fluent's toast events, `fui-toast-…`). */
const NOTE_EVENTS = ['show', 'dismiss', 'dismiss-all', 'update', 'pause', 'play'].map((e) => `fui-toast-${e}`);

export function Notes(props: ComponentProps<Toaster> & { toasterId: string }) {
  const [Real, setReal] = useState<Toaster | undefined>(() => loadedToastParts()?.Toaster);
  const { toasterId } = props;
  // Until the Toaster is here, its notes are kept. When it comes, this effect's clean-up stops keeping them
  // before the Toaster's own effect starts listening (clean-ups run first), and what was kept is sent again,
  // in order, once the commit that mounted it is over.
  useEffect(() => {
    if (Real) return;
    const kept: Event[] = [];
    let live = true;
    const fetch = () =>
      loadToastParts().then(
        (m) => live && setReal(() => m.Toaster),
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
      if (kept.length && loadedToastParts()) queueMicrotask(() => kept.forEach((e) => document.dispatchEvent(e)));
    };
  }, [Real, toasterId]);
  return Real ? <Real {...props} /> : null;
}
