// A pane that joins a shared workspace and is used at once: its user makes a segment while the workspace
// is still arriving. The segment is made (it takes the next number of the team's series, not one already
// used), it reaches the server, and nothing is shown as failed.
import { expect, test } from 'vitest';
import { settle, sharedServer } from './harness';

const shared = sharedServer();

test('a segment made while the joining pane is still pulling the workspace is made, numbered after the team’s, and pushed', async () => {
  const a = await shared.pane();
  await a.workspace.sampleWorkspace.load();
  for (let i = 0; i < 3; i++) await a.workspace.segments.create({ description: `Team ${i}` });
  await settle(a);
  const teamNos = (await a.workspace.segments.list()).map((s) => s.no);

  // Small pages: the pull takes many round trips, and the user acts between them.
  const b = await shared.pane({ pageSize: 20, bodyCap: 8_000 });
  const pulling = b.sync.syncNow();
  await b.workspace.segments.create({ description: 'Made while arriving' });
  await pulling;
  await settle(b, a);
  await settle(a, b);

  expect(b.sync.getStatus().failed).toEqual([]);
  for (const p of [a, b]) {
    const list = await p.workspace.segments.list();
    const mine = list.find((s) => s.description === 'Made while arriving');
    // Numbered after the team's (the number it took while the team's were on their way is given up).
    expect(mine && teamNos.includes(mine.no)).toBe(false);
    expect(list.map((s) => s.no).sort()).toEqual([...teamNos, mine!.no].sort());
  }
});
