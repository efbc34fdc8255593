// Segment packages and workspace backups for the pages. The package code (through the workspace, whose
// `packages.import` is an action the shared workspace records) and the backup module with
// dexie-export-import are fetched the first time they are used, so they stay out of the first load.
import type { WorkspaceHandle } from '../store/index';
import type { TransferApi } from '../domain/ports/transfer';

const backups = () => import(/* webpackChunkName: "transfer-store" */ '../store/backup');

/** `onRestored` runs after a backup replaced the workspace (the shared workspace pulls again). */
export function transferApi(workspace: WorkspaceHandle, onRestored?: () => void): TransferApi {
  const ctx = workspace.ctx;
  return {
    exportSegment: (no) => workspace.packages.export(no),
    importSegment: (text) => workspace.packages.import(text),
    backup: async (onProgress) => (await backups()).backupWorkspace(ctx, onProgress),
    validateBackup: async (text) => (await backups()).validateBackup(ctx, text),
    restore: async (text) => {
      const summary = await (await backups()).restoreWorkspace(ctx, text);
      onRestored?.();
      return summary;
    },
  };
}
