// Segment packages and workspace backups for the pages. The package code (through the workspace, whose
// `packages.import` is an action the shared workspace records) and the backup module with
// dexie-export-import are fetched the first time they are used, so they stay out of the first load.
import type { WorkspaceHandle } from '../store/index';
import type { TransferApi } from '../domain/ports/transfer';
import { laterLoad } from '../ui/common/laterPart';

// Also fetched in the background once the pane is idle (backgroundParts.ts).
const backups = laterLoad(() => import(/* webpackChunkName: "transfer-store" */ '../store/backup'));
const packages = laterLoad(() => import(/* webpackChunkName: "transfer-store" */ '../store/segmentPackage'));

/**
 * `workspace` may still be opening (the pane shows before it has). `onRestored` runs after a backup
 * replaced the workspace (the shared workspace pulls again).
 */
export function transferApi(
  workspace: WorkspaceHandle | Promise<WorkspaceHandle>,
  onRestored?: () => void,
): TransferApi {
  return {
    exportSegment: async (no) => (await workspace).packages.export(no),
    readSegment: async (text) => (await packages()).previewSegmentPackage((await workspace).ctx, text),
    importSegment: async (text) => (await workspace).packages.import(text),
    backup: async (onProgress) => (await backups()).backupWorkspace((await workspace).ctx, onProgress),
    validateBackup: async (text) => (await backups()).validateBackup((await workspace).ctx, text),
    restore: async (text) => {
      const summary = await (await backups()).restoreWorkspace((await workspace).ctx, text);
      onRestored?.();
      return summary;
    },
  };
}
