// Where the Segments page starts the user: while the workspace has no contacts, the first-run welcome (the
// ways in: a segment is made of contacts, so they come first, whatever segments there are); with contacts
// and no open segment, a sentence that fits and perhaps the way to Logged Segments.
import { useState } from 'react';
import { useLiveQuery } from '../common/useLiveQuery';
import { useWorkspace } from '../common/services';

export interface WorkspaceStart {
  /**
   * The welcome is shown: the workspace has no contact, or had none earlier in this visit (a user who loads
   * the sample workspace or imports from the welcome keeps it, its sample button and next step, until the
   * page is opened again).
   */
  welcome: boolean;
  /** Counted only while the open segment list is empty and the workspace has contacts. */
  loggedSegments: number;
}

/** `listEmpty`: the open segment list is empty. `undefined` while loading. */
export function useWorkspaceStart(listEmpty: boolean): WorkspaceStart | undefined {
  const workspace = useWorkspace();
  const now = useLiveQuery(async () => {
    const contacts = await workspace.contacts.count();
    return { contacts, loggedSegments: contacts && listEmpty ? (await workspace.loggedSegments.list()).length : 0 };
  }, [workspace, listEmpty]);
  const [seenEmpty, setSeenEmpty] = useState(false);
  if (now?.contacts === 0 && !seenEmpty) setSeenEmpty(true);
  if (!now) return undefined;
  return { welcome: seenEmpty || now.contacts === 0, loggedSegments: now.loggedSegments };
}
