// Segment packages and workspace backups, as the pane calls them (the taskpane builds them over the store).

/** What importing a segment package did. */
export interface SegmentPackageReport {
  /** The number the segment has in this workspace now. */
  segmentNo: string;
  /** Set when the package's number was used by another segment here: the number it had in the package. */
  renumberedFrom?: string;
  /** 'unchanged': the segment was here with the package's header, lines and criteria (nothing written). */
  segment: 'inserted' | 'updated' | 'unchanged';
  lines: number;
  criteriaActions: number;
  /** Every contact of the package, once: new here, changed here, or here as the package has it (not written). */
  contacts: { inserted: number; updated: number; unchanged: number };
}

/** What a segment package holds, read and validated in full (nothing written). */
export interface SegmentPackageContents {
  /** The segment's id: the same segment when imported before. */
  id: string;
  segmentNo: string;
  description: string;
  lines: number;
  criteriaActions: number;
  /** The numbers of the contacts it carries. */
  contactNos: string[];
}

/**
 * A package and what importing it would do in this workspace as it is now, compared record by record as
 * the import compares them (nothing written): so that the question before a re-import names only what
 * really changes.
 */
export interface SegmentPackageSummary extends SegmentPackageContents {
  /** The same segment here (imported before), as it is now; absent when the import would insert it. */
  here?: { segmentNo: string; description: string; lines: number; criteriaActions: number };
  /** As SegmentPackageReport's: what the import would do to the segment. */
  segment: SegmentPackageReport['segment'];
  /** What of the segment here the package replaces (all false unless `segment` is 'updated'). */
  changes: { description: boolean; otherFields: boolean; lines: boolean; criteria: boolean };
  /** As SegmentPackageReport's: how many of its contacts would be new, changed, or left as they are. */
  contacts: SegmentPackageReport['contacts'];
}

/** Segment packages and workspace backups (src/store/segmentPackage.ts and backup.ts). */
export interface TransferApi {
  exportSegment(segmentNo: string): Promise<unknown>;
  /**
   * Validates a package as importSegment would, and says what it would change here, without writing;
   * throws INVALID_PACKAGE as it does.
   */
  readSegment(text: string): Promise<SegmentPackageSummary>;
  importSegment(text: string): Promise<SegmentPackageReport>;
  backup(onProgress?: (done: number, total: number) => void): Promise<Blob>;
  validateBackup(text: string): Promise<{ total: number }>;
  restore(text: string): Promise<{ total: number }>;
}
