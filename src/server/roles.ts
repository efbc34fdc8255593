// What a role may change (issue 12, "Roles and history"). Members create, edit and log segments and cancel
// their own logged segments and interaction log entries; only admins delete logged segments and entries,
// change Setup, move a number series back, delete or rename codes, and change another user's logged
// segments or entries (their letters included). With no users configured (one person on loopback) the
// server has no roles and everything is allowed. The server asks `forbiddenBy` for every changeset, with
// the rows as they are before it, inside the push's transaction.
import type { Change, SyncTable } from '../domain/syncProtocol';
import type { UserRole } from './users';

export interface RoleContext {
  userId?: string;
  /** Undefined on a server without users: everything allowed. */
  role?: UserRole;
}

/** The codes tables: a code's rows may be referenced by segments, lines and entries. */
const codeTables = new Set<SyncTable>([
  'salespeople',
  'interactionGroups',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
  'languages',
  'territories',
  'interactionTemplates',
]);
/** Rows that record who did something: members change only their own. */
const ownedTables = new Set<SyncTable>(['loggedSegments', 'interactionLog']);

const label: Partial<Record<SyncTable, string>> = {
  loggedSegments: 'logged segment',
  interactionLog: 'interaction log entry',
};

/** Natural order of two number-series values ("SEG00012" < "SEG00100"): digits compared as numbers. */
function seriesBefore(next: string, current: string): boolean {
  return next.localeCompare(current, 'en', { numeric: true }) < 0;
}

/**
 * The rule a change breaks for this user, as the reason the pane shows; undefined when allowed.
 * `current` is the row's value before the change (undefined for a new or deleted row).
 */
export function forbiddenChange(
  ctx: RoleContext,
  change: Change,
  current: Record<string, unknown> | undefined,
): string | undefined {
  if (ctx.role === undefined || ctx.role === 'admin') return undefined;
  const who = `${ctx.userId ?? 'this user'} is a member`;
  const { table } = change;
  const where = `${table} ${change.id}`;
  if (table === 'setup') return `only an administrator may change Setup (${who})`;
  if (table === 'series') {
    const next = String(change.value?.lastNo ?? '');
    const now = current ? String(current.lastNo ?? '') : '';
    if (change.op === 'delete' || (current && seriesBefore(next, now)))
      return `only an administrator may move the number series ${change.id} back (${now} → ${next || 'deleted'}; ${who})`;
    return undefined;
  }
  if (codeTables.has(table) && current) {
    if (change.op === 'delete')
      return `only an administrator may delete the code ${String(current.code)} (${where}; ${who})`;
    if (change.value?.code !== current.code)
      return `only an administrator may rename the code ${String(current.code)} to ${String(change.value?.code)} (${where}; ${who})`;
    return undefined;
  }
  if (ownedTables.has(table)) {
    const what = `${label[table]} ${String(current?.entryNo ?? change.value?.entryNo ?? change.id)}`;
    if (change.op === 'delete')
      return current
        ? `only an administrator may delete the ${what} (${who}; a member may cancel their own)`
        : undefined;
    if (!current) return undefined;
    const owner = String(current.userId ?? '');
    if (owner !== ctx.userId) {
      const letter = change.value?.letter !== current.letter ? ' or its letter' : '';
      return `only an administrator may change another user's ${what}${letter} (it belongs to ${owner || 'nobody'}; ${who})`;
    }
  }
  return undefined;
}

/** The first rule a changeset breaks, or undefined. */
export function forbiddenBy(
  ctx: RoleContext,
  changes: Change[],
  currentOf: (change: Change) => Record<string, unknown> | undefined,
): string | undefined {
  if (ctx.role === undefined || ctx.role === 'admin') return undefined;
  for (const c of changes) {
    const rule = forbiddenChange(ctx, c, currentOf(c));
    if (rule) return rule;
  }
  return undefined;
}

/** What the pane may offer a role (the pane hides what the role cannot do). */
export function roleAllows(role: UserRole | undefined): {
  setup: boolean;
  deleteLogged: boolean;
  renameCodes: boolean;
  othersEntries: boolean;
} {
  const admin = role === undefined || role === 'admin';
  return { setup: admin, deleteLogged: admin, renameCodes: admin, othersEntries: admin };
}
