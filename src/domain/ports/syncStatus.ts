// The shared workspace's status, as the sync client keeps it and the pane shows it.
import type { CodeListArea } from '../actionNames';

/** An action whose replay the rules refused: shown to the user with why, and a retry. */
export interface FailedAction {
  id: string;
  name: string;
  /** The recorded arguments (records by id, states by value). */
  args: unknown[];
  /** The number the user saw the action about (segment no., entry no.), for the pane's words. */
  about?: string;
  /** The format of `args` (RecordedAction.v); absent when recorded by an earlier version. */
  v?: number;
  at: string;
  code: string;
  message: string;
  /** The refusal's details (SegmentsError), so that the pane can say it in the user's words. */
  details?: Record<string, unknown>;
}

/**
 * A number that changed on replay because someone else took it first. Interaction log entries are told
 * one item per logged segment (its id), their numbers as runs ("1–2" is now "4–5").
 */
export interface Renumbered {
  table: 'segments' | 'loggedSegments' | 'segmentLines' | 'interactionLog';
  id: string;
  from: string;
  to: string;
  action: string;
  /** For a line: the number of its segment; for entries: the number of their logged segment. */
  segmentNo?: string;
}

/**
 * The records edited field by field, as BC's cards are, whose values a later change of another pane may
 * replace: a segment's header and lines, logged segments and entries, Setup, every code list, a contact's
 * card.
 */
export type OverriddenTable =
  'segments' | 'segmentLines' | 'loggedSegments' | 'interactionLog' | 'setup' | 'contacts' | CodeListArea;

/**
 * A value this pane's user set (canceled, evaluation, delivery status, a header field) that a later change
 * from another pane replaced: the later wins, and this user is told.
 */
export interface Overridden {
  table: OverriddenTable;
  id: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  /** The action that set the value, and the number the user saw it about. */
  action: string;
  about?: string;
  /** The user whose later change replaced the value, when the server names one (a server with users). */
  by?: string;
}

/**
 * `offline`: the server cannot be reached; `unavailable`: something answers at the pane's origin but it
 * is not a working sync server (a plain web server, a 5xx); `refused`: the server refuses the key the pane
 * sent; `noKey`: the server needs a personal key and the pane has none.
 */
export type Connection = 'starting' | 'connected' | 'offline' | 'unavailable' | 'refused' | 'noKey' | 'stopped';

/** What the sync client knows: connected or offline, changes waiting, and every action that could not be applied. */
export interface SyncStatus {
  connection: Connection;
  /** Changesets waiting to be pushed. */
  pending: number;
  /** The server revision this pane has caught up to. */
  lastRev: number;
  lastError?: string;
  failed: FailedAction[];
  /** Numbers that changed because someone else took them first (the user is told the new number). */
  renumbered: Renumbered[];
  /** Values this user set that a later change from another user replaced (shown until OK, with the renumbered). */
  overridden?: Overridden[];
  /**
   * While a large pull arrives and is applied (more than one page, or many rows): the rows received so
   * far, so that the user knows the other pane's work is on its way. Absent otherwise.
   */
  receiving?: number;
  lastSyncAt?: string;
}

/** What the pane shows of it. */
export type SyncState = Pick<
  SyncStatus,
  'connection' | 'pending' | 'failed' | 'renumbered' | 'overridden' | 'receiving'
>;

/** The shared workspace as the pane uses it (the taskpane hands in src/sync's client behind it). */
/**
 * A personal key as the server judged it. `accepted`: the server answered with the key; `refused`: it
 * refused the key; `unreachable`: no answer to judge by (offline, the server stopped or failing,
 * something else at its address).
 */
export type KeyCheck = 'accepted' | 'refused' | 'unreachable';

export interface SyncService {
  /** For useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  getStatus(): SyncState;
  retry(failedId: string): Promise<unknown>;
  dismiss(failedId: string): Promise<void>;
  clearRenumbered(): void;
  /** The server the pane shares its workspace through (its own origin). */
  serverUrl: string;
  hasKey(): boolean;
  /** Keeps the personal key in this browser (blank removes it) and uses it from the next call. */
  saveKey(key: string): void;
  /** Asks the server whether it takes `key`, before the pane keeps it. */
  checkKey(key: string): Promise<KeyCheck>;
}
