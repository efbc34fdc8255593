// Logged Segments (segments.md, section 3): the list with its figures, Canceled, Create Follow-up
// Segment, Delete Canceled.
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import {
  defaultFollowUpDescription,
  followUpOptionsSchema,
  type FollowUpOptions,
  type LoggedSegment,
  type LoggedSegmentRecord,
} from '../domain/log';
import { defineAction, runRead } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './loggedContacts';
import { describeIssues } from './rows';
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

/** Create Follow-up Segment's options, from the pane or from a recorded action. */
function parseFollowUpOptions(opts: unknown): FollowUpOptions {
  const r = followUpOptionsSchema.safeParse(opts ?? {});
  if (!r.success)
    throw new SegmentsError('INVALID_INPUT', `Follow-up options: ${describeIssues(r.error).join('; ')}`, {
      field: String(r.error.issues[0]?.path.join('.') ?? ''),
    });
  return r.data;
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

  // The description is the pane's, in its user's language, recorded with the action so that a replay in
  // another pane writes the same text; an action recorded without it (an earlier version) gets BC's English.
  const createFollowUp = defineAction(ctx, {
    name: A.createFollowUp,
    resolve: async (entryNo: number, opts?: FollowUpOptions) => {
      const id = (await loggedByEntryNo(ctx, entryNo)).id;
      const options = parseFollowUpOptions(opts);
      return (options.description === undefined ? [id] : [id, options]) as [string, FollowUpOptions?];
    },
    body: async (s, loggedSegmentId, opts?: FollowUpOptions) => {
      const ls = await byId(loggedSegmentId);
      s.action.about = String(ls.entryNo);
      const { description } = parseFollowUpOptions(opts);
      const first = await db.interactionLog.where('loggedSegmentId').equals(ls.id).first();
      const header = await createSegment(ctx, s, {
        description: description ?? defaultFollowUpDescription(ls.segmentNo),
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
    createFollowUp: (entryNo: number, opts?: FollowUpOptions) => createFollowUp(entryNo, opts),
    deleteCanceled: () => deleteCanceled(),
  };
}
