// What this pane's user may do on the team server, so that the pages hide what the role cannot do
// (the server refuses it anyway). Members may change only their own logged segments and entries; only an
// administrator deletes them, changes Setup and deletes or renames codes. Without a team server, or on
// one without users (one person, no keys), everything is offered. On a server that needs personal keys (a
// shared workspace) a role not known yet (no key entered, a key refused, the server not answered since
// the pane opened, nothing remembered) gets a member's rights: a member is never led to work the server
// then refuses, and an administrator gets the administrator's actions as soon as the role is known.
import { useMemo, useSyncExternalStore } from 'react';
import type { SyncService } from '../../domain/ports/syncStatus';
import type { TeamUser } from '../../domain/ports/team';
import { useServices } from './services';

export interface RoleRights {
  user?: string;
  role?: TeamUser['role'];
  /** Setup: number series and defaults. */
  setup: boolean;
  /** Delete Canceled Segments / Delete Canceled Entries. */
  deleteLogged: boolean;
  /** Delete or rename a code in a code list. */
  changeCodes: boolean;
  /** Change a logged segment or an entry (canceled, evaluation, letter): an administrator any, a member their own. */
  changeRow(row: { userId: string }): boolean;
}

const unknown: TeamUser = { known: false };
const nobody = () => unknown;
const never = () => () => undefined;

/**
 * `keysRequired`: the server needs personal keys, so that a user without a role (not known yet) is not
 * one person alone on a server without users.
 */
export function rightsOf(u: TeamUser, keysRequired = false): RoleRights {
  const admin = u.role === 'admin' || (u.role === undefined && !keysRequired);
  return {
    user: u.user,
    role: u.role,
    setup: admin,
    deleteLogged: admin,
    changeCodes: admin,
    changeRow: (row) => admin || (u.user !== undefined && row.userId === u.user),
  };
}

/**
 * Whether the pane's server needs personal keys: it asks for one or refuses the pane's; or, while the
 * server has not told who the user is, the pane has a key (kept for a server that needs one).
 */
function needsKeys(sync: SyncService, u: TeamUser): boolean {
  const c = sync.getStatus().connection;
  return c === 'noKey' || c === 'refused' || (!u.known && sync.hasKey());
}

export function useRole(): RoleRights {
  const { team, sync } = useServices();
  const u = useSyncExternalStore(team ? team.subscribe : never, team ? team.getUser : nobody);
  const keysRequired = useSyncExternalStore(sync ? sync.subscribe : never, () => (sync ? needsKeys(sync, u) : false));
  return useMemo(() => rightsOf(u, keysRequired), [u, keysRequired]);
}
