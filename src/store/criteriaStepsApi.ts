// Criteria steps (segments.md, section 3): Add / Reduce / Refine Contacts, contact lists, their preview,
// Go Back. Each step is one action that records its criteria action with its history.
import {
  addContactsOptionsSchema,
  criteriaStepSchema,
  type AddContactsOptions,
  type CriteriaFilters,
  type CriteriaStep,
  type RemoveContactsOptions,
  type StepResult,
} from '../domain/criteria';
import type { CriteriaKind } from '../domain/enums';
import { actionNames, type ActionName } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import type { SegmentLine } from '../domain/segment';
import { defineAction, runRead } from './action';
import type { StoreContext } from './context';
import { applyCriteriaStep, previewCriteriaStep, stepOf } from './criteriaSteps';
import { parseOrThrow } from './input';
import { actionsOf, headerById, headerByNo, lastActionIdOf, lastActionOf, touchHeader } from './segmentState';

export function criteriaStepsApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.segments;
  type StepArgs = [segmentId: string, filters: CriteriaFilters, opts: AddContactsOptions | RemoveContactsOptions];
  const step = (name: ActionName, kind: CriteriaKind) =>
    defineAction(ctx, {
      name,
      resolve: async (
        no: string,
        filters: CriteriaFilters,
        opts?: AddContactsOptions | RemoveContactsOptions,
      ): Promise<StepArgs> => [(await headerByNo(ctx, no)).id, filters, opts ?? {}],
      body: async (s, segmentId, filters, opts) => {
        const header = await headerById(ctx, segmentId);
        s.action.about = header.no;
        return applyCriteriaStep(ctx, s, header, stepOf(kind, filters, opts));
      },
    });
  const addContacts = step(A.addContacts, 'Add Contacts');
  const reduceContacts = step(A.reduceContacts, 'Remove Contacts (Reduce)');
  const refineContacts = step(A.refineContacts, 'Remove Contacts (Refine)');

  type ListOptions = AddContactsOptions & { source?: string };
  const addContactList = defineAction(ctx, {
    name: A.addContactList,
    resolve: async (no: string, contactNos: string[], opts: ListOptions = {}) =>
      [(await headerByNo(ctx, no)).id, contactNos, opts] as [string, string[], ListOptions],
    body: async (s, segmentId, contactNos, opts) => {
      const header = await headerById(ctx, segmentId);
      s.action.about = header.no;
      const { source, ...options } = opts;
      const parsed = parseOrThrow(addContactsOptionsSchema, options, 'Options');
      if (!Array.isArray(contactNos) || contactNos.some((n) => typeof n !== 'string'))
        throw new SegmentsError('INVALID_INPUT', 'contactNos must be a list of contact numbers', {
          field: 'contactNos',
        });
      const nos = [...new Set(contactNos)];
      const filters: CriteriaFilters = { contactList: { ...(source ? { source } : {}), count: nos.length } };
      return applyCriteriaStep(ctx, s, header, { kind: 'Add Contacts', filters, options: parsed, contactNos: nos });
    },
  });

  // Go Back names the step it undoes (sync.md, "Name the step you undo"): replayed after someone else's
  // step, it refuses with CONFLICT instead of undoing theirs.
  const goBack = defineAction(ctx, {
    name: A.goBack,
    resolve: async (no: string) => {
      const header = await headerByNo(ctx, no);
      const lastId = await lastActionIdOf(ctx, header.id);
      if (!lastId)
        throw new SegmentsError('NOTHING_TO_UNDO', `Segment ${no} has no criteria action to undo`, { segmentNo: no });
      return [header.id, lastId] as [string, string];
    },
    body: async (s, segmentId, stepId) => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      // Only the last step is read (every step holds the lines it removed); all of them only to say why not.
      const { last, count } = await lastActionOf(ctx, header.id);
      if (!last || last.id !== stepId) {
        const step = (await actionsOf(ctx, header.id)).find((a) => a.id === stepId);
        throw new SegmentsError(
          'CONFLICT',
          step
            ? `Go Back would undo criteria action ${step.actionNo} of segment ${no}, but it is no longer the last: criteria action ${last!.actionNo} was added meanwhile`
            : `Go Back would undo a criteria action of segment ${no} that no longer exists`,
          {
            segmentNo: no,
            field: 'goBack',
            ...(step ? { actionNo: step.actionNo } : {}),
            ...(last ? { lastActionNo: last.actionNo } : {}),
          },
        );
      }
      const inserted = (await db.segmentLines.bulkGet(last.insertedLineIds)).filter((l): l is SegmentLine =>
        Boolean(l),
      );
      if (inserted.length) await db.segmentLines.bulkDelete(inserted.map((l) => l.id));
      // Added, not put: a line id is never given again, so the lines the step deleted are not there (and
      // nothing has to read whether they are, for the figures or the outbox's before-images).
      if (last.deletedLines.length) await db.segmentLines.bulkAdd(last.deletedLines);
      await db.criteriaActions.delete(last.id);
      await touchHeader(ctx, s, header);
      return {
        added: last.deletedLines,
        removed: inserted,
        noOfCriteriaActions: count - 1,
      } satisfies StepResult;
    },
  });

  return {
    addContacts: (no: string, filters: CriteriaFilters, opts?: AddContactsOptions) => addContacts(no, filters, opts),
    reduceContacts: (no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions) =>
      reduceContacts(no, filters, opts),
    refineContacts: (no: string, filters: CriteriaFilters, opts?: RemoveContactsOptions) =>
      refineContacts(no, filters, opts),
    addContactList: (no: string, contactNos: string[], opts: ListOptions = {}) => addContactList(no, contactNos, opts),

    previewStep: (no: string, input: CriteriaStep) =>
      runRead(ctx, async () => {
        const parsed = parseOrThrow(criteriaStepSchema, input, 'Step');
        const base = stepOf(parsed.kind, parsed.filters, parsed.options);
        return previewCriteriaStep(ctx, await headerByNo(ctx, no), { ...base, contactNos: parsed.contactNos });
      }),

    goBack: (no: string) => goBack(no),
  };
}
