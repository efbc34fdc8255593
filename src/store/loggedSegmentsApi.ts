// Logged Segments (segments.md, section 3): the list with its figures, Canceled, Create Follow-up
// Segment, Delete Canceled.
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import type { LoggedSegment, LoggedSegmentRecord } from '../domain/log';
import { defineAction, runRead } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './loggedContacts';
import { createSegment } from './segmentCreation';
import { storedInteractions } from './figures';
import { linesOf, withFigures } from './segmentState';

async function countInteractions(ctx: StoreContext, ls: LoggedSegmentRecord): Promise<LoggedSegment> {
  // One read of the logged segment's entries, counted here: a Dexie filter() would walk a cursor, one
  // round trip per entry, where toArray() alone is a single getAll.
  const entries = await ctx.db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
  let n = 0;
  for (const e of entries) if (e.canceled === ls.canceled) n++;
  return { ...ls, noOfInteractions: n };
}

async function loggedByEntryNo(ctx: StoreContext, entryNo: number): Promise<LoggedSegmentRecord> {
  const ls = await ctx.db.loggedSegments.where('entryNo').equals(entryNo).first();
  if (!ls) throw new SegmentsError('NOT_FOUND', `Logged segment ${entryNo} does not exist`, { field: 'entryNo' });
  return ls;
}

export function loggedSegmentsApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.loggedSegments;
  const byId = async (id: string): Promise<LoggedSegmentRecord> => {
    const ls = await db.loggedSegments.get(id);
    if (!ls)
      throw new SegmentsError('NOT_FOUND', 'The logged segment this action was about no longer exists', {
        field: 'entryNo',
        loggedSegmentId: id,
      });
    return ls;
  };

  // Set, don't flip (sync.md): the check mark the user chose is recorded, so two panes that both cancel
  // agree, and a replay never undoes what someone else did.
  const setCanceled = defineAction(ctx, {
    name: A.setCanceled,
    resolve: async (entryNo: number, canceled: boolean) => {
      if (typeof canceled !== 'boolean')
        throw new SegmentsError('INVALID_INPUT', `Canceled must be true or false, got ${String(canceled)}`, {
          field: 'canceled',
        });
      return [(await loggedByEntryNo(ctx, entryNo)).id, canceled] as [string, boolean];
    },
    body: async (s, loggedSegmentId, canceled) => {
      const ls = await byId(loggedSegmentId);
      s.action.about = String(ls.entryNo);
      const next = { ...ls, canceled, updatedAt: s.stamp };
      await db.loggedSegments.put(next);
      // The check mark cascades to the logged segment's entries.
      const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
      await db.interactionLog.bulkPut(entries.map((e) => ({ ...e, canceled, updatedAt: s.stamp })));
      return countInteractions(ctx, next);
    },
  });

  const createFollowUp = defineAction(ctx, {
    name: A.createFollowUp,
    resolve: async (entryNo: number) => [(await loggedByEntryNo(ctx, entryNo)).id] as [string],
    body: async (s, loggedSegmentId) => {
      const ls = await byId(loggedSegmentId);
      s.action.about = String(ls.entryNo);
      const first = await db.interactionLog.where('loggedSegmentId').equals(ls.id).first();
      const header = await createSegment(ctx, s, {
        description: `Follow-up on segment ${ls.segmentNo}`,
        campaignNo: first?.campaignNo ?? '',
        campaignTarget: first?.campaignTarget ?? false,
        campaignResponse: first?.campaignResponse ?? false,
      });
      const r = await addLoggedContacts(ctx, s, header, ls, {});
      return withFigures(header, await linesOf(ctx, header.id), r.noOfCriteriaActions);
    },
  });

  // The logged segments canceled when the user chose the action, by id: one canceled meanwhile by
  // someone else is not deleted on replay, and one uncanceled meanwhile stays.
  const deleteCanceled = defineAction(ctx, {
    name: A.deleteCanceled,
    resolve: async () => [await db.loggedSegments.filter((ls) => ls.canceled).primaryKeys()] as [string[]],
    body: async (s, ids) => {
      const canceled = (await db.loggedSegments.bulkGet(ids)).filter((ls): ls is LoggedSegmentRecord =>
        Boolean(ls?.canceled),
      );
      for (const ls of canceled) {
        // Their entries stay, detached from the deleted logged segment.
        const entries = await db.interactionLog.where('loggedSegmentId').equals(ls.id).toArray();
        await db.interactionLog.bulkPut(
          entries.map((e) => ({ ...e, loggedSegmentId: '', loggedSegmentEntryNo: 0, updatedAt: s.stamp })),
        );
      }
      await db.loggedSegments.bulkDelete(canceled.map((ls) => ls.id));
      return canceled.length;
    },
  });

  return {
    // The stored figure (figures.ts): no entry is read.
    list: () =>
      runRead(ctx, async () => (await db.loggedSegments.orderBy('entryNo').toArray()).map(storedInteractions)),
    get: (entryNo: number) =>
      runRead(ctx, async () => {
        const ls = await db.loggedSegments.where('entryNo').equals(entryNo).first();
        return ls ? storedInteractions(ls) : undefined;
      }),
    setCanceled: (entryNo: number, canceled: boolean) => setCanceled(entryNo, canceled),
    /** Switch Check Mark in Canceled: recorded as the value it sets (loggedSegments.setCanceled). */
    toggleCanceled: async (entryNo: number) => {
      const ls = await runRead(ctx, () => loggedByEntryNo(ctx, entryNo));
      return setCanceled(entryNo, !ls.canceled);
    },
    createFollowUp: (entryNo: number) => createFollowUp(entryNo),
    deleteCanceled: () => deleteCanceled(),
  };
}
