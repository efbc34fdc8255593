// Who changed a row of the shared workspace and when (the server's GET /api/v1/history): for Logged
// Segments and Interaction Log Entries to show, and who this pane is (its user and role) from /status.
import * as z from 'zod/mini';
import { API_PREFIX, syncTables, type SyncTable } from '../domain/syncProtocol';

export const rowHistorySchema = z.object({
  table: z.enum(syncTables),
  id: z.string(),
  entries: z.array(
    z.object({
      rev: z.number().check(z.int(), z.nonnegative()),
      op: z.enum(['put', 'delete']),
      /** '' on a server without users. */
      user: z.string(),
      at: z.string(),
      changesetId: z.string(),
    }),
  ),
});
export type RowHistory = z.infer<typeof rowHistorySchema>;

/**
 * Why the server gave no history, for the pane to say in the user's words: `unreachable` (no answer:
 * offline, the server stopped), `noKey` (the server needs a personal key and none was sent), `keyRefused`
 * (the key is not one of the server's: removed or rotated), `server` (any other answer, with its HTTP
 * status). The message keeps the developer's words (table, id, the server's reason) for the console.
 */
export type RowHistoryFailure = 'unreachable' | 'noKey' | 'keyRefused' | 'server';

export class RowHistoryError extends Error {
  override name = 'RowHistoryError';
  constructor(
    readonly kind: RowHistoryFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The row's history, oldest first; throws a RowHistoryError saying why when there is none to show. */
export async function fetchRowHistory(
  opts: { serverUrl: string; key?: string; fetch?: typeof fetch },
  table: SyncTable,
  id: string,
): Promise<RowHistory> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const what = `history of ${table} ${id}`;
  let res: Response;
  let text: string;
  try {
    res = await doFetch(
      `${opts.serverUrl}${API_PREFIX}/history?table=${encodeURIComponent(table)}&id=${encodeURIComponent(id)}`,
      {
        headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {},
      },
    );
    text = await res.text();
  } catch (e) {
    throw new RowHistoryError('unreachable', `${what}: ${e instanceof Error ? e.message : String(e)}`, undefined, {
      cause: e,
    });
  }
  if (!res.ok) {
    let reason = text;
    try {
      reason = (JSON.parse(text) as { reason?: string }).reason ?? text;
    } catch {
      // not JSON: keep the text
    }
    const kind = res.status === 401 ? (opts.key ? 'keyRefused' : 'noKey') : 'server';
    throw new RowHistoryError(kind, `${what}: ${res.status} ${reason}`, res.status);
  }
  try {
    return rowHistorySchema.parse(JSON.parse(text));
  } catch (e) {
    // Not a history (a proxy's page, another server at this address).
    throw new RowHistoryError('server', `${what}: ${res.status} not a history: ${text.slice(0, 200)}`, res.status, {
      cause: e,
    });
  }
}

const serverUserSchema = z.object({
  user: z.optional(z.nullable(z.string())),
  role: z.optional(z.nullable(z.enum(['member', 'admin']))),
});

/** Who this pane is on the server (GET /api/v1/status): no user and no role on a server without users. */
export async function fetchServerRole(opts: {
  serverUrl: string;
  key?: string;
  fetch?: typeof fetch;
}): Promise<{ user?: string; role?: 'member' | 'admin' }> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const res = await doFetch(`${opts.serverUrl}${API_PREFIX}/status`, {
    headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {},
  });
  if (!res.ok) throw new Error(`status: ${res.status}`);
  const s = serverUserSchema.parse(await res.json());
  return { user: s.user ?? undefined, role: s.role ?? undefined };
}
