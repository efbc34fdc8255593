// A pull page that says `more` has the next one built while the pane receives it: the pane's next
// request gets it without the database reading the rows again, the pages are exactly those a fresh
// build gives, and a push committed meanwhile makes the server build the page again.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { PullResponse } from '../../src/domain/syncProtocol';
import { ensureHistory } from '../../src/server/history';
import { migrate } from '../../src/server/migrations';
import { openSql, type Sql } from '../../src/server/sql';
import { SyncService, type PullOptions } from '../../src/server/syncService';
import { changeset, line, loggingSql, newId, put, segment } from './fixtures';

let db: Sql;
let sql: Sql;
let log: string[];

beforeEach(async () => {
  db = await openSql({});
  await migrate(db);
  await ensureHistory(db);
  log = [];
  sql = loggingSql(db, (text) => void log.push(text));
}, 180_000);
afterEach(() => db.close(), 60_000);

const LINES = 5_000;
const PAGE = { maxBytes: 1024 * 1024, limit: 50_000 };

async function bigSegment(service: SyncService) {
  const s = segment(newId(), `S${newId()}`);
  const lines = Array.from({ length: LINES }, (_, i) => line(newId(), s.id, s.no, (i + 1) * 10000, `C${i}`));
  const r = await service.push({
    schemaVersion: 1,
    clientId: 'a',
    changesets: [changeset([put('segments', s), ...lines.map((l) => put('segmentLines', l))])],
  });
  expect(r.results[0].status).toBe('applied');
  return { s, lines, rev: (r.results[0] as { rev: number }).rev };
}

const nextOf = (p: PullResponse): [number, PullOptions] => [p.lastRev, { ...PAGE, after: p.next }];
/** The page as a server that never built one ahead gives it. */
const fresh = (since: number, opts: PullOptions) => new SyncService(db).pullJson(since, opts);

test('the next page is built ahead: asked for, it comes without reading rows again, and equals a fresh build', async () => {
  const service = new SyncService(sql);
  await bigSegment(service);
  let [since, opts]: [number, PullOptions] = [0, PAGE];
  let pages = 0;
  let rows = 0;
  for (;;) {
    log = [];
    const text = await service.pullJson(since, opts);
    const during = [...log];
    expect(text).toBe(await fresh(since, opts));
    const page = JSON.parse(text) as PullResponse;
    rows += page.rows.length;
    // Every page after the first was ready: no statement chose it or read its rows.
    if (pages > 0) expect(during.filter((q) => /string_agg|group by rev/.test(q))).toEqual([]);
    pages++;
    if (!page.more) break;
    await service.pagesAhead();
    [since, opts] = nextOf(page);
  }
  expect(pages).toBeGreaterThan(2);
  expect(rows).toBe(LINES + 1);
}, 300_000);

test('a push committed after the next page was built ahead: the page is built again and holds what is there now', async () => {
  const service = new SyncService(sql);
  const { s, lines, rev } = await bigSegment(service);
  const first = JSON.parse(await service.pullJson(0, PAGE)) as PullResponse;
  expect(first.more).toBe(true);
  await service.pagesAhead();
  // The last line, which page 2 or later holds at `rev`, moves to the next revision.
  const last = lines[LINES - 1];
  const moved = await service.push({
    schemaVersion: 1,
    clientId: 'b',
    changesets: [
      changeset([
        put('segments', { ...s, description: 'moved' }, rev),
        put('segmentLines', { ...last, comment: 'moved' }, rev),
      ]),
    ],
  });
  expect(moved.results[0].status).toBe('applied');
  const [since, opts] = nextOf(first);
  log = [];
  const text = await service.pullJson(since, opts);
  expect(log.some((q) => q.includes('string_agg'))).toBe(true);
  expect(text).toBe(await fresh(since, opts));
  // Pulled to the end, the moved line comes once, at its new revision, with its new comment.
  const all = [...first.rows];
  let page = JSON.parse(text) as PullResponse;
  all.push(...page.rows);
  while (page.more) {
    await service.pagesAhead();
    page = JSON.parse(await service.pullJson(...nextOf(page))) as PullResponse;
    all.push(...page.rows);
  }
  const copies = all.filter((r) => r.id === last.id);
  expect(copies).toHaveLength(1);
  expect(copies[0]).toMatchObject({ rev: rev + 1, value: { comment: 'moved' } });
  expect(new Set(all.map((r) => r.id)).size).toBe(LINES + 1);
}, 300_000);
