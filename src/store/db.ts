// The Dexie database: table names and schema versions. A released version is frozen; a change is a
// new version with its upgrade() and a test from a frozen fixture of the old one (test/store/migrations).
import Dexie, { type Table } from 'dexie';
import type { CodeDescription, Language, Salesperson, Territory } from '../domain/codes';
import type { Contact } from '../domain/contact';
import type { CriteriaAction, SavedCriteria } from '../domain/criteria';
import type { InteractionTemplate } from '../domain/interaction';
import type { InteractionLogEntry, LoggedSegmentRecord } from '../domain/log';
import type { SegmentHeaderRecord, SegmentLine } from '../domain/segment';
import type { Profile, SeriesKind, Setup } from '../domain/setup';
import { syncTables, type SyncTable } from '../domain/syncProtocol';
import { fillAllFigures, figureTablesOf, figuresMiddleware } from './figures';

export const DEFAULT_DB_NAME = 'segments';

export interface SeriesRecord {
  id: SeriesKind;
  /** The last number issued (a series never issues a number twice). */
  lastNo: string;
  updatedAt: string;
}

/** One mutation recorded for the shared workspace (written by the outbox middleware). */
export interface OutboxRow {
  seq?: number;
  txId: string;
  table: string;
  key: string;
  op: 'put' | 'delete';
  value?: unknown;
  before?: unknown;
  action?: unknown;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

/** Every table of schema version 1, by name. */
export const schemaV1 = {
  setup: 'id',
  profile: 'id',
  series: 'id',
  contacts:
    'id, &no, companyNo, salespersonCode, *mailingGroups, *industryGroups, *jobResponsibilities, *businessRelations, email',
  salespeople: 'id, &code',
  interactionGroups: 'id, &code',
  mailingGroups: 'id, &code',
  industryGroups: 'id, &code',
  jobResponsibilities: 'id, &code',
  businessRelations: 'id, &code',
  languages: 'id, &code',
  interactionTemplates: 'id, &code',
  segments: 'id, &no',
  segmentLines: 'id, segmentId, &[segmentId+lineNo], contactNo',
  criteriaActions: 'id, segmentId, &[segmentId+actionNo]',
  savedCriteria: 'id, &code',
  loggedSegments: 'id, &entryNo, segmentNo',
  interactionLog: 'id, &entryNo, contactNo, segmentNo, loggedSegmentId, loggedSegmentEntryNo, date',
  // The shared workspace (sync.md): the outbox of pending changes and the client's sync state. Local only.
  outbox: '++seq, txId',
  syncState: 'key',
} as const;

/**
 * Schema version 2: the interaction log's filters read through compound indexes that end in the entry
 * number, so a contact's, a segment's or a logged segment's entries come in entry order in one range
 * read (a non-unique index gives them in id order, to be sorted after reading). The single indexes
 * they replace still answer where('contactNo') and the others: Dexie reads the compound's first part.
 */
export const schemaV2 = {
  ...schemaV1,
  interactionLog:
    'id, &entryNo, [contactNo+entryNo], [segmentNo+entryNo], loggedSegmentId, [loggedSegmentEntryNo+entryNo], date',
} as const;

/** Schema version 4: the Territories code list (a contact's Territory Code is checked against it). */
export const schemaV4 = { territories: 'id, &code' } as const;

/**
 * The schema versions whose records have the current shape (they differ in indexes only): a backup
 * written by any of them restores as it is.
 */
export const sameRecordVersions: readonly number[] = [1, 2, 3, 4];

/**
 * Schema version 3: the figures the Segments and Logged Segments lists show are stored on the header and
 * the logged segment (figures.ts). No index changes; the upgrade fills the figures of existing rows. The
 * records of versions 1 and 2 differ only in lacking them (optional fields): their backups restore, and
 * the restore fills them.
 */
export const schemaV3 = schemaV2;

/** Tables that hold workspace data (synced); the others are this pane's own. */
export const dataTables = syncTables;
export type DataTableName = SyncTable;
export const localTables = ['profile', 'outbox', 'syncState'] as const;

export class SegmentsDb extends Dexie {
  setup!: Table<Setup, string>;
  profile!: Table<Profile, string>;
  series!: Table<SeriesRecord, string>;
  contacts!: Table<Contact, string>;
  salespeople!: Table<Salesperson, string>;
  interactionGroups!: Table<CodeDescription, string>;
  mailingGroups!: Table<CodeDescription, string>;
  industryGroups!: Table<CodeDescription, string>;
  jobResponsibilities!: Table<CodeDescription, string>;
  businessRelations!: Table<CodeDescription, string>;
  languages!: Table<Language, string>;
  territories!: Table<Territory, string>;
  interactionTemplates!: Table<InteractionTemplate, string>;
  segments!: Table<SegmentHeaderRecord, string>;
  segmentLines!: Table<SegmentLine, string>;
  criteriaActions!: Table<CriteriaAction, string>;
  savedCriteria!: Table<SavedCriteria, string>;
  loggedSegments!: Table<LoggedSegmentRecord, string>;
  interactionLog!: Table<InteractionLogEntry, string>;
  outbox!: Table<OutboxRow, number>;
  syncState!: Table<KeyValueRow, string>;

  constructor(name: string, deps?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, deps?.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(schemaV1);
    // Only indexes change: IndexedDB builds the new ones from the stored records, nothing to rewrite.
    this.version(2).stores(schemaV2);
    this.version(3)
      .stores(schemaV3)
      .upgrade((tx) => fillAllFigures(figureTablesOf(tx)));
    // A new, empty table: nothing stored before changes.
    this.version(4).stores(schemaV4);
    // The list figures of every action's segments and logged segments, kept by difference (figures.ts).
    this.use(figuresMiddleware());
  }
}
