// Results of actions as toasts, through the one Toaster at the root.
// One success note at a time: a new success replaces the one shown (a row of saves says the last, and notes
// never pile up over the page). Errors stay until the user dismisses them; info notes leave by themselves.
import { Button, Toast, ToastBody, ToastTitle, ToastTrigger, useToastController } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { useCallback } from 'react';
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
        { intent: 'error', timeout: -1 },
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
        { intent: 'info', timeout: 6000 },
      ),
    [dispatchToast],
  );
  return { success, error, info };
}
