// What the pages get from the taskpane: the workspace (the one door to the data), the file transfer
// functions (segment packages, backup), the per-host preferences, what the host offers, and the
// shared workspace's sync status. Their contracts live in src/domain/ports.
import { createContext, useContext, type ReactNode } from 'react';
import type { Preferences } from '../../domain/ports/preferences';
import type { SyncService } from '../../domain/ports/syncStatus';
import type { TeamService } from '../../domain/ports/team';
import type { TransferApi } from '../../domain/ports/transfer';
import type { Workspace } from '../../domain/workspace';

export interface Services {
  workspace: Workspace;
  transfer?: TransferApi;
  preferences: Preferences;
  host: 'Excel' | 'Word' | 'none';
  /** The shared workspace; absent when the pane has no server to reach. */
  sync?: SyncService;
  /** The user's role and rows' history on the team server; absent without one (everything allowed). */
  team?: TeamService;
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
