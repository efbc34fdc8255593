// The team server as the pages see it: who this pane's user is (their role decides what the pane offers)
// and who changed a row and when. The taskpane hands in src/sync's client behind it.

export type TeamRole = 'member' | 'admin';

/** What the pane knows of its user: `known` false until the server answered (everything offered meanwhile). */
export interface TeamUser {
  known: boolean;
  /** Undefined on a server without users (one person on loopback): everything allowed. */
  user?: string;
  role?: TeamRole;
}

/** One change of a row, oldest first. */
export interface RowChange {
  rev: number;
  op: 'put' | 'delete';
  /** '' on a server without users. */
  user: string;
  /** ISO date and time. */
  at: string;
}

export interface TeamService {
  /** For useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  getUser(): TeamUser;
  /** Who changed a logged segment or an interaction log entry, and when. */
  rowHistory(table: 'loggedSegments' | 'interactionLog', id: string): Promise<RowChange[]>;
}
