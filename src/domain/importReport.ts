/** What an upsert of rows reports (workspace-api.md, ImportReport). */
export interface ImportReport {
  inserted: number;
  updated: number;
  rejected: { index: number; key?: string; issues: string[] }[];
  results: { index: number; key: string; outcome: 'inserted' | 'updated' | 'rejected' }[];
}
