// Segment packages and workspace backups for the pages, over the store's context. The modules (and
// dexie-export-import) are fetched the first time they are used, so they stay out of the first load.
import type { StoreContext } from '../store/context';
import type { TransferApi } from '../ui/services';

const packages = () => import(/* webpackChunkName: "transfer-store" */ '../store/segmentPackage');
const backups = () => import(/* webpackChunkName: "transfer-store" */ '../store/backup');

export function transferApi(ctx: StoreContext): TransferApi {
  return {
    exportSegment: async (no) => (await packages()).exportSegmentPackage(ctx, no),
    importSegment: async (text) => (await packages()).importSegmentPackage(ctx, text),
    backup: async (onProgress) => (await backups()).backupWorkspace(ctx, onProgress),
    validateBackup: async (text) => (await backups()).validateBackup(ctx, text),
    restore: async (text) => (await backups()).restoreWorkspace(ctx, text),
  };
}
