// Backup and restore of the whole workspace in dexie-export-import's format (exportDB writes it). A
// restore reads and validates the whole file first (format, database, version, tables, every row against
// its schema); a corrupt or foreign file is refused with INVALID_PACKAGE and the data is not touched. The
// restore itself is one read-write transaction: all of it or nothing. (importInto is not used for it:
// its clearTablesBeforeImport runs outside its transaction, and its reading of the file ends any
// transaction around it.)
import { storedRowSchemas } from '../domain/storedRows';
import { exportDB, type ExportProgress } from 'dexie-export-import';
import * as z from 'zod/mini';
import { SegmentsError } from '../domain/errors';
import { profileSchema } from '../domain/setup';
import type { StoreContext } from './context';
import { dataTables, sameRecordVersions } from './db';
import { fillAllFigures } from './figures';
import { isSegmentPackageText } from './segmentPackage';
import { setOutboxBypass } from './outbox';
import { resetSyncState } from './syncPort';

/** What a backup holds: the workspace data and this pane's profile; never the sync outbox or cursor. */
const backupTables = [...dataTables, 'profile'] as const;
type BackupTable = (typeof backupTables)[number];
const skipTables = ['outbox', 'syncState'];

const seriesSchema = z.object({
  id: z.enum(['segment', 'contact', 'loggedSegment', 'interactionLogEntry']),
  lastNo: z.string(),
  updatedAt: z.string(),
});
// The synced tables' row schemas are the domain's one list; a backup adds the pane's profile and keeps
// its own series shape.
const rowSchemas: Record<BackupTable, z.ZodMiniType> = {
  ...storedRowSchemas,
  profile: profileSchema,
  series: seriesSchema,
};

const exportFileSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number() })),
    data: z.array(z.object({ tableName: z.string(), inbound: z.boolean(), rows: z.array(z.unknown()) })),
  }),
});

export interface BackupSummary {
  /** Rows per table, as in the file. */
  rows: Partial<Record<BackupTable, number>>;
  total: number;
}

/** The whole workspace as a dexie-export-import JSON blob. */
export async function backupWorkspace(
  ctx: StoreContext,
  onProgress?: (done: number, total: number) => void,
): Promise<Blob> {
  return exportDB(ctx.db, {
    skipTables,
    progressCallback: (p: ExportProgress) => {
      onProgress?.(p.completedRows, p.totalRows ?? 0);
      return true;
    },
  });
}

/** Reads and validates a backup file without writing anything; throws INVALID_PACKAGE saying what is wrong. */
export function validateBackup(ctx: StoreContext, text: string): BackupSummary {
  return readBackup(ctx, text).summary;
}

function readBackup(ctx: StoreContext, text: string): { summary: BackupSummary; tables: Map<BackupTable, unknown[]> } {
  let raw: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (e) {
    if (isSegmentPackageText(body)) throw segmentPackageError();
    if (looksLikeBackup(body))
      throw new SegmentsError('INVALID_PACKAGE', `The backup is cut off or damaged: ${(e as Error).message}`, {
        reason: 'damaged',
      });
    throw new SegmentsError('INVALID_PACKAGE', `The backup is not JSON: ${(e as Error).message}`);
  }
  if (isSegmentPackageText(body, raw)) throw segmentPackageError();
  const file = exportFileSchema.safeParse(raw);
  if (!file.success)
    throw new SegmentsError('INVALID_PACKAGE', 'The file is not a workspace backup (not a Dexie export).');
  const { data } = file.data;
  if (!data.tables.some((t) => t.name === 'segments') || !data.tables.some((t) => t.name === 'contacts')) {
    throw new SegmentsError(
      'INVALID_PACKAGE',
      `The file is a backup of another database (${data.databaseName}), not of a segments workspace.`,
    );
  }
  if (
    data.databaseVersion !== ctx.db.verno &&
    !(sameRecordVersions.includes(data.databaseVersion) && sameRecordVersions.includes(ctx.db.verno))
  ) {
    throw new SegmentsError(
      'INVALID_PACKAGE',
      `The backup is of schema version ${data.databaseVersion}; this add-in restores version ${ctx.db.verno}.`,
      {
        field: 'databaseVersion',
      },
    );
  }
  const rows: BackupSummary['rows'] = {};
  const tables = new Map<BackupTable, unknown[]>();
  let total = 0;
  for (const t of data.data) {
    if (skipTables.includes(t.tableName)) continue;
    if (!(backupTables as readonly string[]).includes(t.tableName)) {
      throw new SegmentsError(
        'INVALID_PACKAGE',
        `The backup has a table this workspace does not know: ${t.tableName}.`,
        { field: t.tableName },
      );
    }
    const name = t.tableName as BackupTable;
    const schema = rowSchemas[name];
    const keys = new Set<string>();
    const plainRows: unknown[] = [];
    t.rows.forEach((row, i) => {
      let plain = row;
      if (typeof row === 'object' && row !== null && '$types' in row) {
        const revived = reviveTypes(row as Record<string, unknown>);
        if (!revived) {
          throw new SegmentsError(
            'INVALID_PACKAGE',
            `The backup's ${name} row ${i + 1} holds values this workspace never stores.`,
            { field: name, index: i },
          );
        }
        plain = revived;
      }
      const r = schema.safeParse(plain);
      if (!r.success) {
        const issue = r.error.issues[0];
        throw new SegmentsError(
          'INVALID_PACKAGE',
          `The backup's ${name} row ${i + 1} is invalid at ${issue.path.join('.') || 'its top level'}: ${issue.message}`,
          {
            field: name,
            index: i,
          },
        );
      }
      const key = String((row as { id: unknown }).id);
      if (keys.has(key))
        throw new SegmentsError('INVALID_PACKAGE', `The backup's ${name} has the id ${key} twice.`, {
          field: name,
          index: i,
        });
      keys.add(key);
      plainRows.push(plain);
    });
    tables.set(name, plainRows);
    rows[name] = t.rows.length;
    total += t.rows.length;
  }
  return { summary: { rows, total }, tables };
}

/** A segment package chosen to restore: said to be one (it is imported, not restored), whole or cut off. */
function segmentPackageError(): SegmentsError {
  return new SegmentsError(
    'INVALID_PACKAGE',
    'The file is a segment package, not a workspace backup: a segment package is imported, not restored.',
    { reason: 'segmentPackage' },
  );
}

/**
 * Replaces the workspace with the backup: validated first, then every table cleared and filled in one
 * transaction (a failure leaves the data as it was). The restored rows are not changes to push (the
 * outbox does not record them); the sync state is reset in the same transaction (nothing pending, no
 * base revisions, cursor at 0), so the shared workspace re-pulls from scratch.
 */
export async function restoreWorkspace(ctx: StoreContext, text: string): Promise<BackupSummary> {
  const { summary, tables } = readBackup(ctx, text);
  const { db } = ctx;
  try {
    await db.transaction('rw', db.tables, async (tx) => {
      setOutboxBypass(tx.idbtrans, true);
      // The profile is this pane's user's (who they are, their salesperson, their language): a backup made
      // by a colleague must not make this user sign what they log with the colleague's User ID. Only a
      // pane whose user has not saved a profile yet (a new browser restoring its own backup) takes it.
      const keep = new Set(skipTables);
      if (await db.profile.get('profile')) keep.add('profile');
      for (const table of db.tables) if (!keep.has(table.name)) await table.clear();
      for (const [name, rows] of tables) if (rows.length && !keep.has(name)) await db.table(name).bulkAdd(rows);
      // A backup of version 1 or 2 has no stored figures, and a file's figures are not to be trusted:
      // they are computed from the restored lines and entries.
      await fillAllFigures(db);
      await resetSyncState(db);
    });
  } catch (e) {
    // A unique business key used twice (two contacts with one number…): the transaction rolled back.
    if ((e as { name?: string }).name === 'BulkError' || (e as { name?: string }).name === 'ConstraintError') {
      throw new SegmentsError(
        'INVALID_PACKAGE',
        `The backup breaks a unique key of the workspace: ${(e as Error).message}`,
      );
    }
    throw e;
  }
  return summary;
}

/**
 * Whether text that does not parse begins as this workspace's backups do (exportDB writes the format, then
 * the tables with their names): a backup cut off (a download that stopped, a copy of part of it) or
 * damaged, rather than a file of another kind.
 */
function looksLikeBackup(body: string): boolean {
  if (!/^\s*\{\s*"formatName"\s*:\s*"dexie"/.test(body)) return false;
  // Once its list of tables is whole (the rows follow it), it must be a segments workspace's.
  const rowsAt = body.search(/\]\s*,\s*"data"\s*:\s*\[/);
  return rowsAt < 0 || /"name"\s*:\s*"segments"/.test(body.slice(0, rowsAt));
}

/** Keys that lead from data to JavaScript's built-ins: never followed, never kept. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True when `value` holds one of FORBIDDEN_KEYS as an own key at any depth (JSON.parse keeps them as data). */
function holdsForbiddenKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > 64) return true;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return true;
    if (holdsForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * dexie-export-import's type annotations (`$types`: key path → type) that plain records can carry: marked
 * arrays, and properties that were undefined (written as 0). Anything else (dates, blobs, typed arrays) is
 * nothing this workspace stores: undefined is returned. The paths are applied to a detached copy, walking
 * only the copy's own plain objects and arrays: a path through __proto__, constructor or prototype (or a
 * row holding such a key) is refused, so a backup file can never reach the pane's built-ins.
 */
function reviveTypes(row: Record<string, unknown>): Record<string, unknown> | undefined {
  if (holdsForbiddenKey(row)) return undefined;
  const { $types, ...rest } = row;
  if (typeof $types !== 'object' || $types === null || Array.isArray($types)) return undefined;
  const out = structuredClone(rest);
  for (const [path, type] of Object.entries($types)) {
    if (type === 'arrayNonindexKeys') continue;
    if (type !== 'undef') return undefined;
    const keys = path.split('.').map((k) => k.replace(/~1/g, '.').replace(/~0/g, '~'));
    if (keys.some((k) => FORBIDDEN_KEYS.has(k))) return undefined;
    let target: unknown = out;
    for (const k of keys.slice(0, -1)) {
      if (!isContainer(target) || !Object.hasOwn(target, k)) return undefined;
      target = (target as Record<string, unknown>)[k];
    }
    if (!isContainer(target)) return undefined;
    const last = keys[keys.length - 1];
    if (Object.hasOwn(target, last)) delete (target as Record<string, unknown>)[last];
  }
  return out;
}

/** A plain object or array of the copy: nothing with a prototype of its own to reach. */
function isContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
