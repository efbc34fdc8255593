// Results of actions as toasts, through the one Toaster at the root.
// One success note at a time: a new success replaces the one shown (a row of saves says the last, and notes
// never pile up over the page). Errors stay until the user dismisses them or goes to another page (they speak
// of the page they were raised on); success and info notes leave by themselves after a few seconds (BC's
// notifications are brief), or sooner when the user goes to another page, where they no longer make sense.
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

/**
 * How much of the pane's bottom the notes cover, in px: the shell ends the page that far up, so a note never
 * lies over the page's content and the page ends right above the highest note shown. A note leaving (a
 * success replaced by the next, one timed out or dismissed) keeps its place while it fades and collapses:
 * it is not counted, or its place would show as a blank band between the page and the note below it. Read
 * from the layout (offsets, not the notes' animated transforms) when a note comes or goes and whenever the
 * notes' box changes size (a note collapsing, a longer text).
 */
let cover = 0;
const coverListeners = new Set<() => void>();
/** The notes (by the id on their content) that are leaving. */
const leaving = new Set<string>();
/** Space between the page's end and the highest note. */
const GAP = 8;
let watched: HTMLElement | null = null;
let resizes: ResizeObserver | undefined;

function notesNow(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.fui-Toaster[data-toaster-position="bottom"]');
}

function measureNow() {
  const notes = notesNow();
  if (notes !== watched) {
    if (watched) resizes?.unobserve(watched);
    if (notes && typeof ResizeObserver !== 'undefined') {
      resizes ??= new ResizeObserver(() => measureNow());
      resizes.observe(notes);
    }
    watched = notes;
  }
  let next = 0;
  if (notes && notes.offsetHeight > 0) {
    const shown = Array.from(notes.querySelectorAll<HTMLElement>(':scope > .fui-ToastContainer'));
    const staying = shown.filter(
      (n) => !leaving.has(n.querySelector('[data-note-id]')?.getAttribute('data-note-id') ?? ''),
    );
    // Only notes leaving: the page keeps its end until they are gone (it never grows under a fading note).
    if (staying.length === 0) next = shown.length > 0 ? cover : 0;
    else next = Math.max(0, Math.ceil(window.innerHeight - (notes.offsetTop + staying[0].offsetTop)) + GAP);
  }
  if (next === cover) return;
  cover = next;
  coverListeners.forEach((l) => l());
}
function measureCover() {
  requestAnimationFrame(measureNow);
}

/** The error notes on screen, by id: the shell takes them away when the user goes to another page. */
const shownErrors = new Set<string>();

/**
 * The success and info notes on screen, by id, each with the count of the user's inputs when it came. The
 * shell takes away, when the page changes, those the user has pressed a key or the pointer since: the
 * change is then the user's going on, away from what the note said. A note that came after the user's last
 * input came with the change (New segment says it made the segment it opens) and stays on the new page.
 */
const shownPassing = new Map<string, number>();
let inputs = 0;
let countingInputs = false;
function countInputs() {
  if (countingInputs) return;
  countingInputs = true;
  const count = () => void inputs++;
  // Capture: an input that a part keeps to itself (a menu's Escape) is counted too.
  document.addEventListener('pointerdown', count, true);
  document.addEventListener('keydown', count, true);
}
/** Options of a success or info note: counted as passing while it is shown. */
function passing(note: ReturnType<typeof noteOptions>) {
  countInputs();
  shownPassing.set(note.toastId, inputs);
  return {
    ...note,
    onStatusChange: (e: null, data: { status: string }) => {
      if (data.status === 'unmounted') shownPassing.delete(note.toastId);
      note.onStatusChange(e, data);
    },
  };
}

let noteCount = 0;
/** A note's options: its own id (marked on its content), and the cover measured again at each change. */
function noteOptions(kind: string) {
  const toastId = `${kind}-${++noteCount}`;
  return {
    toastId,
    onStatusChange: (_e: null, { status }: { status: string }) => {
      if (status === 'dismissed') leaving.add(toastId);
      if (status === 'unmounted') leaving.delete(toastId);
      measureCover();
    },
  };
}

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
      const note = passing(noteOptions('success'));
      const toastId = note.toastId;
      shownSuccess = toastId;
      dispatchToast(
        <Toast data-note-id={toastId}>
          <ToastTitle>{text}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        {
          intent: 'success',
          timeout: 4000,
          toastId,
          onStatusChange: (e, data) => {
            if (data.status === 'unmounted' && shownSuccess === toastId) shownSuccess = undefined;
            note.onStatusChange(e, data);
          },
        },
      );
    },
    [dispatchToast, dismissToast],
  );
  const error = useCallback(
    (e: unknown) => {
      const note = noteOptions('error');
      shownErrors.add(note.toastId);
      dispatchToast(
        <Toast data-note-id={note.toastId}>
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
        // An error stays until dismissed (or the page left): it may explain why nothing happened, and is read at
        // the user's pace.
        {
          intent: 'error',
          timeout: -1,
          ...note,
          onStatusChange: (ev, data) => {
            if (data.status === 'unmounted') shownErrors.delete(note.toastId);
            note.onStatusChange(ev, data);
          },
        },
      );
    },
    [dispatchToast, t],
  );
  const info = useCallback(
    (title: string, body?: string) => {
      const note = passing(noteOptions('info'));
      dispatchToast(
        <Toast data-note-id={note.toastId}>
          <ToastTitle>{title}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        { intent: 'info', timeout: 6000, ...note },
      );
    },
    [dispatchToast],
  );
  return { success, error, info };
}

/**
 * Takes the notes of the page left away: the shell calls it when the page changes. Every error (one of the
 * page left, a save refused there, would read as the new page's), and the success and info notes the user
 * has gone on from (see shownPassing). A note raised after the change stays.
 */
export function useDismissPageNotes(): () => void {
  const { dismissToast } = useToastController(TOASTER_ID);
  return useCallback(() => {
    for (const id of shownErrors) dismissToast(id);
    for (const [id, seen] of shownPassing) if (seen < inputs) dismissToast(id);
  }, [dismissToast]);
}
