// A logged segment's contacts put on a segment again: shared by Reuse Segment, Log with a follow-up and
// Create Follow-up Segment. Runs inside the caller's action.
import type { Contact } from '../domain/contact';
import type { AddContactsOptions, CriteriaFilters, StepResult } from '../domain/criteria';
import { lastLineNoOf } from '../domain/criteriaPlan';
import type { LoggedSegmentRecord } from '../domain/log';
import type { SegmentHeaderRecord } from '../domain/segment';
import type { ActionScope } from './action';
import { contactsByNos } from './contactQueries';
import type { StoreContext } from './context';
import { linesOf, makeAction, makeLines, nextActionNo, templateByCode, touchHeader } from './segmentState';

/** One line per interaction log entry of a logged segment (canceled ones included), as one Add Contacts action. */
export async function addLoggedContacts(
  ctx: StoreContext,
  s: ActionScope,
  header: SegmentHeaderRecord,
  logged: LoggedSegmentRecord,
  options: AddContactsOptions,
): Promise<StepResult> {
  const db = ctx.db;
  // By the logged segment's id: its number may have moved since the action was made.
  const entries = (await db.interactionLog.where('loggedSegmentId').equals(logged.id).toArray()).sort(
    (a, b) => a.entryNo - b.entryNo,
  );
  const lines = await linesOf(ctx, header.id);
  const existing = new Set(lines.map((l) => l.contactNo));
  const known = await contactsByNos(
    ctx,
    entries.map((e) => e.contactNo),
  );
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  for (const e of entries) {
    const c = known.get(e.contactNo);
    if (!c || seen.has(c.no) || (existing.has(c.no) && !options.allowExistingContacts)) continue;
    seen.add(c.no);
    contacts.push(c);
  }
  const actionNo = await nextActionNo(ctx, header.id);
  const added = makeLines(
    s,
    header,
    lastLineNoOf(lines),
    contacts,
    await templateByCode(ctx, header.interactionTemplateCode),
    actionNo,
  );
  if (added.length) await db.segmentLines.bulkAdd(added);
  const filters: CriteriaFilters = { interactionLog: { loggedSegmentEntryNo: String(logged.entryNo) } };
  await db.criteriaActions.add(makeAction(s, header, actionNo, 'Add Contacts', options, filters, added, []));
  await touchHeader(ctx, s, header);
  return { added, removed: [], noOfCriteriaActions: actionNo };
}
