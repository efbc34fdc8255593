// The server's side of the shared workspace (sync.md): pushes applied one at a time, each changeset in
// one SQL transaction with the record of its id; pulls in revision order, in pages that never split a
// changeset; and a "changed at rev N" signal for the event stream.
import { createHash } from 'node:crypto';
import { describeIssues, type Change, type Changeset, type PullResponse, type PushRequest, type PushResponse, type PushResult, type ServerRow, type SyncTable, SYNC_SCHEMA_VERSION } from '../domain/syncProtocol';
import type { Sql, SqlTx } from './sql';
import { recordHistory } from './history';
import { forbiddenBy } from './roles';
import { parentTables, tableRules } from './tables';
import type { UserRole } from './users';

/** Bad input: the request is refused as a whole (HTTP 4xx) and nothing changes. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Test hooks that play a crash at the worst moments of a push. */
export interface FaultHooks {
  /** Called inside the transaction, after every write, just before the commit. Throwing aborts it. */
  beforeCommit?(changesetId: string): void;
  /** Called just after the commit, before the answer is sent. */
  afterCommit?(changesetId: string): void;
}

export interface PushContext {
  /** The user the key belongs to; undefined on a loopback server without keys. */
  userId?: string;
  /** The user's role (roles.ts); undefined on a server without users: everything allowed. */
  role?: UserRole;
}

/** The user's role does not allow the change: answered `refused` with the rule; nothing is written. */
class Forbidden extends Error {}

class Conflict extends Error {
  constructor(
    readonly kind: 'stale' | 'duplicateKey' | 'missingParent' | 'parentInUse',
    readonly reason: string,
    readonly keys: { table: string; id: string }[],
  ) {
    super(reason);
  }
}

interface StoredRow {
  tbl: string;
  id: string;
  rev: number | string;
  deleted: boolean;
  value: Record<string, unknown> | null;
}

const rowKey = (table: string, id: string) => `${table}/${id}`;

export class SyncService {
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<(rev: number) => void>();

  constructor(
    private readonly sql: Sql,
    private readonly faults: FaultHooks = {},
  ) {}

  onChange(listener: (rev: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async lastRev(tx: SqlTx = this.sql): Promise<number> {
    const [r] = await tx.query<{ rev: number | string | null }>('select max(rev) as rev from sync_changesets');
    return Number(r?.rev ?? 0);
  }

  /** Applies the changesets in order; stops at the first conflict. Pushes run one at a time. */
  push(req: PushRequest, ctx: PushContext = {}): Promise<PushResponse> {
    const run = this.queue.then(() => this.pushNow(req, ctx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pushNow(req: PushRequest, ctx: PushContext): Promise<PushResponse> {
    const last = await this.lastRev();
    req.changesets.forEach((cs, i) => validateChangeset(cs, `changesets.${i}`, last));
    const results: PushResult[] = [];
    // Rows written by earlier changesets of this push: a later one may build on them with the same base.
    const chain = new Map<string, number>();
    for (const cs of req.changesets) {
      const result = await this.pushOne(cs, req.clientId, ctx, chain);
      results.push(result);
      if (result.status === 'conflict' || result.status === 'refused') break;
    }
    const lastRev = await this.lastRev();
    if (results.some((r) => r.status === 'applied')) for (const l of this.listeners) l(lastRev);
    return { schemaVersion: SYNC_SCHEMA_VERSION, results, lastRev };
  }

  private async pushOne(cs: Changeset, clientId: string, ctx: PushContext, chain: Map<string, number>): Promise<PushResult> {
    const remember = (changes: Change[]) => {
      for (const c of changes) if (!chain.has(rowKey(c.table, c.id))) chain.set(rowKey(c.table, c.id), c.baseRev);
    };
    const done = await this.appliedAnswer(cs);
    if (done) {
      remember(cs.changes);
      return done;
    }
    let whole: Changeset = cs;
    if (cs.part) {
      const parts = await this.storePart(cs, clientId);
      if (parts.length < cs.part.of) return { id: cs.id, status: 'partial', received: parts.length, of: cs.part.of };
      whole = { id: cs.id, action: parts.find((p) => p.action)?.action, changes: parts.flatMap((p) => p.changes) };
    }
    const digest = digestOf(whole);
    try {
      const result = await this.sql.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(7240501)');
        const rev = (await this.lastRev(tx)) + 1;
        await applyChanges(tx, collapse(whole.changes), rev, ctx, chain);
        const answer: PushResult = { id: cs.id, status: 'applied', rev };
        await tx.query(
          'insert into sync_changesets (id, rev, client_id, user_id, action, digest, result) values ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)',
          [cs.id, rev, clientId, ctx.userId ?? '', whole.action ? JSON.stringify(whole.action) : null, digest, JSON.stringify(answer)],
        );
        if (cs.part) await tx.query('delete from sync_parts where changeset_id = $1', [cs.id]);
        this.faults.beforeCommit?.(cs.id);
        return answer;
      });
      remember(whole.changes);
      this.faults.afterCommit?.(cs.id);
      return result;
    } catch (e) {
      if (e instanceof Forbidden) return { id: cs.id, status: 'refused', reason: `forbidden: ${e.message}` };
      if (!(e instanceof Conflict)) throw e;
      return { id: cs.id, status: 'conflict', kind: e.kind, reason: e.reason, rows: await this.currentRows(e.keys) };
    }
  }

  /** The stored answer when this changeset was applied before (a retried push): the same answer again. */
  private async appliedAnswer(cs: Changeset): Promise<PushResult | undefined> {
    const [row] = await this.sql.query<{ digest: string; result: PushResult }>('select digest, result from sync_changesets where id = $1', [cs.id]);
    if (!row) return undefined;
    if (!cs.part && row.digest !== digestOf(cs)) throw new BadRequest(`changeset ${cs.id} was already applied with different changes: a changeset id is used once`, 409);
    return { ...(row.result as Extract<PushResult, { status: 'applied' }>), status: 'duplicate' };
  }

  private async storePart(cs: Changeset, clientId: string): Promise<Changeset[]> {
    const part = cs.part!;
    const existing = await this.sql.query<{ part_of: number; client_id: string }>('select part_of, client_id from sync_parts where changeset_id = $1 limit 1', [cs.id]);
    if (existing[0] && (Number(existing[0].part_of) !== part.of || existing[0].client_id !== clientId)) {
      throw new BadRequest(`changeset ${cs.id}: part ${part.no} of ${part.of} does not match the parts already received (${existing[0].part_of} parts from another upload)`, 409);
    }
    await this.sql.query(
      'insert into sync_parts (changeset_id, part_no, part_of, client_id, body) values ($1, $2, $3, $4, $5::jsonb) on conflict (changeset_id, part_no) do update set body = excluded.body',
      [cs.id, part.no, part.of, clientId, JSON.stringify({ id: cs.id, action: cs.action, changes: cs.changes })],
    );
    const rows = await this.sql.query<{ body: Changeset }>('select body from sync_parts where changeset_id = $1 order by part_no', [cs.id]);
    return rows.map((r) => r.body);
  }

  private async currentRows(keys: { table: string; id: string }[]): Promise<ServerRow[]> {
    if (keys.length === 0) return [];
    const rows = await this.sql.query<StoredRow>(
      'select r.tbl, r.id, r.rev, r.deleted, r.value from sync_rows r join jsonb_to_recordset($1::jsonb) as k(tbl text, id text) on r.tbl = k.tbl and r.id = k.id',
      [JSON.stringify(keys.map((k) => ({ tbl: k.table, id: k.id })))],
    );
    return rows.map(toServerRow);
  }

  /** Rows changed after `since`, in revision order, in pages of about `limit` rows that keep changesets whole. */
  async pull(since: number, limit = 5000): Promise<PullResponse> {
    const last = await this.lastRev();
    if (since > last) throw new BadRequest(`since=${since} is beyond the server's last revision ${last}: this workspace was reset; start again from 0`, 410);
    const [cut] = await this.sql.query<{ rev: number | string }>('select rev from sync_rows where rev > $1 and rev <= $2 order by rev offset $3 limit 1', [since, last, limit - 1]);
    const upTo = cut ? Number(cut.rev) : last;
    const rows = await this.sql.query<StoredRow>('select tbl, id, rev, deleted, value from sync_rows where rev > $1 and rev <= $2 order by rev, tbl, id', [since, upTo]);
    return { schemaVersion: SYNC_SCHEMA_VERSION, rows: rows.map(toServerRow), lastRev: upTo, more: upTo < last };
  }
}

function toServerRow(r: StoredRow): ServerRow {
  return { table: r.tbl as SyncTable, id: r.id, rev: Number(r.rev), deleted: r.deleted, value: r.deleted ? null : r.value };
}

function digestOf(cs: Pick<Changeset, 'action' | 'changes'>): string {
  return createHash('sha256').update(JSON.stringify({ action: cs.action ?? null, changes: cs.changes })).digest('hex');
}

/** Checks what can be checked without the database: each value's schema and revisions from the future. */
function validateChangeset(cs: Changeset, where: string, lastRev: number): void {
  cs.changes.forEach((c, j) => {
    const at = `${where}.changes.${j}`;
    if (c.baseRev > lastRev) throw new BadRequest(`${at}.baseRev: ${c.baseRev} is a revision the server never issued (last is ${lastRev})`);
    if (c.op !== 'put') return;
    const parsed = tableRules[c.table].schema.safeParse(c.value);
    if (!parsed.success) throw new BadRequest(`${at} (${c.table} ${c.id}): ${describeIssues(parsed.error, 'value')}`);
  });
}

/** Several writes of one row in one changeset travel as one: the first base revision, the last value. */
function collapse(changes: Change[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const c of changes) {
    const k = rowKey(c.table, c.id);
    const prev = byKey.get(k);
    byKey.delete(k);
    byKey.set(k, prev ? { ...c, baseRev: prev.baseRev } : c);
  }
  return [...byKey.values()];
}

async function applyChanges(tx: SqlTx, changes: Change[], rev: number, ctx: PushContext, chain: Map<string, number>) {
  const keysJson = JSON.stringify(changes.map((c) => ({ tbl: c.table, id: c.id })));
  const current = new Map<string, StoredRow>();
  for (const r of await tx.query<StoredRow>(
    'select r.tbl, r.id, r.rev, r.deleted, r.value from sync_rows r join jsonb_to_recordset($1::jsonb) as k(tbl text, id text) on r.tbl = k.tbl and r.id = k.id',
    [keysJson],
  )) {
    current.set(rowKey(r.tbl, r.id), r);
  }
  const all = changes.map((c) => ({ table: c.table, id: c.id }));

  // 1. Every change must be based on the row's current revision.
  for (const c of changes) {
    const cur = current.get(rowKey(c.table, c.id));
    const live = cur && !cur.deleted;
    const curRev = cur ? Number(cur.rev) : 0;
    const chained = chain.get(rowKey(c.table, c.id));
    const fresh = c.op === 'put' ? (live ? c.baseRev === curRev : c.baseRev === 0 || c.baseRev === curRev) : live && c.baseRev === curRev;
    // A row an earlier changeset of this push wrote: the client based both on the same revision.
    const ok = chained !== undefined ? c.baseRev === chained && (c.op === 'put' || Boolean(live)) : fresh;
    if (!ok) {
      const state = live ? `is at revision ${curRev}` : cur ? `was deleted at revision ${curRev}` : 'does not exist';
      throw new Conflict('stale', `${c.table} ${c.id} changed meanwhile: the change was based on revision ${c.baseRev}, the row ${state}`, all);
    }
  }

  // 1b. The user's role allows every change (roles.ts), judged on the rows as they are now.
  const rule = forbiddenBy(ctx, changes, (c) => {
    const cur = current.get(rowKey(c.table, c.id));
    return cur && !cur.deleted && cur.value ? cur.value : undefined;
  });
  if (rule) throw new Forbidden(rule);

  // 2. The server stamps the user from the key on the rows that name one.
  const values = changes.map((c) => {
    if (c.op !== 'put') return null;
    const field = tableRules[c.table].userField;
    if (!field || ctx.userId === undefined) return c.value!;
    const cur = current.get(rowKey(c.table, c.id));
    const stamped = cur && !cur.deleted && cur.value ? cur.value[field] : ctx.userId;
    return { ...c.value!, [field]: stamped };
  });

  // 3. Business keys stay unique.
  const newKeys: { key: string; tbl: string; id: string }[] = [];
  const seen = new Map<string, string>();
  changes.forEach((c, i) => {
    if (c.op !== 'put') return;
    for (const key of tableRules[c.table].keys(values[i]!)) {
      const owner = seen.get(key);
      if (owner) throw new Conflict('duplicateKey', `${describeKey(key)} is used twice in one change (${owner} and ${rowKey(c.table, c.id)})`, all);
      seen.set(key, rowKey(c.table, c.id));
      newKeys.push({ key, tbl: c.table, id: c.id });
    }
  });
  const changed = new Set(changes.map((c) => rowKey(c.table, c.id)));
  if (newKeys.length) {
    const owners = await tx.query<{ key: string; tbl: string; id: string }>('select key, tbl, id from sync_keys where key = any($1::text[])', [newKeys.map((k) => k.key)]);
    const clash = owners.find((o) => !changed.has(rowKey(o.tbl, o.id)));
    if (clash) {
      throw new Conflict('duplicateKey', `${describeKey(clash.key)} is already used by ${clash.tbl} ${clash.id}`, [...all, { table: clash.tbl, id: clash.id }]);
    }
  }

  // 4. Write the rows and their keys.
  const records = changes.map((c, i) => {
    const v = values[i];
    return { tbl: c.table, id: c.id, deleted: c.op === 'delete', value: v, parent: v ? (tableRules[c.table].parent?.(v) ?? null) : null };
  });
  await tx.query(
    `insert into sync_rows (tbl, id, rev, deleted, value, parent)
     select x.tbl, x.id, $2, x.deleted, x.value, x.parent
     from jsonb_to_recordset($1::jsonb) as x(tbl text, id text, deleted boolean, value jsonb, parent text)
     on conflict (tbl, id) do update set rev = excluded.rev, deleted = excluded.deleted, value = excluded.value, parent = excluded.parent`,
    [JSON.stringify(records), rev],
  );
  await recordHistory(tx, records, rev);
  await tx.query('delete from sync_keys k using jsonb_to_recordset($1::jsonb) as x(tbl text, id text) where k.tbl = x.tbl and k.id = x.id', [keysJson]);
  if (newKeys.length) await tx.query('insert into sync_keys (key, tbl, id) select key, tbl, id from jsonb_to_recordset($1::jsonb) as x(key text, tbl text, id text)', [JSON.stringify(newKeys)]);

  // 5. Parents: a child needs a live parent; a parent goes only when no child is left.
  const parents = [...new Set(records.map((r) => r.parent).filter((p): p is string => Boolean(p)))];
  if (parents.length) {
    const live = new Set(
      (await tx.query<{ k: string }>("select tbl || '/' || id as k from sync_rows where not deleted and (tbl || '/' || id) = any($1::text[])", [parents])).map((r) => r.k),
    );
    const missing = parents.find((p) => !live.has(p));
    if (missing) {
      const [table, id] = missing.split('/');
      const [tombstone] = await tx.query('select 1 from sync_rows where tbl = $1 and id = $2', [table, id]);
      // Deleted meanwhile: a race the client rebases. Never created: the change names a row that is not there.
      if (!tombstone) throw new BadRequest(`${missing.replace('/', ' ')} does not exist: rows that belong to it cannot be written`, 422);
      throw new Conflict('missingParent', `${missing.replace('/', ' ')} was deleted meanwhile: its rows cannot be written`, [...all, { table, id }]);
    }
  }
  const goneParents = records.filter((r) => r.deleted && parentTables.has(r.tbl)).map((r) => rowKey(r.tbl, r.id));
  if (goneParents.length) {
    const [orphan] = await tx.query<{ tbl: string; id: string; parent: string }>('select tbl, id, parent from sync_rows where not deleted and parent = any($1::text[]) limit 1', [goneParents]);
    if (orphan) {
      throw new Conflict('parentInUse', `${orphan.parent.replace('/', ' ')} still has ${orphan.tbl} ${orphan.id}: it cannot be deleted without them`, [...all, { table: orphan.tbl, id: orphan.id }]);
    }
  }
}

function describeKey(key: string): string {
  const i = key.indexOf(':');
  return `${key.slice(0, i)} ${key.slice(i + 1)}`;
}
