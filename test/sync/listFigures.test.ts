// The stored list figures (schema v3) across two panes on one server: they are ordinary fields of the
// synced header and logged segment, so the pane that pulls shows what the lines it pulled give, also
// after both panes changed the same segment and one of them rebased.
import { describe, expect, test } from 'vitest';
import { expectFiguresRight, seedMarket } from '../store/helpers';
import { openPane, settle, startTestServer } from './harness';

describe('stored list figures across two panes', () => {
  test('the pulling pane lists the figures of the lines it pulled, after concurrent changes, a log and a cancel', async () => {
    // One server and two panes for this one test, closed whatever happens.
    const server = await startTestServer();
    const a = await openPane(server.url);
    const b = await openPane(server.url);
    try {
      await seedMarket(a.workspace);
      for (const p of [a, b]) await p.workspace.profile.update({ userId: p.name, salespersonCode: 'JR' });
      const roma = { description: 'Roma', interactionTemplateCode: 'ABSTRACT', salespersonCode: 'JR' };
      const s = await a.workspace.segments.create(roma);
      await a.workspace.segments.addContacts(s.no, { contact: { city: 'Roma' } });
      await settle(a, b);
      const onA = (await a.workspace.segments.list()).find((h) => h.no === s.no)!;
      expect(onA.noOfLines).toBeGreaterThan(0);
      expect((await b.workspace.segments.list()).find((h) => h.no === s.no)).toEqual(onA);
      await expectFiguresRight(b.workspace, 'pulled');

      // Both change the segment before either syncs: one adds, the other reduces.
      await a.workspace.segments.addContacts(s.no, { contact: { city: 'Milano' } });
      await b.workspace.segments.reduceContacts(s.no, { contact: { no: 'P101' } });
      await settle(a, b);
      for (const [p, step] of [
        [a, 'concurrent, a'],
        [b, 'concurrent, b'],
      ] as const)
        await expectFiguresRight(p.workspace, step);
      expect(await b.workspace.segments.list()).toEqual(await a.workspace.segments.list());

      await b.workspace.segments.log(s.no);
      await settle(a, b);
      await expectFiguresRight(a.workspace, 'log pulled');
      const [ls] = await a.workspace.loggedSegments.list();
      expect(ls.noOfInteractions).toBeGreaterThan(0);
      await a.workspace.loggedSegments.setCanceled(ls.entryNo, true);
      await settle(a, b);
      await expectFiguresRight(b.workspace, 'cancel pulled');
      expect(await b.workspace.loggedSegments.list()).toEqual(await a.workspace.loggedSegments.list());
    } finally {
      await Promise.all([a.close(), b.close()]);
      await server.close();
    }
  });
});
