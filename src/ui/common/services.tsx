// What the pages get from the taskpane: the workspace (the one door to the data), the file transfer
// functions (segment packages, backup), the per-host preferences, what the host offers, and the
// shared workspace's sync status.
import { createContext, useContext, type ReactNode } from 'react';
import type { Workspace } from '../../domain/workspace';

export interface PackageReport {
  segmentNo: string;
  renumberedFrom?: string;
  segment: 'inserted' | 'updated';
  lines: number;
  criteriaActions: number;
  contacts: { inserted: number; updated: number };
}

/** Segment packages and workspace backups (src/store/segmentPackage.ts and backup.ts). */
export interface TransferApi {
  exportSegment(segmentNo: string): Promise<unknown>;
  importSegment(text: string): Promise<PackageReport>;
  backup(onProgress?: (done: number, total: number) => void): Promise<Blob>;
  validateBackup(text: string): Promise<{ total: number }>;
  restore(text: string): Promise<{ total: number }>;
}

/** Per-host preferences (language choice, last segment, remembered column mappings). */
export interface Preferences {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
}

/** An action of this pane that the shared workspace could not apply (why, as a SegmentsError code and details). */
export interface FailedSyncAction {
  id: string;
  name: string;
  args: unknown[];
  at: string;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** What the pane shows of the shared workspace (the taskpane hands in src/sync's client). */
export interface SyncState {
  connection: 'starting' | 'connected' | 'offline' | 'unavailable' | 'refused' | 'stopped';
  /** Changes waiting to be sent. */
  pending: number;
  failed: FailedSyncAction[];
  /** Numbers that changed because someone else took them first. */
  renumbered: { table: 'segments' | 'loggedSegments'; id: string; from: string; to: string; action: string }[];
}

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
}

export interface Services {
  workspace: Workspace;
  transfer?: TransferApi;
  preferences: Preferences;
  host: 'Excel' | 'Word' | 'none';
  /** The shared workspace; absent when the pane has no server to reach. */
  sync?: SyncService;
}

const ServicesContext = createContext<Services | undefined>(undefined);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

export function useWorkspace(): Workspace {
  return useServices().workspace;
}
