import * as z from 'zod/mini';
import { storedString } from './text';
import { criteriaKindSchema } from './enums';
import { code20, recordBase, text100, ulid } from './fields';
import { segmentLineSchema } from './segment';
import type { SegmentLine } from './segment';

/**
 * Filters of one criteria action (workspace-api.md): each value a BC filter expression.
 * `contact` keys are contact field names or `extra.<Header>`.
 */
export const criteriaFiltersSchema = z.object({
  contact: z.optional(z.record(storedString(), storedString())),
  mailingGroup: z.optional(storedString()),
  industryGroup: z.optional(storedString()),
  jobResponsibility: z.optional(storedString()),
  businessRelation: z.optional(storedString()),
  profileAnswer: z.optional(
    z.object({ questionnaire: z.optional(storedString()), answer: z.optional(storedString()) }),
  ),
  interactionLog: z.optional(z.record(storedString(), storedString())),
  contactList: z.optional(
    z.object({ source: z.optional(storedString()), count: z.number().check(z.int(), z.nonnegative()) }),
  ),
});
export type CriteriaFilters = z.infer<typeof criteriaFiltersSchema>;

export const interactionLogFilterKeys = [
  'date',
  'segmentNo',
  'loggedSegmentEntryNo',
  'campaignNo',
  'evaluation',
  'interactionTemplateCode',
  'salespersonCode',
] as const;

export const addContactsOptionsSchema = z.object({
  allowExistingContacts: z.optional(z.boolean()),
  expandCompanies: z.optional(z.boolean()),
  allowRelatedCompanies: z.optional(z.boolean()),
  ignoreExclusion: z.optional(z.boolean()),
});
export type AddContactsOptions = z.infer<typeof addContactsOptionsSchema>;

export const removeContactsOptionsSchema = z.object({
  entireCompanies: z.optional(z.boolean()),
  resetCriteriaWhenEmpty: z.optional(z.boolean()),
});
export type RemoveContactsOptions = z.infer<typeof removeContactsOptionsSchema>;

export const criteriaOptionsSchema = z.extend(addContactsOptionsSchema, removeContactsOptionsSchema.shape);
export type CriteriaOptions = z.infer<typeof criteriaOptionsSchema>;

export const criteriaStepSchema = z.object({
  kind: criteriaKindSchema,
  filters: criteriaFiltersSchema,
  options: z._default(criteriaOptionsSchema, {}),
  /** For a contact list action (addContactList): the numbers, so Reuse Criteria can replay it. */
  contactNos: z.optional(z.array(storedString())),
});
export type CriteriaStep = z.input<typeof criteriaStepSchema>;

/** One criteria action of a segment, with its history (what it inserted, what it deleted). */
export const criteriaActionSchema = z.object({
  ...recordBase,
  segmentId: ulid,
  segmentNo: code20,
  actionNo: z.number().check(z.int(), z.positive()),
  kind: criteriaKindSchema,
  options: criteriaOptionsSchema,
  filters: criteriaFiltersSchema,
  contactNos: z.optional(z.array(storedString())),
  /** History: ids of the lines this action inserted. */
  insertedLineIds: z.array(storedString()),
  /** History: the whole lines this action deleted, to restore them exactly. */
  deletedLines: z.array(segmentLineSchema),
});
export type CriteriaAction = z.infer<typeof criteriaActionSchema>;

/** What callers see of an action (SegmentView.criteria). */
export type CriteriaActionView = Pick<CriteriaAction, 'actionNo' | 'kind' | 'options' | 'filters' | 'contactNos'>;

export const savedCriteriaActionSchema = z.object({
  kind: criteriaKindSchema,
  options: criteriaOptionsSchema,
  filters: criteriaFiltersSchema,
  contactNos: z.optional(z.array(storedString())),
});
export const savedCriteriaSchema = z.object({
  ...recordBase,
  code: code20.check(z.refine((s) => s.trim() !== '', { error: 'is required' })),
  description: text100,
  userId: storedString(),
  actions: z.array(savedCriteriaActionSchema),
});
export type SavedCriteria = z.infer<typeof savedCriteriaSchema>;

/** The result of a criteria step (or its preview). */
export interface StepResult {
  added: SegmentLine[];
  removed: SegmentLine[];
  noOfCriteriaActions: number;
}
