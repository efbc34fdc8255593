// What a large changeset costs the server in statements: choosing a pull page is a few statements
// whatever the number of rows (never one per thousand rows), a changeset is written in the same few
// statements whether it holds 500 rows or 5,000 (its rows, their history and their old keys in one, its
// new keys in another), and a changeset in parts reads each stored part once and applies the last one as
// it came, without storing it and reading it back.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ensureHistory } from '../../src/server/history';
import { migrate } from '../../src/server/migrations';
import { openSql, type Sql } from '../../src/server/sql';
import { SyncService } from '../../src/server/syncService';
import { packChangesets } from '../../src/sync/packing';
import { changeset, line, newId, put, segment } from './fixtures';

let sql: Sql;
let log: string[];

beforeEach(async () => {
  const db = await openSql({});
  await migrate(db);
  await ensureHistory(db);
  log = [];
  const logged =
    (q: Sql['query']) =>
    <T>(text: string, params?: unknown[]) => {
      log.push(text.replace(/\s+/g, ' ').trim());
      return q<T>(text, params);
    };
  sql = {
    kind: db.kind,
    query: logged(db.query.bind(db)),
    transaction: (fn) => db.transaction((tx) => fn({ query: logged(tx.query.bind(tx)) })),
    close: () => db.close(),
  };
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

test('choosing a pull page costs the same few statements for 500 rows as for 5,000', async () => {
  const service = new SyncService(sql);
  const statementsToPull = async (lines: number) => {
    const since = await service.lastRev();
    const r = await service.push({ schemaVersion: 1, clientId: 'c', changesets: [changeset(segmentWith(lines))] });
    expect(r.results[0].status).toBe('applied');
    log = [];
    const page = await service.pull(since, { maxBytes: 64 * 1024 * 1024 });
    expect(page.rows).toHaveLength(lines + 1);
    return log.length;
  };
  const small = await statementsToPull(500);
  const large = await statementsToPull(5_000);
  expect(large).toBe(small);
  expect(large).toBeLessThanOrEqual(4);
}, 300_000);

test('a changeset is applied in the same eight statements for 500 rows as for 5,000: rows, history and keys in one each step', async () => {
  const service = new SyncService(sql);
  const statementsToApply = async (lines: number) => {
    log = [];
    const r = await service.push({ schemaVersion: 1, clientId: 'c', changesets: [changeset(segmentWith(lines))] });
    expect(r.results[0].status).toBe('applied');
    const from = log.findIndex((q) => q.includes('pg_advisory_xact_lock'));
    const to = log.findIndex((q) => q.startsWith('insert into sync_changesets'));
    return log.slice(from, to + 1);
  };
  const small = await statementsToApply(500);
  const large = await statementsToApply(5_000);
  expect(large).toEqual(small);
  // lock, last revision, the rows as they are, the keys they take, the write (rows, their history and
  // the keys they held), their new keys, their parents, the changeset's record.
  expect(large).toHaveLength(8);
  expect(large.filter((q) => q.includes('sync_row_history'))).toHaveLength(1);
  expect(large.filter((q) => /^(with|insert|update|delete)\b/.test(q))).toHaveLength(3);
  // Every row has its history and its key, and a rewritten row keeps one key.
  const [{ rows, history, keys }] = await sql.query<{ rows: number; history: number; keys: number }>(
    `select (select count(*)::int from sync_rows) as rows, (select count(*)::int from sync_row_history) as history,
            (select count(*)::int from sync_keys) as keys`,
  );
  expect({ history, keys }).toEqual({ history: rows, keys: rows });
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
