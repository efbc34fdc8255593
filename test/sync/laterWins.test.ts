// Issue 11, "different values: the later wins and the other pane is told": a value one pane set
// (evaluation, a logged segment's Canceled, a header field) that a later change from another pane
// replaces is reported to the first pane in its sync status; the pane that won is told nothing.
import { expect, test } from 'vitest';
import { seedMarket } from '../store/helpers';
import { openPane, settle, sharedServer } from './harness';

const shared = sharedServer();
const open = shared.open;

test('the later value wins on every pane, and the pane whose value was replaced is told which, and what it is now', async () => {
  const a = await openPane(shared.server.url);
  const b = await openPane(shared.server.url);
  open.push(a, b);
  await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  for (const p of [a, b]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  const seg = await a.workspace.segments.create({ description: 'Later wins', interactionTemplateCode: 'ABSTRACT' });
  await a.workspace.segments.addContactList(seg.no, ['P101', 'P201']);
  const { loggedSegment, entries } = await a.workspace.segments.log(seg.no);
  // Logging takes the segment away: the header field is set on another one.
  const other = await a.workspace.segments.create({ description: 'Named twice' });
  await settle(a, b);

  // B sets its values and the server has them.
  await b.workspace.interactionLog.setEvaluation(entries[0].entryNo, 'Positive');
  await b.workspace.loggedSegments.setCanceled(loggedSegment.entryNo, true);
  await b.workspace.segments.updateHeader(other.no, { description: 'B: name' }, { updateLines: false });
  await b.sync.syncNow();
  // A, not having pulled, sets other values; its push comes later and wins.
  await a.workspace.interactionLog.setEvaluation(entries[0].entryNo, 'Negative');
  await a.workspace.loggedSegments.setCanceled(loggedSegment.entryNo, false);
  await a.workspace.segments.updateHeader(other.no, { description: 'A: name' }, { updateLines: false });
  await a.sync.syncNow();
  await settle(b, a);

  for (const p of [a, b]) {
    expect(p.sync.getStatus().failed).toEqual([]);
    expect(await p.workspace.interactionLog.get(entries[0].entryNo)).toMatchObject({ evaluation: 'Negative' });
    expect((await p.workspace.loggedSegments.get(loggedSegment.entryNo))!.canceled).toBe(false);
    expect((await p.workspace.segments.get(other.no))!.header.description).toBe('A: name');
  }
  expect(b.sync.getStatus().overridden).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        table: 'interactionLog',
        id: entries[0].id,
        field: 'evaluation',
        mine: 'Positive',
        theirs: 'Negative',
        action: 'interactionLog.setEvaluation',
      }),
      expect.objectContaining({
        table: 'loggedSegments',
        id: loggedSegment.id,
        field: 'canceled',
        mine: true,
        theirs: false,
        action: 'loggedSegments.setCanceled',
      }),
      expect.objectContaining({
        table: 'segments',
        id: other.id,
        field: 'description',
        mine: 'B: name',
        theirs: 'A: name',
        about: other.no,
      }),
    ]),
  );
  expect(b.sync.getStatus().overridden).toHaveLength(3);
  expect(a.sync.getStatus().overridden ?? []).toEqual([]);
  // Told once: OK clears it, and further syncs do not bring it back.
  b.sync.clearRenumbered();
  await settle(b, a);
  expect(b.sync.getStatus().overridden).toEqual([]);
}, 120_000);

test('both panes setting the same value agree: nobody is told anything', async () => {
  const a = await openPane(shared.server.url);
  const b = await openPane(shared.server.url);
  open.push(a, b);
  await settle(a);
  if ((await a.workspace.salespeople.list()).length === 0) await seedMarket(a.workspace);
  for (const p of [a, b]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
  const seg = await a.workspace.segments.create({ description: 'Same value', interactionTemplateCode: 'ABSTRACT' });
  await a.workspace.segments.addLine(seg.no, 'P101');
  const { entries } = await a.workspace.segments.log(seg.no);
  await settle(a, b);
  await b.workspace.interactionLog.setEvaluation(entries[0].entryNo, 'Positive');
  await b.sync.syncNow();
  await a.workspace.interactionLog.setEvaluation(entries[0].entryNo, 'Positive');
  await a.sync.syncNow();
  await settle(b, a);
  for (const p of [a, b]) expect(p.sync.getStatus().overridden ?? []).toEqual([]);
}, 120_000);
