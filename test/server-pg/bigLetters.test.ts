// Issue 11, finding 7, at full size on the real PostgreSQL (a minute or more each, so in the system suite
// rather than the fast one): 200 entries with 3.6 MB letters come back in pages under the body cap, read
// straight from the server and by a new pane pulling from 0.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { changeset, letterOf, logEntry, loggedSegment, newId, push, put } from '../server/fixtures';
import { openPane, startTestServer, type Pane } from '../sync/harness';
import { startCluster, type Cluster } from './cluster';

let cluster: Cluster;
let server: RunningServer;
const name = `segments_big_${process.pid}`;
const letter = letterOf(3_600_000);
let pane: Pane | undefined;

beforeAll(async () => {
  cluster = await startCluster();
  server = await startTestServer({ databaseUrl: cluster.createDatabase(name) });
  const logged = loggedSegment(newId(), 1, `BIG-${process.pid}`);
  await push(server.url, [changeset([put('loggedSegments', logged)])]);
  for (let i = 1; i <= 200; i++) {
    const r = await push(server.url, [
      changeset([put('interactionLog', logEntry(newId(), i, logged, `C${i}`, `${i}:${letter}`))]),
    ]);
    expect(r.body.results[0].status).toBe('applied');
  }
}, 600_000);

afterAll(async () => {
  await pane?.close();
  await server?.close();
  cluster?.dropDatabase(name);
  cluster?.destroy();
});

test('a pull from 0 of 200 entries with 3.6 MB letters comes in pages under the cap, every one of them', async () => {
  let since = 0;
  let entries = 0;
  let pages = 0;
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/pull?since=${since}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    const page = JSON.parse(text);
    pages++;
    for (const row of page.rows)
      if (row.table === 'interactionLog')
        expect(row.value.letter.length).toBe(letter.length + `${row.value.entryNo}:`.length);
    entries += page.rows.filter((r: { table: string }) => r.table === 'interactionLog').length;
    since = page.lastRev;
    if (!page.more) break;
  }
  expect(entries).toBe(200);
  expect(pages).toBeGreaterThanOrEqual(200);
}, 600_000);

test('a new pane pulls from 0 a workspace of 200 entries with 3.6 MB letters, in pages under the cap', async () => {
  pane = await openPane(server.url);
  await pane.sync.syncNow();
  expect(pane.sync.getStatus()).toMatchObject({ connection: 'connected', lastError: undefined });
  const entries = await pane.workspace.ctx.db.interactionLog.where('loggedSegmentEntryNo').equals(1).toArray();
  expect(entries).toHaveLength(200);
  expect(entries.every((e) => e.letter?.length === letter.length + `${e.entryNo}:`.length)).toBe(true);
}, 600_000);
