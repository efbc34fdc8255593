// Results of actions as toasts, through the one Toaster at the root.
import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';
import { errorText } from './errorText';
import { useT } from './i18n';

export const TOASTER_ID = 'segments-toaster';

export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const t = useT();
  const success = useCallback(
    (text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        // One toast per text: two fields saved in a row say "saved" once, not twice.
        { intent: 'success', timeout: 4000, toastId: `success:${text}` },
      ),
    [dispatchToast],
  );
  const error = useCallback(
    (e: unknown) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{errorText(t, e)}</ToastTitle>
        </Toast>,
        { intent: 'error', timeout: 8000 },
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
