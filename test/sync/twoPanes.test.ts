// The guarantees of the shared workspace (sync.md, "Guarantees to test") with two panes, each its own
// Dexie database, and one server on PGlite.
import { describe, expect, test } from 'vitest';
import { seedMarket } from '../store/helpers';
import { pullAll } from '../server/fixtures';
import { openPane, settle, sharedServer, startTestServer, waitFor } from './harness';

const shared = sharedServer();
const open = shared.open;
const pane = shared.pane;

/** Two panes that share a seeded workspace and one segment with the Roma contacts. */
async function twoPanesWithSegment(description = 'Christmas letter') {
  const a = await pane();
  const b = await pane();
  const before = await a.workspace.ctx.db.segments.count();
  if (before === 0) await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  for (const p of [a, b]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  const s = await a.workspace.segments.create({
    description,
    interactionTemplateCode: 'ABSTRACT',
    salespersonCode: 'JR',
  });
  await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
  await settle(a, b);
  return { a, b, no: s.no };
}

/** What the server holds, live rows only, by table. */
async function serverRows(table: string) {
  return (await pullAll(shared.server.url)).rows.filter((r) => r.table === table && !r.deleted).map((r) => r.value);
}

test('a segment made in one pane appears in the other without reload, through the event stream', async () => {
  const a = await pane({ loop: true });
  const b = await pane({ loop: true });
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  const s = await a.workspace.segments.create({ description: 'Made in Excel' });
  await waitFor(
    b,
    async () => (await b.workspace.segments.get(s.no))?.header.description === 'Made in Excel',
    'the segment in pane B',
  );
  expect(b.sync.getStatus()).toMatchObject({ connection: 'connected', failed: [] });
  await waitFor(a, (st) => st.pending === 0, 'pane A to have pushed everything');
});

test('edits made in both panes end with both effects on both panes and the server', async () => {
  const { a, b, no } = await twoPanesWithSegment();
  await a.workspace.segments.updateHeader(no, { description: 'Edited in A' }, { updateLines: false });
  await b.workspace.segments.addLine(no, 'P300');
  await a.sync.syncNow();
  await b.sync.syncNow(); // conflicts on the header, rebases, replays addLine on top of A's edit
  await a.sync.syncNow();
  for (const p of [a, b]) {
    const v = (await p.workspace.segments.get(no))!;
    expect(v.header.description).toBe('Edited in A');
    expect(v.lines.map((l) => l.contactNo)).toContain('P300');
    expect(p.sync.getStatus().failed).toEqual([]);
  }
  expect((await serverRows('segments')).find((s: any) => s.no === no)?.description).toBe('Edited in A');
  expect(
    (await serverRows('segmentLines')).filter((l: any) => l.segmentNo === no).map((l: any) => l.contactNo),
  ).toContain('P300');
});

test('the same segment logged from both panes at once: one logged segment, one set of entries, and the loser is told', async () => {
  const { a, b, no } = await twoPanesWithSegment('Logged twice');
  const lines = (await a.workspace.segments.get(no))!.lines.length;
  await a.workspace.segments.log(no);
  await b.workspace.segments.log(no);
  await a.sync.syncNow();
  await b.sync.syncNow();
  await a.sync.syncNow();
  for (const p of [a, b]) {
    const logged = (await p.workspace.loggedSegments.list()).filter((l) => l.segmentNo === no);
    expect(logged).toHaveLength(1);
    expect(await p.workspace.interactionLog.list({ segmentNo: no })).toHaveLength(lines);
    expect(await p.workspace.segments.get(no)).toBeUndefined();
  }
  expect(a.sync.getStatus().failed).toEqual([]);
  expect(b.sync.getStatus().failed).toEqual([
    expect.objectContaining({
      name: 'segments.log',
      about: no,
      args: [expect.any(String), expect.anything()],
      code: expect.stringMatching(/NOT_FOUND|ALREADY_LOGGED|CONFLICT/),
    }),
  ]);
  expect((await serverRows('loggedSegments')).filter((l: any) => l.segmentNo === no)).toHaveLength(1);
  expect((await serverRows('interactionLog')).filter((e: any) => e.segmentNo === no)).toHaveLength(lines);
});

describe('a line added in one pane while the other logs the segment never ends as an orphan or a silently unlogged contact', () => {
  test('the log reaches the server first: the line is refused and the user is told', async () => {
    const { a, b, no } = await twoPanesWithSegment('Line vs log 1');
    await a.workspace.segments.addLine(no, 'P300');
    await b.workspace.segments.log(no);
    await b.sync.syncNow();
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(a.sync.getStatus().failed).toEqual([
      expect.objectContaining({ name: 'segments.addLine', about: no, args: [expect.any(String), 'P300'] }),
    ]);
    for (const p of [a, b]) {
      expect(
        await p.workspace.ctx.db.segmentLines
          .where('segmentNo')
          .equals(no)
          .count()
          .catch(
            async () => (await p.workspace.ctx.db.segmentLines.toArray()).filter((l) => l.segmentNo === no).length,
          ),
      ).toBe(0);
      expect((await p.workspace.interactionLog.list({ segmentNo: no })).map((e) => e.contactNo)).not.toContain('P300');
    }
    expect((await serverRows('segmentLines')).filter((l: any) => l.segmentNo === no)).toEqual([]);
  });

  test('the line reaches the server first: the log is replayed and logs the new line too', async () => {
    const { a, b, no } = await twoPanesWithSegment('Line vs log 2');
    const lines = (await a.workspace.segments.get(no))!.lines.length;
    await a.workspace.segments.addLine(no, 'P300');
    await b.workspace.segments.log(no);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const p of [a, b]) {
      const entries = await p.workspace.interactionLog.list({ segmentNo: no });
      expect(entries).toHaveLength(lines + 1);
      expect(entries.map((e) => e.contactNo)).toContain('P300');
      expect(p.sync.getStatus().failed).toEqual([]);
    }
    expect((await serverRows('segmentLines')).filter((l: any) => l.segmentNo === no)).toEqual([]);
  });
});

describe('numbers created offline in both panes end up unique', () => {
  test('segment numbers: the second pane gets the next number and is told', async () => {
    const { a, b } = await twoPanesWithSegment('Numbers');
    const sa = await a.workspace.segments.create({ description: 'Offline in A' });
    const sb = await b.workspace.segments.create({ description: 'Offline in B' });
    expect(sb.no).toBe(sa.no);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    const renamed = b.sync.getStatus().renumbered;
    expect(renamed).toEqual([
      expect.objectContaining({ table: 'segments', id: sb.id, from: sb.no, action: 'segments.create' }),
    ]);
    const newNo = renamed[0].to;
    expect(newNo).not.toBe(sa.no);
    for (const p of [a, b]) {
      expect((await p.workspace.segments.get(sa.no))?.header.description).toBe('Offline in A');
      expect((await p.workspace.segments.get(newNo))?.header.description).toBe('Offline in B');
    }
  });

  test('logged segment and entry numbers, and saved criteria codes', async () => {
    const { a, b, no } = await twoPanesWithSegment('Log numbers A');
    const other = await a.workspace.segments.create({
      description: 'Log numbers B',
      interactionTemplateCode: 'ABSTRACT',
      salespersonCode: 'JR',
    });
    await a.workspace.segments.addContacts(other.no, { contact: { city: 'Milano' } });
    await settle(a, b);
    const la = await a.workspace.segments.log(no);
    const lb = await b.workspace.segments.log(other.no);
    expect(lb.loggedSegment.entryNo).toBe(la.loggedSegment.entryNo);
    await a.workspace.segments
      .create({ description: 'criteria A' })
      .then((s) =>
        a.workspace.segments
          .addContacts(s.no, { contact: { city: 'Roma' } })
          .then(() => a.workspace.segments.saveCriteria(s.no, 'ROMA', 'A')),
      );
    await b.workspace.segments
      .create({ description: 'criteria B' })
      .then((s) =>
        b.workspace.segments
          .addContacts(s.no, { contact: { city: 'Milano' } })
          .then(() => b.workspace.segments.saveCriteria(s.no, 'ROMA', 'B')),
      );
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const p of [a, b]) {
      const logged = await p.workspace.loggedSegments.list();
      expect(new Set(logged.map((l) => l.entryNo)).size).toBe(logged.length);
      const entries = await p.workspace.interactionLog.list();
      expect(new Set(entries.map((e) => e.entryNo)).size).toBe(entries.length);
      expect(
        (await p.workspace.savedCriteria.list()).filter((c) => c.code === 'ROMA').map((c) => c.description),
      ).toEqual(['A']);
    }
    expect(b.sync.getStatus().renumbered).toContainEqual(
      expect.objectContaining({ table: 'loggedSegments', from: String(lb.loggedSegment.entryNo) }),
    );
    expect(b.sync.getStatus().failed).toEqual([
      expect.objectContaining({ name: 'segments.saveCriteria', code: 'SAVED_CRITERIA_EXISTS' }),
    ]);
    const entries = (await serverRows('interactionLog')) as any[];
    expect(new Set(entries.map((e) => e.entryNo)).size).toBe(entries.length);
  });

  test('a failed action can be retried once what refused it is gone, or dismissed', async () => {
    const { a, b, no } = await twoPanesWithSegment('Retry');
    await a.workspace.segments.saveCriteria(no, 'RETRY1', 'A');
    await b.workspace.segments.saveCriteria(no, 'RETRY1', 'B');
    await a.sync.syncNow();
    await b.sync.syncNow();
    const [failed] = b.sync.getStatus().failed;
    expect(failed).toMatchObject({
      name: 'segments.saveCriteria',
      code: 'SAVED_CRITERIA_EXISTS',
      message: expect.stringContaining('RETRY1'),
    });
    await expect(b.sync.retry(failed.id)).rejects.toMatchObject({ code: 'SAVED_CRITERIA_EXISTS' });
    await a.workspace.savedCriteria.remove('RETRY1');
    await a.sync.syncNow();
    await b.sync.syncNow();
    await b.sync.retry(failed.id);
    expect(b.sync.getStatus().failed).toEqual([]);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect((await a.workspace.savedCriteria.get('RETRY1'))?.description).toBe('B');
  });
});

test('a pane offline for 500 changesets catches up in order', async () => {
  const { a, b, no } = await twoPanesWithSegment('Offline 500');
  for (let i = 1; i <= 500; i++) {
    a.clock.advance(1000);
    await a.workspace.segments.updateLine(no, 10000, { comment: `edit ${i}` });
  }
  await b.workspace.segments.updateHeader(no, { description: 'B was here' }, { updateLines: false });
  await b.sync.syncNow();
  await waitFor(a, (st) => st.pending === 500, 'pane A to show 500 changes waiting');
  const started = Date.now();
  await a.sync.syncNow();
  const seconds = (Date.now() - started) / 1000;
  await b.sync.syncNow();
  for (const p of [a, b]) {
    const v = (await p.workspace.segments.get(no))!;
    expect(v.header.description).toBe('B was here');
    expect(v.lines.find((l) => l.lineNo === 10000)?.comment).toBe('edit 500');
  }
  expect(a.sync.getStatus()).toMatchObject({ pending: 0, failed: [] });
  // The server applied them in the order they were made.
  const applied = await shared.server.sql.query<{ c: string }>(
    "select action->'args'->2->>'comment' as c from sync_changesets where action->>'name' = 'segments.updateLine' and action->'args'->>0 = $1 order by rev",
    [(await a.workspace.segments.get(no))!.header.id],
  );
  expect(applied.map((r) => r.c)).toEqual(Array.from({ length: 500 }, (_, i) => `edit ${i + 1}`));
  console.log(`500 offline changesets caught up in ${seconds.toFixed(1)} s`);
}, 180_000);

test('the pane works without the server and catches up when it comes', async () => {
  const own = await startTestServer();
  const url = own.url;
  const port = own.port;
  await own.close();
  const p = await openPane(url, { loop: true });
  open.push(p);
  await seedMarket(p.workspace);
  const s = await p.workspace.segments.create({ description: 'Made offline' });
  await waitFor(p, (st) => st.connection === 'offline', 'the pane to say it is offline');
  expect(p.sync.getStatus().lastError).toMatch(/the server https:\/\/localhost:\d+ cannot be reached \(ECONNREFUSED\)/);
  const back = await startTestServer({ port });
  try {
    await waitFor(p, (st) => st.connection === 'connected' && st.pending === 0, 'the pane to catch up');
    const rows = (await pullAll(back.url)).rows.filter((r) => r.table === 'segments');
    expect(rows.map((r) => r.value.no)).toEqual([s.no]);
  } finally {
    await p.close();
    open.splice(open.indexOf(p), 1);
    await back.close();
  }
}, 90_000);
