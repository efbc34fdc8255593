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

/** The row's history, oldest first; throws with the server's reason when it refuses. */
export async function fetchRowHistory(
  opts: { serverUrl: string; key?: string; fetch?: typeof fetch },
  table: SyncTable,
  id: string,
): Promise<RowHistory> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const res = await doFetch(
    `${opts.serverUrl}${API_PREFIX}/history?table=${encodeURIComponent(table)}&id=${encodeURIComponent(id)}`,
    {
      headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {},
    },
  );
  const text = await res.text();
  if (!res.ok) {
    let reason = text;
    try {
      reason = (JSON.parse(text) as { reason?: string }).reason ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new Error(`history of ${table} ${id}: ${res.status} ${reason}`);
  }
  return rowHistorySchema.parse(JSON.parse(text));
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
