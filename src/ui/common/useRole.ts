// What this pane's user may do on the team server, so that the pages hide what the role cannot do
// (the server refuses it anyway). Without a team server, without users, or before the server answered,
// everything is offered. Members may change only their own logged segments and entries; only an
// administrator deletes them, changes Setup and deletes or renames codes.
import { useSyncExternalStore } from 'react';
import type { TeamService, TeamUser } from '../../domain/ports/team';
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

export function rightsOf(u: TeamUser): RoleRights {
  const admin = u.role === undefined || u.role === 'admin';
  return {
    user: u.user,
    role: u.role,
    setup: admin,
    deleteLogged: admin,
    changeCodes: admin,
    changeRow: (row) => admin || row.userId === u.user,
  };
}

export function useRole(): RoleRights {
  const team: TeamService | undefined = useServices().team;
  const u = useSyncExternalStore(team ? team.subscribe : never, team ? team.getUser : nobody);
  return rightsOf(u);
}
