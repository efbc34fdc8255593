// Focus back where the user was when a dialog closes: the control that opened it (or, when a menu opened
// it, the menu's button). Fluent puts focus back only for dialogs opened by a DialogTrigger; the pane's
// dialogs open from state, so without this focus fell to the page body after every dialog.
import { useEffect } from 'react';

const DIALOG = '[role="dialog"],[role="alertdialog"]';
/** Places focus passes through on its way to a dialog: not where it should come back to. */
const TRANSIT = '[role="menu"],.fui-Toaster,[data-tabster-dummy]';

export function FocusReturn() {
  useEffect(() => {
    let last: Element | null = null;
    const returnTo = new Map<Element, Element>();
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target as Element;
      const dialog = target.closest(DIALOG);
      if (dialog && !returnTo.has(dialog) && last && !dialog.contains(last)) returnTo.set(dialog, last);
      if (!target.closest(TRANSIT)) last = target;
    };
    const restore = () => {
      for (const [dialog, to] of [...returnTo].reverse()) {
        if (dialog.isConnected) continue;
        returnTo.delete(dialog);
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) continue;
        const target = to.isConnected ? to : document.querySelector<HTMLElement>('[data-testid="page-title"]');
        (target as HTMLElement | null)?.focus();
      }
    };
    const observer = new MutationObserver(restore);
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
  return null;
}
