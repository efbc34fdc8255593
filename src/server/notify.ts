// Several server processes on one PostgreSQL: each push taken by one of them is announced to all through
// PostgreSQL's LISTEN/NOTIFY, so a pane connected to server A hears a push taken by server B. Pushes stay
// serialised by the advisory lock in the push's transaction; this only carries the "changed at rev N".
// A lost listening connection is opened again, and the current revision announced (a missed notice
// costs a pane one pull, never a change).
import type { SyncService } from './syncService';

export const CHANGES_CHANNEL = 'segments_changes';

export interface ChangeEvents {
  onChange(listener: (rev: number) => void): () => void;
  close(): Promise<void>;
}

/** PGlite (one process per folder): the service's own events. */
export function localEvents(service: SyncService): ChangeEvents {
  return { onChange: (l) => service.onChange(l), close: async () => undefined };
}

/** PostgreSQL: this process's pushes are announced with NOTIFY; every process's are heard with LISTEN. */
export async function postgresEvents(
  databaseUrl: string,
  service: SyncService,
  log?: (line: string) => void,
): Promise<ChangeEvents> {
  const pg = await import('pg');
  const Client = pg.default?.Client ?? pg.Client;
  const listeners = new Set<(rev: number) => void>();
  let last = 0;
  const emit = (rev: number) => {
    if (rev <= last) return;
    last = rev;
    for (const l of listeners) l(rev);
  };
  let closed = false;
  let listener: InstanceType<typeof Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const client = new Client({ connectionString: databaseUrl });
    client.on('notification', (n) => {
      const rev = Number(n.payload);
      if (n.channel === CHANGES_CHANNEL && Number.isSafeInteger(rev)) emit(rev);
    });
    const lost = () => {
      if (closed || listener !== client) return;
      listener = undefined;
      log?.(`the LISTEN connection to PostgreSQL was lost; trying again in ${delay} ms`);
      retry = setTimeout(() => void connect().catch(lost), delay);
      delay = Math.min(delay * 2, 10_000);
    };
    client.on('error', lost);
    client.on('end', lost);
    listener = client;
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    delay = 250;
    // Whatever was announced while not listening: one event with the current revision.
    emit(await service.lastRev());
  };
  await connect();

  // The notifying side: the pool, after the commit (a process killed in between leaves the others to
  // hear the revision with the next push or their panes' next probe).
  const announce = await import('./sql').then(({ openSql }) => openSql({ databaseUrl }));
  const off = service.onChange((rev) => {
    emit(rev);
    announce
      .query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(rev)])
      .catch((e: Error) => log?.(`NOTIFY failed: ${e.message}`));
  });

  return {
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      off();
      listeners.clear();
      await listener?.end().catch(() => undefined);
      await announce.close();
    },
  };
}
