// Reuse Segment (segments.md, section 3): a logged segment's contacts put on a segment again.
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { defineAction } from './action';
import type { StoreContext } from './context';
import { addLoggedContacts } from './loggedContacts';
import { headerById, headerByNo } from './segmentState';

type ReuseOptions = { allowExistingContacts?: boolean };

export function reuseSegmentApi(ctx: StoreContext) {
  const db = ctx.db;
  const reuseLoggedSegment = defineAction(ctx, {
    name: actionNames.segments.reuseLoggedSegment,
    resolve: async (no: string, loggedSegmentEntryNo: number, opts: ReuseOptions = {}) => {
      const header = await headerByNo(ctx, no);
      const logged = await db.loggedSegments.where('entryNo').equals(loggedSegmentEntryNo).first();
      if (!logged)
        throw new SegmentsError('NOT_FOUND', `Logged segment ${loggedSegmentEntryNo} does not exist`, {
          field: 'loggedSegmentEntryNo',
        });
      return [header.id, logged.id, opts] as [string, string, ReuseOptions];
    },
    body: async (s, segmentId, loggedSegmentId, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      const logged = await db.loggedSegments.get(loggedSegmentId);
      if (!logged)
        throw new SegmentsError('NOT_FOUND', 'The logged segment this action reused no longer exists', {
          field: 'loggedSegmentEntryNo',
          loggedSegmentId,
        });
      return addLoggedContacts(ctx, s, header, logged, { allowExistingContacts: Boolean(opts.allowExistingContacts) });
    },
  });

  return {
    reuseLoggedSegment: (no: string, loggedSegmentEntryNo: number, opts: ReuseOptions = {}) =>
      reuseLoggedSegment(no, loggedSegmentEntryNo, opts),
  };
}
