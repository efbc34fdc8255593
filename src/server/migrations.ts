// The server's schema, one list of migrations for PGlite and PostgreSQL alike. A released migration is
// frozen; a change is a new entry at the end.
import type { Sql } from './sql';

export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      -- Every workspace row, whatever its table: its latest value, or a tombstone after a delete.
      create table sync_rows (
        tbl text not null,
        id text not null,
        rev bigint not null,
        deleted boolean not null default false,
        value jsonb,
        parent text,
        primary key (tbl, id)
      );
      create index sync_rows_rev on sync_rows (rev);
      create index sync_rows_parent on sync_rows (parent) where not deleted and parent is not null;
      -- Business keys that must stay unique across everyone (segment no., entry nos., codes…).
      create table sync_keys (
        key text primary key,
        tbl text not null,
        id text not null
      );
      create index sync_keys_row on sync_keys (tbl, id);
      -- Every applied changeset, with its answer, so a retried push gets the same answer again.
      create table sync_changesets (
        id text primary key,
        rev bigint not null unique,
        client_id text not null,
        user_id text not null,
        action jsonb,
        digest text not null,
        result jsonb not null,
        applied_at timestamptz not null default now()
      );
      -- Parts of a changeset larger than the body cap, held until the last part arrives.
      create table sync_parts (
        changeset_id text not null,
        part_no integer not null,
        part_of integer not null,
        client_id text not null,
        body jsonb not null,
        primary key (changeset_id, part_no)
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- When each part arrived (ms since 1970, the server's clock): parts of an upload that stopped expire.
      alter table sync_parts add column received_at bigint not null default 0;
      -- Each row's size as JSON in bytes, so that pull pages are cut by bytes without reading the values.
      alter table sync_rows add column size bigint not null default 0;
      update sync_rows set size = coalesce(octet_length(value::text), 0)
    `,
  },
  {
    version: 3,
    sql: `
      -- A part is kept as the text it came as and read back once: never parsed into jsonb and printed
      -- back, nor compressed (it lives minutes, until its changeset is applied).
      alter table sync_parts alter column body type text using body::text;
      alter table sync_parts alter column body set storage external
    `,
  },
  {
    version: 4,
    sql: `
      -- A row's value is kept as the JSON text it was written as: written without building jsonb, and a
      -- pull page is joined from the texts without reading each value and printing it again. A value
      -- stored before is kept as PostgreSQL prints it, and its size follows.
      alter table sync_rows alter column value type text using value::text;
      update sync_rows set size = coalesce(octet_length(value), 0)
    `,
  },
];

/** Brings the database to the last version (`list`: the migrations known, all of them but in tests). */
export async function migrate(sql: Sql, list = migrations): Promise<number> {
  await sql.query(
    'create table if not exists sync_schema (version integer primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set(
    (await sql.query<{ version: number }>('select version from sync_schema')).map((r) => Number(r.version)),
  );
  let applied = 0;
  for (const m of list) {
    if (done.has(m.version)) continue;
    await sql.transaction(async (tx) => {
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s && !/^--[^\n]*$/.test(s))) {
        await tx.query(statement);
      }
      await tx.query('insert into sync_schema (version) values ($1)', [m.version]);
    });
    applied++;
  }
  return applied;
}
