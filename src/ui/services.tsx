// What the pages get from the taskpane: the workspace (the one door to the data), the file transfer
// functions (segment packages, backup), the per-host preferences, and what the host offers.
import { createContext, useContext, type ReactNode } from 'react';
import type { Workspace } from '../domain/workspace';

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

export interface Services {
  workspace: Workspace;
  transfer?: TransferApi;
  preferences: Preferences;
  host: 'Excel' | 'Word' | 'none';
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
