// The shape of the workspace (workspace-api.md): the one door to the data. Types only; the
// implementation is src/store. Add freely; do not rename.
import type { CodeDescription, CodeUsage, Language, Salesperson, Territory } from './codes';
import type { Contact } from './contact';
import type {
  AddContactsOptions,
  CriteriaActionView,
  CriteriaFilters,
  CriteriaStep,
  RemoveContactsOptions,
  SavedCriteria,
  StepResult,
} from './criteria';
import type { DeliveryStatus, Evaluation } from './enums';
import type { ImportReport } from './importReport';
import type { CodeListName } from './importResolve';
import type { SampleWorkspaceResult } from './sampleWorkspace';
import type { InteractionTemplate } from './interaction';
import type { InteractionLogEntry, LogOptions, LogPreview, LogResult, LoggedSegment } from './log';
import type { SegmentHeader, SegmentHeaderInput, SegmentLine, SegmentLineInput } from './segment';
import type { Profile, Setup } from './setup';

export interface SegmentView {
  header: SegmentHeader;
  lines: SegmentLine[];
  criteria: CriteriaActionView[];
}

export interface CodeListApi<T> {
  upsert(rows: unknown[]): Promise<ImportReport>;
  /**
   * New records only (BC's Insert): a code already in the list refuses the whole call with
   * ALREADY_EXISTS (details: code, field), checked in the transaction that writes; nothing is written.
   */
  insert(rows: unknown[]): Promise<ImportReport>;
  list(): Promise<T[]>;
  get(code: string): Promise<T | undefined>;
  /** Where the code is used (what removing it leaves without it), counted in one read. */
  usage(code: string): Promise<CodeUsage>;
  /** Removes the record; a mailing group, industry group, job responsibility or business relation is also taken off every contact that has it (BC's cascade). */
  remove(code: string): Promise<void>;
}

export interface InteractionLogFilter {
  /** A BC filter expression on the Contact No. (a number holding filter characters is quoted). */
  contactNo?: string;
  /** A BC filter expression on the Segment No. */
  segmentNo?: string;
  loggedSegmentEntryNo?: number;
  canceled?: boolean;
  interactionTemplateCode?: string;
  salespersonCode?: string;
  /** A BC filter expression on the date. */
  date?: string;
}

/** A large write: `onProgress(done, total)`, called after each batch; `batch`: rows per batch (default: the store's). */
export interface WriteProgress {
  onProgress?: (done: number, total: number) => void;
  batch?: number;
}

export interface Workspace {
  close(): void;

  setup: { get(): Promise<Setup>; update(patch: Partial<Setup>): Promise<Setup> };
  profile: { get(): Promise<Profile>; update(patch: Partial<Profile>): Promise<Profile> };

  contacts: {
    upsert(rows: unknown[], options?: WriteProgress): Promise<ImportReport>;
    /** An import's write: the codes it creates in their lists, then its rows, in one transaction. */
    importRows(
      input: { rows: unknown[]; createCodes?: { list: CodeListName; code: string }[] },
      options?: WriteProgress,
    ): Promise<ImportReport>;
    nextNos(count: number): Promise<string[]>;
    get(no: string): Promise<Contact | undefined>;
    list(filters?: CriteriaFilters): Promise<Contact[]>;
    /** How many contacts the workspace has (no contact is read). */
    count(): Promise<number>;
    remove(no: string): Promise<void>;
  };
  salespeople: CodeListApi<Salesperson>;
  interactionGroups: CodeListApi<CodeDescription>;
  mailingGroups: CodeListApi<CodeDescription>;
  industryGroups: CodeListApi<CodeDescription>;
  jobResponsibilities: CodeListApi<CodeDescription>;
  businessRelations: CodeListApi<CodeDescription>;
  languages: CodeListApi<Language>;
  territories: CodeListApi<Territory>;
  interactionTemplates: CodeListApi<InteractionTemplate>;

  segments: {
    create(input?: Partial<SegmentHeaderInput>): Promise<SegmentHeader>;
    get(no: string): Promise<SegmentView | undefined>;
    list(): Promise<SegmentHeader[]>;
    updateHeader(
      no: string,
      patch: Partial<SegmentHeaderInput>,
      opts?: { updateLines?: boolean },
    ): Promise<SegmentView>;
    addLine(no: string, contactNo: string): Promise<SegmentLine>;
    updateLine(no: string, lineNo: number, patch: Partial<SegmentLineInput>): Promise<SegmentLine>;
    removeLine(no: string, lineNo: number): Promise<void>;
    addContacts(no: string, filters: CriteriaFilters, opts?: AddContactsOptions): Promise<StepResult>;
    addContactList(
      no: string,
      contactNos: string[],
      opts?: AddContactsOptions & { source?: string },
    ): Promise<StepResult>;
    reduceContacts(no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions): Promise<StepResult>;
    refineContacts(no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions): Promise<StepResult>;
    previewStep(no: string, step: CriteriaStep): Promise<StepResult>;
    goBack(no: string): Promise<StepResult>;
    saveCriteria(no: string, code: string, description?: string): Promise<SavedCriteria>;
    reuseCriteria(no: string, code: string): Promise<StepResult>;
    reuseLoggedSegment(
      no: string,
      loggedSegmentEntryNo: number,
      opts?: { allowExistingContacts?: boolean },
    ): Promise<StepResult>;
    applyMailingGroup(no: string, mailingGroupCode: string, opts?: { deleteOldAssignments?: boolean }): Promise<void>;
    previewLog(no: string, opts?: LogOptions): Promise<LogPreview>;
    log(no: string, opts?: LogOptions): Promise<LogResult>;
    remove(no: string): Promise<void>;
  };

  savedCriteria: {
    list(): Promise<SavedCriteria[]>;
    get(code: string): Promise<SavedCriteria | undefined>;
    remove(code: string): Promise<void>;
  };

  loggedSegments: {
    list(): Promise<LoggedSegment[]>;
    get(entryNo: number): Promise<LoggedSegment | undefined>;
    /** Sets the check mark in Canceled (cascading to the entries): the recorded action names the value. */
    setCanceled(entryNo: number, canceled: boolean): Promise<LoggedSegment>;
    /** Switch Check Mark in Canceled: setCanceled with the opposite of what the pane shows. */
    toggleCanceled(entryNo: number): Promise<LoggedSegment>;
    /** `description`: the follow-up's, in the pane's language (default: BC's English caption). */
    createFollowUp(entryNo: number, opts?: { description?: string }): Promise<SegmentHeader>;
    deleteCanceled(): Promise<number>;
  };

  interactionLog: {
    list(filter?: InteractionLogFilter): Promise<InteractionLogEntry[]>;
    /** The first `limit` entries of the filter, in entry order, and whether more follow: what a page opens with. */
    page(filter: InteractionLogFilter, limit: number): Promise<{ entries: InteractionLogEntry[]; more: boolean }>;
    /** How many entries match the filter. */
    count(filter?: InteractionLogFilter): Promise<number>;
    get(entryNo: number): Promise<InteractionLogEntry | undefined>;
    setCanceled(entryNo: number, canceled: boolean): Promise<InteractionLogEntry>;
    toggleCanceled(entryNo: number): Promise<InteractionLogEntry>;
    setEvaluation(entryNo: number, evaluation: Evaluation): Promise<InteractionLogEntry>;
    setDeliveryStatus(entryNo: number, status: DeliveryStatus): Promise<InteractionLogEntry>;
    deleteCanceled(): Promise<number>;
  };

  /** The sample workspace: loaded in one action, removed in one action (only what it created). */
  sampleWorkspace: {
    load(): Promise<SampleWorkspaceResult>;
    remove(): Promise<SampleWorkspaceResult>;
    status(): Promise<{ loaded: boolean }>;
  };
}

export interface OpenWorkspaceOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  now?: () => Date;
  locale?: string;
  /** The one id allocator (ULIDs); injected to replay an action with the same ids. */
  newId?: () => string;
}
