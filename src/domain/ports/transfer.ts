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

/** What a segment package holds, read and validated in full (nothing written). */
export interface SegmentPackageSummary {
  /** The segment's id: the same segment when imported before. */
  id: string;
  segmentNo: string;
  description: string;
  lines: number;
  criteriaActions: number;
  /** The numbers of the contacts it carries. */
  contactNos: string[];
}

/** Segment packages and workspace backups (src/store/segmentPackage.ts and backup.ts). */
export interface TransferApi {
  exportSegment(segmentNo: string): Promise<unknown>;
  /** Validates a package as importSegment would, without writing; throws INVALID_PACKAGE as it does. */
  readSegment(text: string): Promise<SegmentPackageSummary>;
  importSegment(text: string): Promise<SegmentPackageReport>;
  backup(onProgress?: (done: number, total: number) => void): Promise<Blob>;
  validateBackup(text: string): Promise<{ total: number }>;
  restore(text: string): Promise<{ total: number }>;
}
