// What the Segments page's empty list says depends on the workspace: empty (no contacts yet: the first-run
// welcome), or with contacts and perhaps logged segments (no welcome; the way to Logged Segments).
import { useState } from 'react';
import { useLiveQuery } from '../common/useLiveQuery';
import { useWorkspace } from '../common/services';

export interface WorkspaceStart {
  /** The workspace had no contact when the page opened: the welcome stays for this visit. */
  fresh: boolean;
  loggedSegments: number;
}

/**
 * Read only while `wanted` (the open segment list is empty); `undefined` while loading. `fresh` is decided
 * once per visit: a user who loads the sample workspace or imports from the welcome keeps it (its sample
 * button and next step) until the page is opened again.
 */
export function useWorkspaceStart(wanted: boolean): WorkspaceStart | undefined {
  const workspace = useWorkspace();
  const now = useLiveQuery(async () => {
    if (!wanted) return undefined;
    const contacts = await workspace.contacts.count();
    return { contacts, loggedSegments: contacts ? (await workspace.loggedSegments.list()).length : 0 };
  }, [workspace, wanted]);
  const [fresh, setFresh] = useState<boolean>();
  if (now && fresh === undefined) setFresh(now.contacts === 0);
  if (!now || fresh === undefined) return undefined;
  return { fresh, loggedSegments: now.loggedSegments };
}
