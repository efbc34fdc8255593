// Criteria steps (segments.md, section 3): Add / Reduce / Refine Contacts, contact lists, Go Back,
// Save / Reuse Criteria, Reuse Segment, Apply Mailing Group. Each step is one transaction and records
// its action with its history (the lines it inserted, the whole lines it deleted).
import type { Contact } from '../domain/contact';
import { compileContactFilters } from '../domain/contactFilters';
import {
  addContactsOptionsSchema,
  criteriaFiltersSchema,
  criteriaStepSchema,
  removeContactsOptionsSchema,
  type AddContactsOptions,
  type CriteriaFilters,
  type CriteriaOptions,
  type CriteriaStep,
  type RemoveContactsOptions,
  type SavedCriteria,
  type StepResult,
} from '../domain/criteria';
import { selectContactsToAdd, selectLinesToRemove } from '../domain/criteriaStep';
import { normalizeDateExpression } from '../domain/filterDates';
import type { FilterContext } from '../domain/filterExpression';
import type { CriteriaKind } from '../domain/enums';
import type { ZodError } from 'zod';
import { actionNames, type ActionName } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import type { LoggedSegmentRecord } from '../domain/log';
import type { SegmentHeaderRecord, SegmentLine } from '../domain/segment';
import { isoDateOf, isoTimeOf } from '../domain/time';
import { defineAction, runRead, type ActionScope } from './action';
import { candidateContacts, relatedDataFor } from './contactQueries';
import type { StoreContext } from './context';
import { filterContext } from './filterContext';
import { describeIssues } from './rows';
import { actionsOf, headerById, headerByNo, lastLineNoOf, linesOf, makeAction, makeLines, nextActionNo, templateByCode, touchHeader } from './segmentState';
import { readProfile } from './setupProfile';
import { readByIndexKeys } from './indexReads';

interface Step {
  kind: CriteriaKind;
  filters: CriteriaFilters;
  options: CriteriaOptions;
  /** A contact list (addContactList): exactly these contacts, in place of filters. */
  contactNos?: string[];
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new SegmentsError('INVALID_INPUT', `${what}: ${describeIssues(r.error).join('; ')}`, { field: String(r.error.issues[0]?.path.join('.') ?? '') });
  return r.data;
}

async function contactsByNos(ctx: StoreContext, nos: readonly string[]): Promise<Map<string, Contact>> {
  const list = nos.length ? await readByIndexKeys(ctx.db.contacts, 'no', nos) : [];
  return new Map(list.map((c) => [c.no, c]));
}

/** Computes a step and, with `write`, applies it and records its action. */
async function runStep(ctx: StoreContext, s: ActionScope, header: SegmentHeaderRecord, step: Step, write: boolean): Promise<StepResult> {
  const db = ctx.db;
  const lines = await linesOf(ctx, header.id);
  const actionNo = await nextActionNo(ctx, header.id);
  const fctx = await filterContext(ctx, s.now);
  let added: SegmentLine[] = [];
  let removed: SegmentLine[] = [];

  if (step.kind === 'Add Contacts') {
    let matched: Contact[];
    let known: Map<string, Contact>;
    if (step.contactNos) {
      known = await contactsByNos(ctx, step.contactNos);
      const missing = step.contactNos.filter((n) => !known.has(n));
      if (missing.length) throw new SegmentsError('NOT_FOUND', `Contact${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} do${missing.length > 1 ? '' : 'es'} not exist`, { contactNo: missing[0] });
      matched = step.contactNos.map((n) => known.get(n)!);
    } else {
      const predicate = compileContactFilters(step.filters, fctx);
      const { candidates, all } = await candidateContacts(ctx, step.filters);
      const rel = await relatedDataFor(ctx, step.filters, all ?? candidates);
      matched = candidates.filter((c) => predicate(c, rel));
      known = rel.contactsByNo;
    }
    const companyNos = [...new Set(matched.map((c) => c.companyNo).filter(Boolean))];
    const members = new Map<string, Contact[]>();
    if (step.options.expandCompanies && companyNos.length) {
      for (const c of await readByIndexKeys(db.contacts, 'companyNo', companyNos)) {
        known.set(c.no, c);
        const list = members.get(c.companyNo);
        if (list) list.push(c);
        else members.set(c.companyNo, [c]);
      }
    }
    if (step.options.allowRelatedCompanies) {
      const missing = companyNos.filter((n) => !known.has(n));
      for (const [no, c] of await contactsByNos(ctx, missing)) known.set(no, c);
    }
    const toAdd = selectContactsToAdd({
      matched,
      membersOf: (companyNo) => members.get(companyNo) ?? [],
      contactsByNo: known,
      existing: new Set(lines.map((l) => l.contactNo)),
      options: step.options,
      locale: fctx.locale,
    });
    added = makeLines(s, header, lastLineNoOf(lines), toAdd, await templateByCode(ctx, header.interactionTemplateCode), actionNo);
    if (write && added.length) await db.segmentLines.bulkAdd(added);
  } else {
    const predicate = compileContactFilters(step.filters, fctx);
    let pool: Contact[];
    let known: Map<string, Contact>;
    if (step.options.entireCompanies) {
      const { candidates, all } = await candidateContacts(ctx, step.filters);
      pool = candidates;
      known = new Map((all ?? candidates).map((c) => [c.no, c]));
      for (const [no, c] of await contactsByNos(ctx, lines.map((l) => l.contactNo).filter((n) => !known.has(n)))) known.set(no, c);
    } else {
      known = await contactsByNos(ctx, lines.map((l) => l.contactNo));
      pool = [...known.values()];
    }
    const rel = await relatedDataFor(ctx, step.filters, [...known.values()]);
    const matchedNos = new Set(pool.filter((c) => predicate(c, rel)).map((c) => c.no));
    removed = selectLinesToRemove({ kind: step.kind, lines, matched: matchedNos, contactsByNo: known, entireCompanies: step.options.entireCompanies });
    if (write && removed.length) await db.segmentLines.bulkDelete(removed.map((l) => l.id));
  }

  let noOfCriteriaActions = actionNo;
  if (write) {
    const { resetCriteriaWhenEmpty, ...kept } = step.options;
    const recorded = withIsoDates(step.filters, fctx);
    await db.criteriaActions.add(makeAction(s, header, actionNo, step.kind, kept, recorded, added, removed, step.contactNos));
    const emptied = step.kind !== 'Add Contacts' && removed.length > 0 && removed.length === lines.length;
    if (emptied && actionNo > 1 && resetCriteriaWhenEmpty) {
      // BC asks "the segment is now empty: reset the criteria?"; the answer came as an option.
      await db.criteriaActions.where('segmentId').equals(header.id).delete();
      noOfCriteriaActions = 0;
    }
    await touchHeader(ctx, s, header);
  }
  return { added, removed, noOfCriteriaActions };
}

/** Dates in a recorded action are kept as ISO, so saved criteria mean the same for every user. */
function withIsoDates(filters: CriteriaFilters, fctx: FilterContext): CriteriaFilters {
  const date = filters.interactionLog?.date;
  if (!date || date.trim() === '') return filters;
  return { ...filters, interactionLog: { ...filters.interactionLog, date: normalizeDateExpression(date, fctx, 'interactionLog.date') } };
}

/** A scope for previews: nothing is written, ids are placeholders. */
function previewScope(ctx: StoreContext): ActionScope {
  const now = ctx.now();
  let n = 0;
  return {
    now,
    stamp: now.toISOString(),
    today: isoDateOf(now),
    time: isoTimeOf(now),
    newId: () => `preview-${++n}`,
    // A preview records nothing: its action is never written.
    action: { txId: 'preview', name: actionNames.segments.addContacts, args: [], at: now.toISOString(), ids: [] },
  };
}

const stepOf = (kind: CriteriaKind, filters: unknown, opts: unknown): Step => ({
  kind,
  filters: parseOrThrow(criteriaFiltersSchema, filters ?? {}, 'Filters'),
  options: kind === 'Add Contacts' ? parseOrThrow(addContactsOptionsSchema, opts ?? {}, 'Options') : parseOrThrow(removeContactsOptionsSchema, opts ?? {}, 'Options'),
});

export function criteriaApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.segments;
  type StepArgs = [segmentId: string, filters: CriteriaFilters, opts: AddContactsOptions | RemoveContactsOptions];
  const step = (name: ActionName, kind: CriteriaKind) =>
    defineAction(ctx, {
      name,
      resolve: async (no: string, filters: CriteriaFilters, opts?: AddContactsOptions | RemoveContactsOptions): Promise<StepArgs> => [
        (await headerByNo(ctx, no)).id,
        filters,
        opts ?? {},
      ],
      body: async (s, segmentId, filters, opts) => {
        const header = await headerById(ctx, segmentId);
        s.action.about = header.no;
        return runStep(ctx, s, header, stepOf(kind, filters, opts), true);
      },
    });
  const addContacts = step(A.addContacts, 'Add Contacts');
  const reduceContacts = step(A.reduceContacts, 'Remove Contacts (Reduce)');
  const refineContacts = step(A.refineContacts, 'Remove Contacts (Refine)');

  type ListOptions = AddContactsOptions & { source?: string };
  const addContactList = defineAction(ctx, {
    name: A.addContactList,
    resolve: async (no: string, contactNos: string[], opts: ListOptions = {}) => [(await headerByNo(ctx, no)).id, contactNos, opts] as [string, string[], ListOptions],
    body: async (s, segmentId, contactNos, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      const { source, ...options } = opts;
      const parsed = parseOrThrow(addContactsOptionsSchema, options, 'Options');
      if (!Array.isArray(contactNos) || contactNos.some((n) => typeof n !== 'string')) throw new SegmentsError('INVALID_INPUT', 'contactNos must be a list of contact numbers', { field: 'contactNos' });
      const nos = [...new Set(contactNos)];
      const filters: CriteriaFilters = { contactList: { ...(source ? { source } : {}), count: nos.length } };
      return runStep(ctx, s, header, { kind: 'Add Contacts', filters, options: parsed, contactNos: nos }, true);
    },
  });

  // Go Back names the step it undoes (sync.md, "Name the step you undo"): replayed after someone else's
  // step, it refuses with CONFLICT instead of undoing theirs.
  const goBack = defineAction(ctx, {
    name: A.goBack,
    resolve: async (no: string) => {
      const header = await headerByNo(ctx, no);
      const last = (await actionsOf(ctx, header.id)).at(-1);
      if (!last) throw new SegmentsError('NOTHING_TO_UNDO', `Segment ${no} has no criteria action to undo`, { segmentNo: no });
      return [header.id, last.id] as [string, string];
    },
    body: async (s, segmentId, stepId) => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      const actions = await actionsOf(ctx, header.id);
      const last = actions.at(-1);
      if (!last || last.id !== stepId) {
        const step = actions.find((a) => a.id === stepId);
        throw new SegmentsError(
          'CONFLICT',
          step
            ? `Go Back would undo criteria action ${step.actionNo} of segment ${no}, but it is no longer the last: criteria action ${last!.actionNo} was added meanwhile`
            : `Go Back would undo a criteria action of segment ${no} that no longer exists`,
          { segmentNo: no, field: 'goBack', ...(step ? { actionNo: step.actionNo } : {}), ...(last ? { lastActionNo: last.actionNo } : {}) },
        );
      }
      const inserted = (await db.segmentLines.bulkGet(last.insertedLineIds)).filter((l): l is SegmentLine => Boolean(l));
      if (inserted.length) await db.segmentLines.bulkDelete(inserted.map((l) => l.id));
      if (last.deletedLines.length) await db.segmentLines.bulkPut(last.deletedLines);
      await db.criteriaActions.delete(last.id);
      await touchHeader(ctx, s, header);
      return { added: last.deletedLines, removed: inserted, noOfCriteriaActions: actions.length - 1 } satisfies StepResult;
    },
  });

  const saveCriteria = defineAction(ctx, {
    name: A.saveCriteria,
    // The code is the new record's key, chosen by the user: a value, not a target.
    resolve: async (no: string, code: string, description = '') => [(await headerByNo(ctx, no)).id, code, description] as [string, string, string],
    body: async (s, segmentId: string, code: string, description: string): Promise<SavedCriteria> => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      if (typeof code !== 'string' || code.trim() === '') throw new SegmentsError('INVALID_INPUT', 'Code must have a value to save the criteria', { field: 'code' });
      if (code.length > 20) throw new SegmentsError('INVALID_INPUT', `Code is longer than 20 characters (${code.length})`, { field: 'code' });
      if (description.length > 100) throw new SegmentsError('INVALID_INPUT', `Description is longer than 100 characters (${description.length})`, { field: 'description' });
      const actions = await actionsOf(ctx, header.id);
      if (actions.length === 0) throw new SegmentsError('NO_CRITERIA_ACTIONS', `Segment ${no} has no criteria actions to save`, { segmentNo: no });
      if (await db.savedCriteria.where('code').equals(code).count()) throw new SegmentsError('SAVED_CRITERIA_EXISTS', `Saved segment criteria ${code} already exist`, { code });
      const profile = await readProfile(ctx);
      const saved: SavedCriteria = {
        id: s.newId(),
        createdAt: s.stamp,
        updatedAt: s.stamp,
        code,
        description,
        userId: profile.userId,
        actions: actions.map((a) => ({ kind: a.kind, options: a.options, filters: a.filters, ...(a.contactNos ? { contactNos: a.contactNos } : {}) })),
      };
      await db.savedCriteria.add(saved);
      return saved;
    },
  });

  const reuseCriteria = defineAction(ctx, {
    name: A.reuseCriteria,
    resolve: async (no: string, code: string) => {
      const header = await headerByNo(ctx, no);
      return [header.id, (await savedByCode(ctx, code)).id] as [string, string];
    },
    body: async (s, segmentId, savedCriteriaId) => {
      const first = await headerById(ctx, segmentId);
      s.action.about = first.no;
      const saved = await db.savedCriteria.get(savedCriteriaId);
      if (!saved) throw new SegmentsError('NOT_FOUND', 'The saved segment criteria this action reused no longer exist', { savedCriteriaId });
      const total: StepResult = { added: [], removed: [], noOfCriteriaActions: 0 };
      for (const a of saved.actions) {
        // Each saved action runs against today's contacts and is recorded anew (Go Back works on it).
        const header = await headerById(ctx, segmentId);
        const r = await runStep(ctx, s, header, { kind: a.kind, filters: a.filters, options: a.options, contactNos: a.contactNos }, true);
        // Net counts: a line this reuse added and a later action removed is neither added nor removed.
        const removedIds = new Set(r.removed.map((l) => l.id));
        const addedIds = new Set(total.added.map((l) => l.id));
        total.added = total.added.filter((l) => !removedIds.has(l.id)).concat(r.added);
        total.removed.push(...r.removed.filter((l) => !addedIds.has(l.id)));
        total.noOfCriteriaActions = r.noOfCriteriaActions;
      }
      return total;
    },
  });

  type ReuseOptions = { allowExistingContacts?: boolean };
  const reuseLoggedSegment = defineAction(ctx, {
    name: A.reuseLoggedSegment,
    resolve: async (no: string, loggedSegmentEntryNo: number, opts: ReuseOptions = {}) => {
      const header = await headerByNo(ctx, no);
      const logged = await db.loggedSegments.where('entryNo').equals(loggedSegmentEntryNo).first();
      if (!logged) throw new SegmentsError('NOT_FOUND', `Logged segment ${loggedSegmentEntryNo} does not exist`, { field: 'loggedSegmentEntryNo' });
      return [header.id, logged.id, opts] as [string, string, ReuseOptions];
    },
    body: async (s, segmentId, loggedSegmentId, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      const logged = await db.loggedSegments.get(loggedSegmentId);
      if (!logged) throw new SegmentsError('NOT_FOUND', 'The logged segment this action reused no longer exists', { field: 'loggedSegmentEntryNo', loggedSegmentId });
      return addLoggedContacts(ctx, s, header, logged, { allowExistingContacts: Boolean(opts.allowExistingContacts) });
    },
  });

  type MailingOptions = { deleteOldAssignments?: boolean };
  const applyMailingGroup = defineAction(ctx, {
    name: A.applyMailingGroup,
    resolve: async (no: string, mailingGroupCode: string, opts: MailingOptions = {}) => [(await headerByNo(ctx, no)).id, mailingGroupCode, opts] as [string, string, MailingOptions],
    body: async (s, segmentId, mailingGroupCode, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      if (!(await db.mailingGroups.where('code').equals(mailingGroupCode).count())) {
        throw new SegmentsError('NOT_FOUND', `Mailing group ${mailingGroupCode} does not exist`, { field: 'mailingGroupCode', code: mailingGroupCode });
      }
      const changed = new Map<string, Contact>();
      if (opts.deleteOldAssignments) {
        // As in BC: the group is first removed from every contact, not only the segment's.
        for (const c of await db.contacts.where('mailingGroups').equals(mailingGroupCode).toArray()) {
          changed.set(c.no, { ...c, mailingGroups: c.mailingGroups.filter((g) => g !== mailingGroupCode), updatedAt: s.stamp });
        }
      }
      const lines = await linesOf(ctx, header.id);
      for (const c of (await contactsByNos(ctx, lines.map((l) => l.contactNo))).values()) {
        const base = changed.get(c.no) ?? c;
        if (!base.mailingGroups.includes(mailingGroupCode)) changed.set(c.no, { ...base, mailingGroups: [...base.mailingGroups, mailingGroupCode], updatedAt: s.stamp });
      }
      if (changed.size) await db.contacts.bulkPut([...changed.values()]);
    },
  });

  return {
    addContacts: (no: string, filters: CriteriaFilters, opts?: AddContactsOptions) => addContacts(no, filters, opts),
    reduceContacts: (no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions) => reduceContacts(no, filters, opts),
    refineContacts: (no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions) => refineContacts(no, filters, opts),
    addContactList: (no: string, contactNos: string[], opts: ListOptions = {}) => addContactList(no, contactNos, opts),

    previewStep: (no: string, input: CriteriaStep) =>
      runRead(ctx, async () => {
        const parsed = parseOrThrow(criteriaStepSchema, input, 'Step');
        const base = stepOf(parsed.kind, parsed.filters, parsed.options);
        return runStep(ctx, previewScope(ctx), await headerByNo(ctx, no), { ...base, contactNos: parsed.contactNos }, false);
      }),

    goBack: (no: string) => goBack(no),
    saveCriteria: (no: string, code: string, description = '') => saveCriteria(no, code, description),
    reuseCriteria: (no: string, code: string) => reuseCriteria(no, code),
    reuseLoggedSegment: (no: string, loggedSegmentEntryNo: number, opts: ReuseOptions = {}) => reuseLoggedSegment(no, loggedSegmentEntryNo, opts),
    applyMailingGroup: (no: string, mailingGroupCode: string, opts: MailingOptions = {}) => applyMailingGroup(no, mailingGroupCode, opts),
  };
}

/** Saved criteria by code (what the user sees). */
export async function savedByCode(ctx: StoreContext, code: string): Promise<SavedCriteria> {
  const saved = await ctx.db.savedCriteria.where('code').equals(code).first();
  if (!saved) throw new SegmentsError('NOT_FOUND', `Saved segment criteria ${code} do not exist`, { code });
  return saved;
}

/** One line per interaction log entry of a logged segment (canceled ones included), as one Add Contacts action. */
export async function addLoggedContacts(ctx: StoreContext, s: ActionScope, header: SegmentHeaderRecord, logged: LoggedSegmentRecord, options: AddContactsOptions): Promise<StepResult> {
  const db = ctx.db;
  // By the logged segment's id: its number may have moved since the action was made.
  const entries = (await db.interactionLog.where('loggedSegmentId').equals(logged.id).toArray()).sort((a, b) => a.entryNo - b.entryNo);
  const lines = await linesOf(ctx, header.id);
  const existing = new Set(lines.map((l) => l.contactNo));
  const known = await contactsByNos(ctx, entries.map((e) => e.contactNo));
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  for (const e of entries) {
    const c = known.get(e.contactNo);
    if (!c || seen.has(c.no) || (existing.has(c.no) && !options.allowExistingContacts)) continue;
    seen.add(c.no);
    contacts.push(c);
  }
  const actionNo = await nextActionNo(ctx, header.id);
  const added = makeLines(s, header, lastLineNoOf(lines), contacts, await templateByCode(ctx, header.interactionTemplateCode), actionNo);
  if (added.length) await db.segmentLines.bulkAdd(added);
  const filters: CriteriaFilters = { interactionLog: { loggedSegmentEntryNo: String(logged.entryNo) } };
  await db.criteriaActions.add(makeAction(s, header, actionNo, 'Add Contacts', options, filters, added, []));
  await touchHeader(ctx, s, header);
  return { added, removed: [], noOfCriteriaActions: actionNo };
}
