// Create Follow-up Segment on a logged segment, guarded: one at a time per logged segment (a second click
// while it runs does nothing, and the page shows the action disabled), and when a follow-up segment of it
// is still open (an open segment named as a follow-up on it is named: in the pane's language, or in BC's
// English, the store's name when a pane gives none), the user is asked first, with its number.
import { useRef, useState } from 'react';
import { defaultFollowUpDescription, type LoggedSegment } from '../../domain/log';
import type { Workspace } from '../../domain/workspace';
import { useConfirm } from '../common/confirm';
import { useI18n, type Translate } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import type { Navigate } from '../shell/pageRegistry';

/** The open segments named as a follow-up on `segmentNo` (the log's option or this action names them so). */
async function openFollowUps(workspace: Workspace, t: Translate, segmentNo: string): Promise<string[]> {
  const names = new Set([defaultFollowUpDescription(segmentNo), t('log.followUpDescription', { no: segmentNo })]);
  return (await workspace.segments.list()).filter((h) => names.has(h.description)).map((h) => h.no);
}

export function useFollowUp(navigate: Navigate) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  // The logged segments whose follow-up is being created: a ref, so that a second click in the same
  // moment sees the first; a state, so that the menu shows the action disabled.
  const running = useRef(new Set<number>());
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const mark = (entryNo: number, on: boolean) => {
    if (on) running.current.add(entryNo);
    else running.current.delete(entryNo);
    setBusy(new Set(running.current));
  };

  const create = async (l: LoggedSegment) => {
    if (running.current.has(l.entryNo)) return;
    mark(l.entryNo, true);
    try {
      const open = await openFollowUps(workspace, t, l.segmentNo);
      const text = t('logged.followUpOpen', { n: open.length, nos: open.join(', '), no: l.segmentNo });
      if (open.length > 0 && !(await confirm({ title: t('logged.createFollowUp'), text }))) return;
      // Named in the user's language; the description is recorded with the action.
      const h = await workspace.loggedSegments.createFollowUp(l.entryNo, {
        description: t('log.followUpDescription', { no: l.segmentNo }),
      });
      notify.success(t('logged.followUpDone', { no: h.no }));
      navigate({ page: 'segment', no: h.no });
    } catch (e) {
      notify.error(e);
    } finally {
      mark(l.entryNo, false);
    }
  };
  return { create, running: (entryNo: number) => busy.has(entryNo) };
}
