// The server's database: embedded PostgreSQL (PGlite) in a data folder by default, a real PostgreSQL
// when a connection string is given. Both speak the same SQL; this module hides only how to connect.
import { mkdirSync } from 'node:fs';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}
export type SqlTx = Pick<Sql, 'query'>;

export interface SqlOptions {
  /** A PostgreSQL connection string (DATABASE_URL); without it, PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; omitted = in memory (tests). */
  dataDir?: string;
}

export async function openSql(opts: SqlOptions): Promise<Sql> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Text parameters longer than this go to PGlite as bytes (its binary format) rather than as text. */
const BINARY_PARAM_CHARS = 64 * 1024;
const TEXT_OID = 25;
const JSON_OID = 114;
const JSONB_OID = 3802;
const JSONB_VERSION = Buffer.from([1]);

/**
 * PGlite writes a text parameter into its wire message by measuring the string's UTF-8 length twice in
 * a JavaScript loop, character by character: for a stored 4 MB part that cost more than the
 * database's own work. A long string is instead handed over as bytes, encoded once by Node, in
 * PostgreSQL's binary format for its type (text and json: the UTF-8 bytes; jsonb: a version byte, then
 * the same). Short strings and every other type go as text, as before.
 */
function bytesOf(prefix?: Buffer) {
  return (x: unknown): string => {
    if (typeof x !== 'string' || x.length < BINARY_PARAM_CHARS) return typeof x === 'string' ? x : JSON.stringify(x);
    const utf8 = Buffer.from(x, 'utf8');
    // PGlite sends a Uint8Array returned by a serializer as a binary parameter; its types say string.
    return (prefix ? Buffer.concat([prefix, utf8]) : utf8) as unknown as string;
  };
}
const pgliteSerializers = {
  [TEXT_OID]: (x: unknown): string => {
    if (typeof x !== 'string') return x instanceof Date ? x.toISOString() : String(x);
    return bytesOf()(x);
  },
  [JSON_OID]: bytesOf(),
  [JSONB_OID]: bytesOf(JSONB_VERSION),
};

async function openPglite(dataDir?: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const options = { serializers: pgliteSerializers };
  return {
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query(text, params, options)).rows as T[];
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          query: async <T>(text: string, params?: unknown[]) => (await tx.query(text, params, options)).rows as T[],
        }),
      );
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

async function openPostgres(url: string): Promise<Sql> {
  const pg = await import('pg');
  const Pool = pg.default?.Pool ?? pg.Pool;
  const pool = new Pool({ connectionString: url, max: 4 });
  // A lost connection (the database restarted) must not take the server down: the pool reconnects.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const r = await fn({
          query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        });
        await client.query('commit');
        return r;
      } catch (e) {
        // A connection that cannot roll back is dead (the database restarted): the pool drops it.
        await client.query('rollback').catch((err: Error) => (broken = err));
        throw e;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
