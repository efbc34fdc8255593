import { z } from 'zod';
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
  contact: z.record(storedString(), storedString()).optional(),
  mailingGroup: storedString().optional(),
  industryGroup: storedString().optional(),
  jobResponsibility: storedString().optional(),
  businessRelation: storedString().optional(),
  profileAnswer: z.object({ questionnaire: storedString().optional(), answer: storedString().optional() }).optional(),
  interactionLog: z.record(storedString(), storedString()).optional(),
  contactList: z.object({ source: storedString().optional(), count: z.number().int().nonnegative() }).optional(),
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
  allowExistingContacts: z.boolean().optional(),
  expandCompanies: z.boolean().optional(),
  allowRelatedCompanies: z.boolean().optional(),
  ignoreExclusion: z.boolean().optional(),
});
export type AddContactsOptions = z.infer<typeof addContactsOptionsSchema>;

export const removeContactsOptionsSchema = z.object({
  entireCompanies: z.boolean().optional(),
  resetCriteriaWhenEmpty: z.boolean().optional(),
});
export type RemoveContactsOptions = z.infer<typeof removeContactsOptionsSchema>;

export const criteriaOptionsSchema = addContactsOptionsSchema.extend(removeContactsOptionsSchema.shape);
export type CriteriaOptions = z.infer<typeof criteriaOptionsSchema>;

export const criteriaStepSchema = z.object({
  kind: criteriaKindSchema,
  filters: criteriaFiltersSchema,
  options: criteriaOptionsSchema.default({}),
  /** For a contact list action (addContactList): the numbers, so Reuse Criteria can replay it. */
  contactNos: z.array(storedString()).optional(),
});
export type CriteriaStep = z.input<typeof criteriaStepSchema>;

/** One criteria action of a segment, with its history (what it inserted, what it deleted). */
export const criteriaActionSchema = z.object({
  ...recordBase,
  segmentId: ulid,
  segmentNo: code20,
  actionNo: z.number().int().positive(),
  kind: criteriaKindSchema,
  options: criteriaOptionsSchema,
  filters: criteriaFiltersSchema,
  contactNos: z.array(storedString()).optional(),
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
  contactNos: z.array(storedString()).optional(),
});
export const savedCriteriaSchema = z.object({
  ...recordBase,
  code: code20.refine((s) => s.trim() !== '', { error: 'is required' }),
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
