// What a large changeset costs the server in statements: a pull page is a few statements whatever the
// number of rows (never one per thousand rows), its rows read as one joined text in one row (never
// row by row, each value parsed and printed again), a changeset is written in the same few
// statements whether it holds 500 rows or 5,000 (its rows, their history and their keys in one; the
// keys the rows held before in one more, only when some of the rows were there before), and a changeset in parts reads each stored part once and applies the last one as
// it came, without storing it and reading it back.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ensureHistory } from '../../src/server/history';
import { migrate } from '../../src/server/migrations';
import { openSql, type Sql } from '../../src/server/sql';
import { SyncService } from '../../src/server/syncService';
import { packChangesets } from '../../src/sync/packing';
import { changeset, line, loggingSql, newId, put, segment } from './fixtures';

let sql: Sql;
let log: string[];
/** How many rows each logged statement returned. */
let returned: number[];

beforeEach(async () => {
  const db = await openSql({});
  await migrate(db);
  await ensureHistory(db);
  log = [];
  returned = [];
  sql = loggingSql(db, (text) => {
    const i = log.push(text) - 1;
    return (rows) => void (returned[i] = rows);
  });
}, 180_000);
afterEach(() => sql.close(), 60_000);

function segmentWith(lines: number) {
  const s = segment(newId(), `S${newId()}`);
  return [
    put('segments', s),
    ...Array.from({ length: lines }, (_, i) =>
      put('segmentLines', line(newId(), s.id, s.no, (i + 1) * 10000, `C${i}`)),
    ),
  ];
}

/** The statements of one pull page, and the one that read its rows (with how many rows it returned). */
async function pullPage(service: SyncService, since: number, opts: Parameters<SyncService['pull']>[1]) {
  log = [];
  returned = [];
  const page = await service.pull(since, opts);
  const read = log.findIndex((q) => q.includes('string_agg'));
  return { page, statements: [...log], rowsRead: read < 0 ? [] : [returned[read]] };
}

test('a pull page costs the same three statements for 500 rows as for 5,000, its rows read as one text', async () => {
  const service = new SyncService(sql);
  const statementsToPull = async (lines: number) => {
    const since = await service.lastRev();
    const r = await service.push({ schemaVersion: 1, clientId: 'c', changesets: [changeset(segmentWith(lines))] });
    expect(r.results[0].status).toBe('applied');
    const { page, statements, rowsRead } = await pullPage(service, since, { maxBytes: 64 * 1024 * 1024 });
    expect(page.rows).toHaveLength(lines + 1);
    // The page's rows arrive joined in one row of one statement, whatever their number.
    expect(rowsRead).toEqual([1]);
    return statements;
  };
  const small = await statementsToPull(500);
  const large = await statementsToPull(5_000);
  expect(large).toEqual(small);
  // the last revision, the revisions' sizes, the rows.
  expect(large).toHaveLength(3);
}, 300_000);

test('a changeset larger than a page is pulled in pages of four statements each, however many rows each holds', async () => {
  // Each page's own statements: none built ahead (test/server/pullAhead.test.ts covers that).
  const service = new SyncService(sql, {}, { pullAhead: false });
  const r = await service.push({ schemaVersion: 1, clientId: 'c', changesets: [changeset(segmentWith(5_000))] });
  expect(r.results[0].status).toBe('applied');
  const pageStatements: number[] = [];
  let rows = 0;
  let since = 0;
  let after: { rev: number; table: string; id: string } | undefined;
  for (;;) {
    const { page, statements, rowsRead } = await pullPage(service, since, { maxBytes: 1024 * 1024, after });
    expect(rowsRead).toEqual([1]);
    pageStatements.push(statements.length);
    rows += page.rows.length;
    since = page.lastRev;
    after = page.next;
    if (!page.more) break;
  }
  expect(rows).toBe(5_001);
  expect(pageStatements.length).toBeGreaterThan(2);
  // Pages cut inside the revision: the last revision, the sizes, where the page ends, the rows; the last page
  // holds the rest of the revision whole (three).
  expect(pageStatements).toEqual([...pageStatements.slice(0, -1).map(() => 4), 3]);
}, 300_000);

test('a changeset is applied in the same seven statements for 500 rows as for 5,000: rows, history and keys in one', async () => {
  const service = new SyncService(sql);
  const statementsToApply = async (changes: ReturnType<typeof segmentWith>) => {
    log = [];
    const r = await service.push({ schemaVersion: 1, clientId: 'c', changesets: [changeset(changes)] });
    expect(r.results[0].status).toBe('applied');
    const from = log.findIndex((q) => q.includes('pg_advisory_xact_lock'));
    const to = log.findIndex((q) => q.startsWith('insert into sync_changesets'));
    return log.slice(from, to + 1);
  };
  const small = await statementsToApply(segmentWith(500));
  const fresh = segmentWith(5_000);
  const large = await statementsToApply(fresh);
  expect(large).toEqual(small);
  // lock, last revision, the rows as they are, the keys they take, the write (rows, their history and
  // their keys), their parents, the changeset's record. New rows hold no keys yet: none to drop.
  expect(large).toHaveLength(7);
  expect(large.filter((q) => q.includes('sync_row_history'))).toHaveLength(1);
  expect(large.filter((q) => /^(with|insert|update|delete)\b/.test(q))).toHaveLength(2);
  expect(large.filter((q) => q.startsWith('delete from sync_keys'))).toHaveLength(0);
  // Rows the server has: the keys they held are dropped first, in one statement for them all.
  const revs = new Map(
    (await sql.query<{ id: string; rev: string }>('select id, rev from sync_rows')).map((r) => [r.id, Number(r.rev)]),
  );
  const again = await statementsToApply(
    fresh.map((c) => ({ ...c, baseRev: revs.get(c.id)!, value: { ...c.value!, description: 'again' } })),
  );
  expect(again).toHaveLength(8);
  expect(again.filter((q) => q.startsWith('delete from sync_keys'))).toHaveLength(1);
  // The rows' values are stored as the text they came as: no jsonb is built for them.
  expect(large.find((q) => q.includes('insert into sync_rows'))).not.toMatch(/jsonb/);
  // Every row has its history (the rewritten ones twice) and its key, and a rewritten row keeps one key.
  const [{ rows, history, keys }] = await sql.query<{ rows: number; history: number; keys: number }>(
    `select (select count(*)::int from sync_rows) as rows, (select count(*)::int from sync_row_history) as history,
            (select count(*)::int from sync_keys) as keys`,
  );
  expect({ history, keys }).toEqual({ history: rows + fresh.length, keys: rows });
}, 300_000);

test('a changeset in parts: each stored part is read once, and the last part is applied as it came', async () => {
  const service = new SyncService(sql);
  const bodies = packChangesets([{ id: newId('CS'), changes: segmentWith(3_000) }], 256 * 1024);
  expect(bodies.length).toBeGreaterThan(2);
  const answers = [];
  for (const b of bodies)
    answers.push((await service.push({ schemaVersion: 1, clientId: 'c', changesets: b })).results[0]);
  expect(answers.at(-1)!.status).toBe('applied');
  const inserts = log.filter((q) => q.startsWith('insert into sync_parts'));
  const reads = log.filter((q) => q.startsWith('select body from sync_parts'));
  expect(inserts).toHaveLength(bodies.length - 1);
  expect(reads).toHaveLength(bodies.length - 1);
  const [{ n }] = await sql.query<{ n: number }>('select count(*)::int as n from sync_parts');
  expect(n).toBe(0);
}, 300_000);
