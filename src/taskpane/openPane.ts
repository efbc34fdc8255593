// Opening the pane's workspace: the store with the shared workspace's outbox and sync loop, talking to
// the server the pane came from, and the team server's services. Its own chunk ("workspace"): the store
// with its schemas, the domain rules and the sync client are fetched beside the first page, which shows
// before they arrive (deferredWorkspace.ts, deferredServices.ts).
import { openWorkspace, type WorkspaceHandle } from '../store/index';
import { openPaneWorkspace } from '../sync/paneSync';
import type { SyncService } from '../domain/ports/syncStatus';
import type { TeamService } from '../domain/ports/team';
import { syncService } from './syncService';
import { teamService } from './teamService';

export interface Opened {
  workspace: WorkspaceHandle;
  /** Absent when the pane has no origin to reach a server (opened from a file). */
  sync?: SyncService;
  /** The user's role and a row's history, with the shared workspace. */
  team?: TeamService;
  /** After a backup was restored: the shared workspace pulls again at once. */
  onRestored?: () => void;
  close(): Promise<void>;
}

/**
 * The pane's own origin is its server; without one (`undefined`), the workspace stays in this browser.
 * `locale`: the one of the user's language, what a workspace whose Setup was never saved shows and reads
 * dates and numbers in (a saved Setup's locale is the workspace's, for every user).
 */
export async function openPane(origin: string | undefined, locale?: string): Promise<Opened> {
  if (!origin) {
    const workspace = await openWorkspace({ locale });
    return { workspace, close: async () => workspace.close() };
  }
  const pane = await openPaneWorkspace({ locale }, origin);
  const sync = syncService(pane.sync, origin);
  return {
    workspace: pane.workspace,
    sync,
    team: teamService(sync, origin),
    onRestored: () => pane.sync.notifyLocalChange(),
    close: () => pane.close(),
  };
}
