// Results of actions as toasts, through the one Toaster at the root.
// One success note at a time: a new success replaces the one shown (a row of saves says the last, and notes
// never pile up over the page). Errors stay until the user dismisses them; info notes leave by themselves.
// The notes sit at the bottom of the pane, below the page: the shell ends the page above them.
import { Button, useToastController } from '@fluentui/react-components';
import { Toast, ToastBody, ToastTitle, ToastTrigger } from '../shell/toastParts';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { useCallback, useSyncExternalStore } from 'react';
import { errorText } from './errorText';
import { useT } from './i18n';

export const TOASTER_ID = 'segments-toaster';

/**
 * The success note on screen, shared by every component of the pane (each has its own controller, the
 * Toaster is one). Each note has its own id: a note dispatched with the id of one still leaving would be
 * ignored by the Toaster, so the new note is a new toast and the last one is dismissed.
 */
let shownSuccess: string | undefined;
let successCount = 0;

/**
 * How much of the pane's bottom the notes cover, in px: the shell ends the page above it, so a note never
 * lies over the page's content. Measured from the layout (not the notes' animated transforms) each time a
 * note comes, goes or leaves.
 */
let cover = 0;
const coverListeners = new Set<() => void>();
function measureCover() {
  requestAnimationFrame(() => {
    const notes = document.querySelector<HTMLElement>(`.fui-Toaster[data-toaster-position="bottom"]`);
    const next = notes && notes.offsetHeight > 0 ? Math.max(0, Math.ceil(window.innerHeight - notes.offsetTop)) : 0;
    if (next === cover) return;
    cover = next;
    coverListeners.forEach((l) => l());
  });
}
const onStatusChange = () => measureCover();

/** The px of the pane's bottom under notes now (0 without notes). */
export function useNotesCover(): number {
  return useSyncExternalStore(
    (l) => {
      coverListeners.add(l);
      return () => coverListeners.delete(l);
    },
    () => cover,
  );
}

export function useNotify() {
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  const t = useT();
  const success = useCallback(
    (text: string, body?: string) => {
      if (shownSuccess) dismissToast(shownSuccess);
      const toastId = `success-${++successCount}`;
      shownSuccess = toastId;
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        {
          intent: 'success',
          timeout: 4000,
          toastId,
          onStatusChange: (_e, { status }) => {
            if (status === 'unmounted' && shownSuccess === toastId) shownSuccess = undefined;
            measureCover();
          },
        },
      );
    },
    [dispatchToast, dismissToast],
  );
  const error = useCallback(
    (e: unknown) =>
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Button
                  appearance="transparent"
                  size="small"
                  icon={<DismissRegular />}
                  aria-label={t('common.dismiss')}
                  title={t('common.dismiss')}
                />
              </ToastTrigger>
            }
          >
            {errorText(t, e)}
          </ToastTitle>
        </Toast>,
        // An error stays until dismissed: it may explain why nothing happened, and is read at the user's pace.
        { intent: 'error', timeout: -1, onStatusChange },
      ),
    [dispatchToast, t],
  );
  const info = useCallback(
    (title: string, body?: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        { intent: 'info', timeout: 6000, onStatusChange },
      ),
    [dispatchToast],
  );
  return { success, error, info };
}
