// Apply Mailing Group (segments.md, section 3): a mailing group given to every contact of a segment.
import { actionNames } from '../domain/actionNames';
import type { Contact } from '../domain/contact';
import { SegmentsError } from '../domain/errors';
import { defineAction } from './action';
import { contactsByNos } from './contactQueries';
import type { StoreContext } from './context';
import { headerById, headerByNo, linesOf } from './segmentState';

type MailingOptions = { deleteOldAssignments?: boolean };

export function mailingGroupApi(ctx: StoreContext) {
  const db = ctx.db;
  const applyMailingGroup = defineAction(ctx, {
    name: actionNames.segments.applyMailingGroup,
    resolve: async (no: string, mailingGroupCode: string, opts: MailingOptions = {}) =>
      [(await headerByNo(ctx, no)).id, mailingGroupCode, opts] as [string, string, MailingOptions],
    body: async (s, segmentId, mailingGroupCode, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      if (!(await db.mailingGroups.where('code').equals(mailingGroupCode).count())) {
        throw new SegmentsError('NOT_FOUND', `Mailing group ${mailingGroupCode} does not exist`, {
          field: 'mailingGroupCode',
          code: mailingGroupCode,
        });
      }
      const changed = new Map<string, Contact>();
      if (opts.deleteOldAssignments) {
        // As in BC: the group is first removed from every contact, not only the segment's.
        for (const c of await db.contacts.where('mailingGroups').equals(mailingGroupCode).toArray()) {
          changed.set(c.no, {
            ...c,
            mailingGroups: c.mailingGroups.filter((g) => g !== mailingGroupCode),
            updatedAt: s.stamp,
          });
        }
      }
      const lines = await linesOf(ctx, header.id);
      for (const c of (
        await contactsByNos(
          ctx,
          lines.map((l) => l.contactNo),
        )
      ).values()) {
        const base = changed.get(c.no) ?? c;
        if (!base.mailingGroups.includes(mailingGroupCode))
          changed.set(c.no, { ...base, mailingGroups: [...base.mailingGroups, mailingGroupCode], updatedAt: s.stamp });
      }
      if (changed.size) await db.contacts.bulkPut([...changed.values()]);
    },
  });

  return {
    applyMailingGroup: (no: string, mailingGroupCode: string, opts: MailingOptions = {}) =>
      applyMailingGroup(no, mailingGroupCode, opts),
  };
}
