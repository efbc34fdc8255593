// Segment packages and workspace backups for the pages, over the store's context.
import { backupWorkspace, restoreWorkspace, validateBackup } from '../store/backup';
import type { StoreContext } from '../store/context';
import { exportSegmentPackage, importSegmentPackage } from '../store/segmentPackage';
import type { TransferApi } from '../ui/services';

export function transferApi(ctx: StoreContext): TransferApi {
  return {
    exportSegment: (no) => exportSegmentPackage(ctx, no),
    importSegment: (text) => importSegmentPackage(ctx, text),
    backup: (onProgress) => backupWorkspace(ctx, onProgress),
    validateBackup: (text) => validateBackup(ctx, text),
    restore: (text) => restoreWorkspace(ctx, text),
  };
}
