// Who changed a row and when: every write of a row is recorded with its revision, in the push's own
// transaction; the changeset of that revision names the user (from the key) and the time it was applied.
import { syncTables, type SyncTable } from '../domain/syncProtocol';
import type { Sql } from './sql';
import { BadRequest } from './syncService';

export interface HistoryEntry {
  rev: number;
  op: 'put' | 'delete';
  /** The user of the key that pushed it; '' on a server without users. */
  user: string;
  at: string;
  changesetId: string;
}

/** Creates the history table when missing (idempotent; run at start after the migrations). */
export async function ensureHistory(sql: Sql): Promise<void> {
  await sql.query(`create table if not exists sync_row_history (
    tbl text not null,
    id text not null,
    rev bigint not null,
    deleted boolean not null,
    primary key (tbl, id, rev)
  )`);
}

/**
 * Records one changeset's writes: the statement part that inserts the history of the rows a `written`
 * query returns (tbl, id, rev, deleted), run in the same statement as the write (syncService.ts). A
 * plain insert: a changeset writes each row once (its changes are collapsed) at a revision no other
 * changeset has, so no entry can be there already (checking for one cost a fifth of the write).
 */
export const HISTORY_FROM_WRITTEN = `insert into sync_row_history (tbl, id, rev, deleted)
  select tbl, id, rev, deleted from written`;

/** The row's history, oldest first; bad input refused with what and where. */
export async function readHistory(
  sql: Sql,
  table: string | null,
  id: string | null,
): Promise<{ table: SyncTable; id: string; entries: HistoryEntry[] }> {
  if (!table || !(syncTables as readonly string[]).includes(table))
    throw new BadRequest(
      `table must be one of the workspace tables (${syncTables.join(', ')}), got ${JSON.stringify(table ?? '')}`,
    );
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new BadRequest(
      `id must be a row id (letters, digits, _ and -, at most 64), got ${JSON.stringify((id ?? '').slice(0, 70))}`,
    );
  const rows = await sql.query<{
    rev: number | string;
    deleted: boolean;
    user_id: string;
    applied_at: Date | string;
    cs: string;
  }>(
    `select h.rev, h.deleted, c.user_id, c.applied_at, c.id as cs from sync_row_history h join sync_changesets c on c.rev = h.rev
     where h.tbl = $1 and h.id = $2 order by h.rev`,
    [table, id],
  );
  return {
    table: table as SyncTable,
    id,
    entries: rows.map((r) => ({
      rev: Number(r.rev),
      op: r.deleted ? 'delete' : 'put',
      user: r.user_id,
      at: new Date(r.applied_at).toISOString(),
      changesetId: r.cs,
    })),
  };
}
