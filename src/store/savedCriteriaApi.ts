// Saved segment criteria (segments.md, section 3): Save Criteria, Reuse Criteria, and the list of saved
// criteria with its removal.
import { actionNames } from '../domain/actionNames';
import type { SavedCriteria, StepResult } from '../domain/criteria';
import { SegmentsError } from '../domain/errors';
import { defineAction } from './action';
import type { StoreContext } from './context';
import { applyCriteriaStep } from './criteriaSteps';
import { actionsOf, headerById, headerByNo } from './segmentState';
import { readProfile } from './setupProfile';

/** Saved criteria by code (what the user sees). */
async function savedByCode(ctx: StoreContext, code: string): Promise<SavedCriteria> {
  const saved = await ctx.db.savedCriteria.where('code').equals(code).first();
  if (!saved) throw new SegmentsError('NOT_FOUND', `Saved segment criteria ${code} do not exist`, { code });
  return saved;
}

/** `segments` holds the segment's actions (save, reuse); `savedCriteria` the saved criteria themselves. */
export function savedCriteriaApi(ctx: StoreContext) {
  const db = ctx.db;
  const A = actionNames.segments;

  const saveCriteria = defineAction(ctx, {
    name: A.saveCriteria,
    // The code is the new record's key, chosen by the user: a value, not a target.
    resolve: async (no: string, code: string, description = '') =>
      [(await headerByNo(ctx, no)).id, code, description] as [string, string, string],
    body: async (s, segmentId: string, code: string, description: string): Promise<SavedCriteria> => {
      const header = await headerById(ctx, segmentId);
      const no = (s.action.about = header.no);
      if (typeof code !== 'string' || code.trim() === '')
        throw new SegmentsError('INVALID_INPUT', 'Code must have a value to save the criteria', { field: 'code' });
      if (code.length > 20)
        throw new SegmentsError('INVALID_INPUT', `Code is longer than 20 characters (${code.length})`, {
          field: 'code',
        });
      if (description.length > 100)
        throw new SegmentsError('INVALID_INPUT', `Description is longer than 100 characters (${description.length})`, {
          field: 'description',
        });
      const actions = await actionsOf(ctx, header.id);
      if (actions.length === 0)
        throw new SegmentsError('NO_CRITERIA_ACTIONS', `Segment ${no} has no criteria actions to save`, {
          segmentNo: no,
        });
      if (await db.savedCriteria.where('code').equals(code).count())
        throw new SegmentsError('SAVED_CRITERIA_EXISTS', `Saved segment criteria ${code} already exist`, { code });
      const profile = await readProfile(ctx);
      const saved: SavedCriteria = {
        id: s.newId(),
        createdAt: s.stamp,
        updatedAt: s.stamp,
        code,
        description,
        userId: profile.userId,
        actions: actions.map((a) => ({
          kind: a.kind,
          options: a.options,
          filters: a.filters,
          ...(a.contactNos ? { contactNos: a.contactNos } : {}),
        })),
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
      if (!saved)
        throw new SegmentsError('NOT_FOUND', 'The saved segment criteria this action reused no longer exist', {
          savedCriteriaId,
        });
      const total: StepResult = { added: [], removed: [], noOfCriteriaActions: 0 };
      for (const a of saved.actions) {
        // Each saved action runs against today's contacts and is recorded anew (Go Back works on it).
        const header = await headerById(ctx, segmentId);
        const r = await applyCriteriaStep(ctx, s, header, {
          kind: a.kind,
          filters: a.filters,
          options: a.options,
          contactNos: a.contactNos,
        });
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

  const removeSavedCriteria = defineAction(ctx, {
    name: actionNames.savedCriteria.remove,
    resolve: async (code: string) => [(await savedByCode(ctx, code)).id] as [string],
    body: async (s, savedCriteriaId) => {
      const r = await db.savedCriteria.get(savedCriteriaId);
      if (!r)
        throw new SegmentsError('NOT_FOUND', 'The saved segment criteria this action was about no longer exist', {
          savedCriteriaId,
        });
      s.action.about = r.code;
      await db.savedCriteria.delete(r.id);
    },
  });

  return {
    segments: {
      saveCriteria: (no: string, code: string, description = '') => saveCriteria(no, code, description),
      reuseCriteria: (no: string, code: string) => reuseCriteria(no, code),
    },
    savedCriteria: {
      list: () => db.savedCriteria.orderBy('code').toArray(),
      get: (code: string) => db.savedCriteria.where('code').equals(code).first(),
      remove: removeSavedCriteria,
    },
  };
}
