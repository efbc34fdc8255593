// The server's side of the shared workspace (sync.md): pushes applied one at a time, each changeset in
// one SQL transaction with the record of its id; pulls in revision order, in pages that never split a
// changeset; and a "changed at rev N" signal for the event stream.
import { createHash } from 'node:crypto';
import { tablesReadBy } from '../domain/actionReads';
import {
  describeIssues,
  type Change,
  type Changeset,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type ServerRow,
  type SyncTable,
  SYNC_SCHEMA_VERSION,
} from '../domain/syncProtocol';
import { findTextRuleViolation } from '../domain/textRule';
import type { Sql, SqlTx } from './sql';
import { HISTORY_FROM_WRITTEN } from './history';
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

/** Tables whose rows name the user: the server stamps it from the key, so a pane always takes them from here. */
const STAMPED_TABLES = Object.entries(tableRules)
  .filter(([, rule]) => rule.userField !== undefined)
  .map(([table]) => table);

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

export interface SyncServiceOptions {
  /** Parts of a changeset whose upload stopped are dropped this long after the last one arrived (default one hour). */
  partsTtlMs?: number;
  /** The clock parts are stamped with (tests). */
  now?: () => number;
  /** Build the next pull page while the pane reads the current one (default true; off to count a page's own work). */
  pullAhead?: boolean;
}

const HOUR = 3_600_000;
/** Rows written in one statement: well under any string or message limit, however large the changeset. */
const WRITE_CHUNK_BYTES = 8 * 1024 * 1024;
/** Memory a push's transaction may use for one chunk read from its JSON (PostgreSQL's default is 4 MB). */
const WRITE_WORK_MEM = '64MB';
/** Pull pages built ahead and kept at once, and for how long one waits to be asked for. */
const AHEAD_PAGES = 4;
const AHEAD_TTL_MS = 30_000;
/** Revisions' sizes read at once while a pull page is chosen. */
const REVISION_CHUNK = 5000;
/** What a pulled row costs beyond its value: the frame {"table":…,"id":…,"rev":…,"deleted":…,"value":}. */
const ROW_FRAME_BYTES = 120;
/** What naming a revision's user adds to a pull page: "rev":"user", in UTF-8. */
const authorEntryBytes = (rev: number, user: string) => Buffer.byteLength(`"${rev}":${JSON.stringify(user)},`);

/** The changeset can never be applied as it is: answered `refused` with the reason; nothing of it is written. */
class Refused extends Error {}

/** The action read a table that another client changed after the revision the action was based on. */
class StaleRead extends Error {
  constructor(
    readonly table: string,
    readonly rev: number,
    reason: string,
  ) {
    super(reason);
  }
}

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

/** A row as the database holds it: its value is the JSON text it was written as (migrations.ts, version 4). */
type StoredText = Omit<StoredRow, 'value'> & { value: string | null };

const parsed = (r: StoredText): StoredRow => ({ ...r, value: r.value === null ? null : JSON.parse(r.value) });

const rowKey = (table: string, id: string) => `${table}/${id}`;

/** What the chain of one push remembers of a row an earlier changeset of it wrote. */
interface Link {
  /** The revision the client based that write on (later changesets of the push carry the same). */
  base: number;
  /** The revision that write made: the row must still be at it. */
  rev: number;
}

export class SyncService {
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<(rev: number) => void>();
  private readonly partsTtlMs: number;
  private readonly now: () => number;
  private readonly pullAhead: boolean;

  constructor(
    private readonly sql: Sql,
    private readonly faults: FaultHooks = {},
    options: SyncServiceOptions = {},
  ) {
    this.partsTtlMs = options.partsTtlMs ?? (Number(process.env.SEGMENTS_PARTS_TTL_MS) || HOUR);
    this.now = options.now ?? Date.now;
    this.pullAhead = options.pullAhead ?? true;
  }

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
    // Everything that can be checked without the database is checked before anything is written: a 4xx
    // answer means nothing of the push was committed. Values are replaced by what their schema returns.
    const changesets = req.changesets.map((cs, i) => validateChangeset(cs, `changesets.${i}`, last));
    const results: PushResult[] = [];
    // Rows written by earlier changesets of this push: a later one may build on them with the same base,
    // as long as the row is still at the revision this push wrote. Duplicates never enter it.
    const chain = new Map<string, Link>();
    for (let i = 0; i < changesets.length; i++) {
      let result: PushResult;
      try {
        result = await this.pushOne(changesets[i], req.changesets[i], req.clientId, ctx, chain);
      } catch (e) {
        // Refused for good after earlier changesets were committed: the answer must still say what was.
        if (!(e instanceof BadRequest) || !results.some((r) => r.status === 'applied')) throw e;
        result = { id: changesets[i].id, status: 'refused', reason: e.message };
      }
      results.push(result);
      if (result.status !== 'applied' && result.status !== 'duplicate' && result.status !== 'partial') break;
    }
    const lastRev = await this.lastRev();
    if (results.some((r) => r.status === 'applied')) for (const l of this.listeners) l(lastRev);
    return { schemaVersion: SYNC_SCHEMA_VERSION, results, lastRev };
  }

  /** `cs` holds the values as their schemas return them; `received` is the changeset as it came (its digest). */
  private async pushOne(
    cs: Changeset,
    received: Changeset,
    clientId: string,
    ctx: PushContext,
    chain: Map<string, Link>,
  ): Promise<PushResult> {
    const done = await this.appliedAnswer(received);
    // A duplicate's rows stay out of the chain: its answer says nothing of what happened to them since.
    if (done) return done;
    let whole: Changeset = cs;
    let digest: string;
    if (cs.part) {
      const assembled = await this.storePart(cs, clientId);
      if (!assembled)
        return { id: cs.id, status: 'partial', received: await this.partsReceived(cs.id), of: cs.part.of };
      whole = assembled;
      digest = digestOf(whole);
    } else {
      digest = digestOf(received);
    }
    const changes = collapse(whole.changes);
    try {
      const result = await this.sql.transaction(async (tx) => {
        // The lock, and room in memory for a chunk of rows read from its JSON (rather than a temporary
        // file), for this transaction only.
        await tx.query("select pg_advisory_xact_lock(7240501), set_config('work_mem', $1, true)", [WRITE_WORK_MEM]);
        const rev = (await this.lastRev(tx)) + 1;
        await checkReads(tx, whole, clientId);
        await applyChanges(tx, changes, rev, ctx, chain);
        const answer: PushResult = { id: cs.id, status: 'applied', rev };
        await tx.query(
          'insert into sync_changesets (id, rev, client_id, user_id, action, digest, result) values ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)',
          [
            cs.id,
            rev,
            clientId,
            ctx.userId ?? '',
            whole.action ? JSON.stringify(whole.action) : null,
            digest,
            JSON.stringify(answer),
          ],
        );
        if (cs.part) await tx.query('delete from sync_parts where changeset_id = $1', [cs.id]);
        this.faults.beforeCommit?.(cs.id);
        return { answer, rev };
      });
      for (const c of changes) {
        const key = rowKey(c.table, c.id);
        chain.set(key, { base: chain.get(key)?.base ?? c.baseRev, rev: result.rev });
      }
      this.faults.afterCommit?.(cs.id);
      return result.answer;
    } catch (e) {
      if (e instanceof Forbidden) return { id: cs.id, status: 'refused', reason: `forbidden: ${e.message}` };
      if (e instanceof Conflict)
        return { id: cs.id, status: 'conflict', kind: e.kind, reason: e.reason, rows: await this.currentRows(e.keys) };
      if (e instanceof StaleRead) return { id: cs.id, status: 'stale', reason: e.message, table: e.table, rev: e.rev };
      if (e instanceof Refused) return { id: cs.id, status: 'refused', reason: e.message };
      // A value the database refuses (SQLSTATE class 22, data exception; 54, a limit) is the changeset's
      // fault, not the server's: it is refused, never answered 5xx and retried forever.
      const code = String((e as { code?: unknown }).code ?? '');
      if (/^(22|54)/.test(code))
        return {
          id: cs.id,
          status: 'refused',
          reason: `the database refuses a value of this change (${code}): ${(e as Error).message}`,
        };
      throw e;
    }
  }

  /** The stored answer when this changeset was applied before (a retried push): the same answer again. */
  private async appliedAnswer(cs: Changeset): Promise<PushResult | undefined> {
    const [row] = await this.sql.query<{ digest: string; result: PushResult }>(
      'select digest, result from sync_changesets where id = $1',
      [cs.id],
    );
    if (!row) return undefined;
    if (!cs.part && row.digest !== digestOf(cs))
      throw new BadRequest(
        `changeset ${cs.id} was already applied with different changes: a changeset id is used once`,
        409,
      );
    return { ...(row.result as Extract<PushResult, { status: 'applied' }>), status: 'duplicate' };
  }

  /**
   * Keeps one part; when it was the last one missing, the whole changeset: the other parts read once, part
   * by part, and this one as it came (it is not stored: the apply deletes the parts anyway, and a client
   * whose apply failed sends every part again).
   */
  private async storePart(cs: Changeset, clientId: string): Promise<Changeset | undefined> {
    const part = cs.part!;
    const now = this.now();
    // Uploads that stopped long ago (the pane was closed, its outbox reset) do not stay for ever.
    await this.sql.query(
      'delete from sync_parts where changeset_id in (select changeset_id from sync_parts group by changeset_id having max(received_at) < $1)',
      [now - this.partsTtlMs],
    );
    const existing = await this.sql.query<{ part_of: number; client_id: string }>(
      'select part_of, client_id from sync_parts where changeset_id = $1 limit 1',
      [cs.id],
    );
    if (existing[0] && (Number(existing[0].part_of) !== part.of || existing[0].client_id !== clientId)) {
      throw new BadRequest(
        `changeset ${cs.id}: part ${part.no} of ${part.of} does not match the parts already received (${existing[0].part_of} parts from another upload)`,
        409,
      );
    }
    const [others] = await this.sql.query<{ n: number | string }>(
      'select count(*) as n from sync_parts where changeset_id = $1 and part_no <> $2',
      [cs.id, part.no],
    );
    if (Number(others?.n ?? 0) < part.of - 1) {
      await this.sql.query(
        'insert into sync_parts (changeset_id, part_no, part_of, client_id, body, received_at) values ($1, $2, $3, $4, $5, $6) on conflict (changeset_id, part_no) do update set body = excluded.body, received_at = excluded.received_at',
        [
          cs.id,
          part.no,
          part.of,
          clientId,
          JSON.stringify({ id: cs.id, action: cs.action, read: cs.read, changes: cs.changes }),
          now,
        ],
      );
      return undefined;
    }
    const whole: Changeset = { id: cs.id, changes: [] };
    for (let no = 1; no <= part.of; no++) {
      let body: Pick<Changeset, 'action' | 'read' | 'changes'> = cs;
      if (no !== part.no) {
        const [row] = await this.sql.query<{ body: string }>(
          'select body from sync_parts where changeset_id = $1 and part_no = $2',
          [cs.id, no],
        );
        if (!row) return undefined;
        body = JSON.parse(row.body) as Changeset;
      }
      if (body.action && !whole.action) whole.action = body.action;
      if (body.read && !whole.read) whole.read = body.read;
      for (const c of body.changes) whole.changes.push(c);
    }
    return whole;
  }

  private async partsReceived(changesetId: string): Promise<number> {
    const [r] = await this.sql.query<{ n: number | string }>(
      'select count(*) as n from sync_parts where changeset_id = $1',
      [changesetId],
    );
    return Number(r?.n ?? 0);
  }

  private async currentRows(keys: { table: string; id: string }[]): Promise<ServerRow[]> {
    if (keys.length === 0) return [];
    const rows = await this.sql.query<StoredText>(
      'select r.tbl, r.id, r.rev, r.deleted, r.value from sync_rows r join jsonb_to_recordset($1::jsonb) as k(tbl text, id text) on r.tbl = k.tbl and r.id = k.id',
      [JSON.stringify(keys.map((k) => ({ tbl: k.table, id: k.id })))],
    );
    return rows.map((r) => toServerRow(parsed(r)));
  }

  /**
   * Rows changed after `since`, in revision order, in pages of at most `maxBytes` (as JSON) and about
   * `limit` rows that keep changesets whole; a changeset larger than a page comes in several, each ending
   * with `next` (where the following one starts: `after`).
   */
  async pull(since: number, opts: PullOptions = {}): Promise<PullResponse> {
    return JSON.parse(await this.pullJson(since, opts)) as PullResponse;
  }

  /**
   * The same page as the JSON text that is sent: each row's value is kept as the text it was written as
   * and the database joins the page's rows into one text, so a page is never parsed and printed again.
   *
   * A page that says `more` has the next one built at once, while the pane receives and reads this one:
   * when the pane asks for exactly that page (the same cursor, sizes and revisions left out) and no push
   * committed since it was built, it gets it without waiting. The pages and their order are the same.
   */
  async pullJson(since: number, opts: PullOptions = {}): Promise<string> {
    const key = pageKey(since, opts);
    const ahead = this.ahead.get(key);
    this.ahead.delete(key);
    const now = this.now();
    for (const [k, a] of this.ahead) if (now - a.at > AHEAD_TTL_MS) this.ahead.delete(k);
    const early = ahead && (await ahead.page);
    const page = early && early.last === (await this.lastRev()) ? early : await this.buildPage(since, opts);
    if (page.more && this.pullAhead) this.buildAhead(page, opts);
    return page.text;
  }

  /** Next pages built ahead, by what names them (a few panes pulling at once), each dropped once asked for. */
  private readonly ahead = new Map<string, { page: Promise<Page | undefined>; at: number }>();

  /** Resolves when every page being built ahead is built (tests). */
  async pagesAhead(): Promise<void> {
    await Promise.all([...this.ahead.values()].map((a) => a.page));
  }

  private buildAhead(page: Page, opts: PullOptions): void {
    const next: PullOptions = {
      ...opts,
      after: page.next,
      skip: opts.skip?.filter((r) => r > page.lastRev),
    };
    if (!next.skip?.length) delete next.skip;
    // Kept only if no push committed while it was built: a page is then what a fresh build would give.
    // A page that could not be built (the database closing, say) is built again when asked for; it never
    // rejects, since no one may be waiting for it.
    const built = this.buildPage(page.lastRev, next)
      .then(async (p) => (p.last === (await this.lastRev()) ? p : undefined))
      .catch(() => undefined);
    this.ahead.set(pageKey(page.lastRev, next), { page: built, at: this.now() });
    if (this.ahead.size > AHEAD_PAGES) this.ahead.delete(this.ahead.keys().next().value!);
  }

  private async buildPage(since: number, opts: PullOptions): Promise<Page> {
    const limit = opts.limit ?? 50_000;
    // A row is sent unless its revision is one the pane holds ($6) and its table is not stamped ($7).
    const skip = opts.skip ?? [];
    const kept = `not (rev = any($6::bigint[]) and tbl <> all($7::text[]))`;
    const keptParams = [skip, STAMPED_TABLES];
    const budget = Math.max((opts.maxBytes ?? 4 * 1024 * 1024) - 1024, 1);
    const last = await this.lastRev();
    if (since > last)
      throw new BadRequest(
        `since=${since} is beyond the server's last revision ${last}: this workspace was reset; start again from 0`,
        410,
      );
    const after = opts.after;
    if (after && (after.rev <= since || after.rev > last))
      throw new BadRequest(`after=${after.rev}:… must name a revision after since=${since} and up to ${last}`);
    const start: [number, string, string] = after ? [after.rev, after.table, after.id] : [since, '', ''];

    // 1. Choose the page from each revision's row count and size, summed by the database (one row per
    // revision, never the rows themselves), with the user who pushed it (one lookup per revision, by its
    // unique revision: the page names who made its revisions, and that name counts in the page's size);
    // a revision larger than a page is cut where its running size reaches the budget.
    let used = 0;
    /** The users who made the page's revisions, by revision (only revisions pushed with a key). */
    const authors: Record<string, string> = {};
    let count = 0;
    /** The page's last whole revision. */
    let reached = since;
    /** A cut inside one revision: its last row in this page. */
    let cut: { rev: number; tbl: string; id: string } | undefined;
    let cursor = since;
    let ended = false;
    scan: for (;;) {
      const revisions = await this.sql.query<{
        rev: number | string;
        n: number | string;
        bytes: number | string;
        author: string | null;
      }>(
        `select s.rev, s.n, s.bytes, c.user_id as author from (
           select rev, count(*) as n, sum(size + octet_length(id) + ${ROW_FRAME_BYTES}) as bytes from sync_rows
           where rev > $1 and rev <= $2 and (rev, tbl, id) > ($3::bigint, $4::text, $5::text) and ${kept}
           group by rev order by rev limit ${REVISION_CHUNK}
         ) s left join sync_changesets c on c.rev = s.rev and c.user_id <> '' order by s.rev`,
        [cursor, last, start[0], start[1], start[2], ...keptParams],
      );
      for (const r of revisions) {
        const rev = Number(r.rev);
        const author = r.author || undefined;
        const authorBytes = author === undefined ? 0 : authorEntryBytes(rev, author);
        const bytes = Number(r.bytes) + authorBytes;
        if (count && used + bytes > budget) break scan; // this revision starts the next page
        if (!count && bytes > budget) {
          // One changeset larger than a page: send what fits of it (at least one row), and say where the next page starts.
          const from = rev === start[0] ? start : [rev, '', ''];
          const keptHere = `not (rev = any($5::bigint[]) and tbl <> all($6::text[]))`;
          const [row] = await this.sql.query<{ tbl: string; id: string }>(
            `select tbl, id from (
               select tbl, id, sum(size + octet_length(id) + ${ROW_FRAME_BYTES}) over (order by tbl, id) as run
               from sync_rows where rev = $1 and (tbl, id) > ($2::text, $3::text) and ${keptHere}
             ) x where run <= $4 or (tbl, id) = (
               select tbl, id from sync_rows where rev = $1 and (tbl, id) > ($2::text, $3::text) and ${keptHere}
               order by tbl, id limit 1
             ) order by tbl desc, id desc limit 1`,
            [rev, from[1], from[2], Math.max(budget - authorBytes, 1), ...keptParams],
          );
          cut = { rev, tbl: row.tbl, id: row.id };
          if (author !== undefined) authors[rev] = author;
          break scan;
        }
        if (author !== undefined) authors[rev] = author;
        used += bytes;
        count += Number(r.n);
        reached = rev;
        if (count >= limit || used >= budget) break scan;
      }
      if (revisions.length < REVISION_CHUNK) {
        ended = true;
        break;
      }
      cursor = Number(revisions[revisions.length - 1].rev);
    }
    // Every row up to `last` was read: the last revision read is whole too.
    if (ended) reached = last;
    if (cut) reached = since;

    // 2. Read the chosen rows with their values, each as the JSON of a pulled row, joined in order.
    const select = `select string_agg(${ROW_JSON}, ',' order by rev, tbl, id) as rows from sync_rows
      where rev > $1 and (rev, tbl, id) > ($2::bigint, $3::text, $4::text) and not (rev = any($5::bigint[]) and tbl <> all($6::text[]))`;
    const [page] = cut
      ? await this.sql.query<{ rows: string | null }>(`${select} and rev = $7 and (tbl, id) <= ($8::text, $9::text)`, [
          since,
          start[0],
          start[1],
          start[2],
          ...keptParams,
          cut.rev,
          cut.tbl,
          cut.id,
        ])
      : count
        ? await this.sql.query<{ rows: string | null }>(`${select} and rev <= $7`, [
            since,
            start[0],
            start[1],
            start[2],
            ...keptParams,
            reached,
          ])
        : [];
    const next = cut && { rev: cut.rev, table: cut.tbl, id: cut.id };
    const more = next !== undefined || reached < last;
    // The frame in the order and form JSON.stringify gives a PullResponse.
    const text = `{"schemaVersion":${SYNC_SCHEMA_VERSION},"rows":[${page?.rows ?? ''}],"lastRev":${reached},"more":${more}${
      next ? `,"next":${JSON.stringify(next)}` : ''
    }${Object.keys(authors).length ? `,"authors":${JSON.stringify(authors)}` : ''}}`;
    return { text, lastRev: reached, more, next, last };
  }
}

/** A pull page as sent, with the cursor it ends at and the server's last revision when it was built. */
interface Page {
  text: string;
  lastRev: number;
  more: boolean;
  next?: { rev: number; table: string; id: string };
  last: number;
}

/** What names one pull page: two requests with the same key get the same page from the same data. */
function pageKey(since: number, opts: PullOptions): string {
  const a = opts.after;
  return JSON.stringify([
    since,
    opts.limit ?? null,
    opts.maxBytes ?? null,
    a ? [a.rev, a.table, a.id] : null,
    opts.skip?.length ? [...opts.skip].sort((x, y) => x - y) : null,
  ]);
}

/**
 * One stored row as the JSON of a pulled row ({"table","id","rev","deleted","value"}), built by the
 * database around the value's stored text; a deleted row's value is null.
 */
const ROW_JSON = `'{"table":' || to_json(tbl)::text || ',"id":' || to_json(id)::text || ',"rev":' || rev || ',"deleted":' || deleted || ',"value":' || case when deleted or value is null then 'null' else value end || '}'`;

export interface PullOptions {
  limit?: number;
  maxBytes?: number;
  after?: { rev: number; table: string; id: string };
  /**
   * Revisions the pane pushed itself and already holds as they are here (it was told each one's
   * revision): their rows are left out, except on the tables where the server stamps the user, whose
   * rows the pane must take from here. The revisions still count as pulled (`lastRev` passes them).
   */
  skip?: number[];
}

function toServerRow(r: StoredRow): ServerRow {
  return {
    table: r.tbl as SyncTable,
    id: r.id,
    rev: Number(r.rev),
    deleted: r.deleted,
    value: r.deleted ? null : r.value,
  };
}

/** Changes printed at once for the digest. */
const DIGEST_BATCH = 1000;

/**
 * The hash of {"action":…,"changes":[…]} as JSON, fed a thousand changes at a time (a changeset may be
 * larger than a string can be): the same bytes as printing the whole, so stored digests still match.
 */
function digestOf(cs: Pick<Changeset, 'action' | 'changes'>): string {
  const hash = createHash('sha256').update(`{"action":${JSON.stringify(cs.action ?? null)},"changes":[`);
  for (let i = 0; i < cs.changes.length; i += DIGEST_BATCH) {
    const text = JSON.stringify(cs.changes.slice(i, i + DIGEST_BATCH));
    if (i) hash.update(',');
    hash.update(text.slice(1, -1));
  }
  return hash.update(']}').digest('hex');
}

/**
 * Checks what can be checked without the database: each value's schema, the text rule on every string
 * that will be stored (values and the recorded action), and revisions from the future. Returns the
 * changeset with each value as its schema returns it (unknown fields stripped).
 */
function validateChangeset(cs: Changeset, where: string, lastRev: number): Changeset {
  if (cs.read && cs.read.rev > lastRev)
    throw new BadRequest(
      `${where}.read.rev: ${cs.read.rev} is a revision the server never issued (last is ${lastRev})`,
    );
  if (cs.action) {
    const bad = findTextRuleViolation(cs.action);
    if (bad) throw new BadRequest(`${where}.action (${cs.action.name}): field ${bad.path} ${bad.reason}`, 422);
  }
  const changes = cs.changes.map((c, j) => {
    const at = `${where}.changes.${j}`;
    if (c.baseRev > lastRev)
      throw new BadRequest(`${at}.baseRev: ${c.baseRev} is a revision the server never issued (last is ${lastRev})`);
    if (c.op !== 'put') return c;
    // The text rule first: the row schemas check it too (text.ts), but its answer is a 422 naming the field.
    const bad = findTextRuleViolation(c.value);
    if (bad)
      throw new BadRequest(
        `${c.table} ${c.id}, field ${bad.path}: ${bad.reason} (${at}); no text may hold NUL, a lone surrogate or a control character but tab and line breaks`,
        422,
      );
    const parsed = tableRules[c.table].schema.safeParse(c.value);
    if (!parsed.success) throw new BadRequest(`${at} (${c.table} ${c.id}): ${describeIssues(parsed.error, 'value')}`);
    return { ...c, value: parsed.data as Record<string, unknown> };
  });
  return { ...cs, changes };
}

/** An action that chose rows by reading others is valid only if no one else changed what it read since. */
async function checkReads(tx: SqlTx, cs: Changeset, clientId: string): Promise<void> {
  if (!cs.read) return;
  const tables = [...new Set([...cs.read.tables, ...tablesReadBy(cs.action?.name)])];
  if (tables.length === 0) return;
  // Rows this client wrote itself are in its view already (acknowledged or pending there).
  const [hit] = await tx.query<{ tbl: string; id: string; rev: number | string }>(
    `select r.tbl, r.id, r.rev from sync_rows r join sync_changesets c on c.rev = r.rev
     where r.rev > $1 and r.tbl = any($2::text[]) and c.client_id <> $3 order by r.rev limit 1`,
    [cs.read.rev, tables, clientId],
  );
  if (hit) {
    const what = cs.action?.name ?? 'the change';
    throw new StaleRead(
      hit.tbl,
      Number(hit.rev),
      `${what} read ${hit.tbl} as of revision ${cs.read.rev}, and ${hit.tbl} ${hit.id} changed at revision ${Number(hit.rev)}: it must run again on what is there now`,
    );
  }
}

/** One row as the write statement reads it; a deleted row's value is null, and so are its keys. */
interface WriteRecord {
  tbl: string;
  id: string;
  deleted: boolean;
  value: Record<string, unknown> | null;
  parent: string | null;
  /** The business keys the row holds once written (none for a deletion). */
  keys: string[];
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

async function applyChanges(tx: SqlTx, changes: Change[], rev: number, ctx: PushContext, chain: Map<string, Link>) {
  const current = new Map<string, StoredRow>();
  for (const r of await tx.query<StoredText>(
    'select r.tbl, r.id, r.rev, r.deleted, r.value from sync_rows r join unnest($1::text[], $2::text[]) as k(tbl, id) on r.tbl = k.tbl and r.id = k.id',
    [changes.map((c) => c.table), changes.map((c) => c.id)],
  )) {
    current.set(rowKey(r.tbl, r.id), parsed(r));
  }
  const all = changes.map((c) => ({ table: c.table, id: c.id }));

  // 1. Every change must be based on the row's current revision.
  for (const c of changes) {
    const cur = current.get(rowKey(c.table, c.id));
    const live = cur && !cur.deleted;
    const curRev = cur ? Number(cur.rev) : 0;
    const link = chain.get(rowKey(c.table, c.id));
    const fresh =
      c.op === 'put'
        ? live
          ? c.baseRev === curRev
          : c.baseRev === 0 || c.baseRev === curRev
        : live && c.baseRev === curRev;
    // A row an earlier changeset of this push wrote: the client based both on the same revision, and the
    // row must still be at the revision that changeset made (checked against the row, never assumed).
    const chained =
      link !== undefined && c.baseRev === link.base && curRev === link.rev && (c.op === 'put' || Boolean(live));
    const ok = fresh || chained;
    if (!ok) {
      const state = live ? `is at revision ${curRev}` : cur ? `was deleted at revision ${curRev}` : 'does not exist';
      throw new Conflict(
        'stale',
        `${c.table} ${c.id} changed meanwhile: the change was based on revision ${c.baseRev}, the row ${state}`,
        all,
      );
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
  const keysOf: string[][] = [];
  const seen = new Map<string, string>();
  changes.forEach((c, i) => {
    keysOf.push(c.op === 'put' ? tableRules[c.table].keys(values[i]!) : []);
    for (const key of keysOf[i]) {
      const owner = seen.get(key);
      if (owner)
        throw new Conflict(
          'duplicateKey',
          `${describeKey(key)} is used twice in one change (${owner} and ${rowKey(c.table, c.id)})`,
          all,
        );
      seen.set(key, rowKey(c.table, c.id));
    }
  });
  const changed = new Set(changes.map((c) => rowKey(c.table, c.id)));
  if (seen.size) {
    const owners = await tx.query<{ key: string; tbl: string; id: string }>(
      'select key, tbl, id from sync_keys where key = any($1::text[])',
      [[...seen.keys()]],
    );
    const clash = owners.find((o) => !changed.has(rowKey(o.tbl, o.id)));
    if (clash) {
      throw new Conflict('duplicateKey', `${describeKey(clash.key)} is already used by ${clash.tbl} ${clash.id}`, [
        ...all,
        { table: clash.tbl, id: clash.id },
      ]);
    }
  }

  // 4. Write the rows and their keys. The keys a row held go first, and only rows the server has can
  // hold any (a row never written has none, and a deletion drops them): a changeset of new rows, such
  // as a new segment's lines, skips the lookup of each one. Then one statement per chunk writes the
  // rows, their history and their keys; a changeset under the chunk size is one statement.
  const existing = changes.filter((c) => current.has(rowKey(c.table, c.id)));
  if (existing.length)
    await tx.query(
      'delete from sync_keys k using unnest($1::text[], $2::text[]) as w(tbl, id) where k.tbl = w.tbl and k.id = w.id',
      [existing.map((c) => c.table), existing.map((c) => c.id)],
    );
  const records = changes.map((c, i): WriteRecord => {
    const v = values[i];
    return {
      tbl: c.table,
      id: c.id,
      deleted: c.op === 'delete',
      value: v,
      parent: v ? (tableRules[c.table].parent?.(v) ?? null) : null,
      keys: keysOf[i],
    };
  });
  for (const chunk of jsonChunks(records)) await writeRows(tx, chunk, rev);

  // 5. Parents: a child needs a live parent; a parent goes only when no child is left.
  const parents = [...new Set(records.map((r) => r.parent).filter((p): p is string => Boolean(p)))];
  if (parents.length) {
    const live = new Set(
      (
        await tx.query<{ tbl: string; id: string }>(
          'select r.tbl, r.id from sync_rows r join unnest($1::text[], $2::text[]) as p(tbl, id) on r.tbl = p.tbl and r.id = p.id where not r.deleted',
          [parents.map((p) => p.slice(0, p.indexOf('/'))), parents.map((p) => p.slice(p.indexOf('/') + 1))],
        )
      ).map((r) => rowKey(r.tbl, r.id)),
    );
    const missing = parents.find((p) => !live.has(p));
    if (missing) {
      const [table, id] = missing.split('/');
      const [tombstone] = await tx.query('select 1 from sync_rows where tbl = $1 and id = $2', [table, id]);
      // Deleted meanwhile: a race the client rebases. Never created: the change names a row that is not there.
      if (!tombstone)
        throw new Refused(`${missing.replace('/', ' ')} does not exist: rows that belong to it cannot be written`);
      throw new Conflict(
        'missingParent',
        `${missing.replace('/', ' ')} was deleted meanwhile: its rows cannot be written`,
        [...all, { table, id }],
      );
    }
  }
  const goneParents = records.filter((r) => r.deleted && parentTables.has(r.tbl)).map((r) => rowKey(r.tbl, r.id));
  if (goneParents.length) {
    const [orphan] = await tx.query<{ tbl: string; id: string; parent: string }>(
      'select tbl, id, parent from sync_rows where not deleted and parent = any($1::text[]) limit 1',
      [goneParents],
    );
    if (orphan) {
      throw new Conflict(
        'parentInUse',
        `${orphan.parent.replace('/', ' ')} still has ${orphan.tbl} ${orphan.id}: it cannot be deleted without them`,
        [...all, { table: orphan.tbl, id: orphan.id }],
      );
    }
  }
}

/**
 * Writes one chunk of rows at `rev`: the rows themselves, their history (history.ts) and their keys (the
 * keys they held before are already gone), in one statement that reads the chunk's JSON once.
 */
async function writeRows(tx: SqlTx, chunk: string, rev: number): Promise<void> {
  await tx.query(
    `with x as materialized (
       select * from json_to_recordset($1::json) as x(tbl text, id text, deleted boolean, value text, parent text, keys text[])
     ), written as (
       insert into sync_rows (tbl, id, rev, deleted, value, parent, size)
       select x.tbl, x.id, $2, x.deleted, x.value, x.parent, coalesce(octet_length(x.value), 0) from x
       on conflict (tbl, id) do update set rev = excluded.rev, deleted = excluded.deleted, value = excluded.value, parent = excluded.parent, size = excluded.size
       returning tbl, id, rev, deleted
     ), history as (${HISTORY_FROM_WRITTEN})
     insert into sync_keys (key, tbl, id) select k.key, x.tbl, x.id from x cross join unnest(x.keys) as k(key)`,
    [chunk, rev],
  );
}

/**
 * The rows as JSON arrays of about WRITE_CHUNK_BYTES each (a row larger than that alone), each array
 * printed by one JSON.stringify, never the whole changeset at once (it may be larger than a string can
 * be); the values' sizes are measured by the database on their text.
 */
function* jsonChunks(records: WriteRecord[]): Generator<string> {
  if (records.length === 0) return;
  // Rows per chunk from the size of the first ones; a chunk that turns out much larger is halved.
  const sample = Math.min(records.length, 256);
  const perRow = JSON.stringify(records.slice(0, sample)).length / sample;
  const perChunk = Math.max(1, Math.floor(WRITE_CHUNK_BYTES / perRow));
  for (let i = 0; i < records.length; i += perChunk) {
    const chunk = records.slice(i, i + perChunk);
    let text: string | undefined;
    try {
      text = JSON.stringify(chunk);
    } catch (e) {
      if (!(e instanceof RangeError) || chunk.length === 1) throw e; // longer than a string can be
    }
    if (chunk.length > 1 && (text === undefined || text.length > 2 * WRITE_CHUNK_BYTES)) {
      const half = Math.ceil(chunk.length / 2);
      yield* jsonChunks(chunk.slice(0, half));
      yield* jsonChunks(chunk.slice(half));
    } else yield text!;
  }
}

function describeKey(key: string): string {
  const i = key.indexOf(':');
  return `${key.slice(0, i)} ${key.slice(i + 1)}`;
}
