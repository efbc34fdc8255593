// Segment packages and workspace backups, as the pane calls them (the taskpane builds them over the store).

/** What importing a segment package did. */
export interface SegmentPackageReport {
  /** The number the segment has in this workspace now. */
  segmentNo: string;
  /** Set when the package's number was used by another segment here: the number it had in the package. */
  renumberedFrom?: string;
  segment: 'inserted' | 'updated';
  lines: number;
  criteriaActions: number;
  contacts: { inserted: number; updated: number };
}

/** Segment packages and workspace backups (src/store/segmentPackage.ts and backup.ts). */
export interface TransferApi {
  exportSegment(segmentNo: string): Promise<unknown>;
  importSegment(text: string): Promise<SegmentPackageReport>;
  backup(onProgress?: (done: number, total: number) => void): Promise<Blob>;
  validateBackup(text: string): Promise<{ total: number }>;
  restore(text: string): Promise<{ total: number }>;
}
