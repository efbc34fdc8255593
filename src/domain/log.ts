import * as z from 'zod/mini';
import { storedString } from './text';
import {
  correspondenceTypeSchema,
  deliveryStatusSchema,
  evaluationSchema,
  informationFlowSchema,
  initiatedBySchema,
} from './enums';
import { code20, comment, isoDate, isoTime, nonNegative, recordBase, text100, text250 } from './fields';
import type { SegmentsErrorCode } from './errors';

export const loggedSegmentRecordSchema = z.object({
  ...recordBase,
  entryNo: z.number().check(z.int(), z.positive()),
  segmentNo: code20,
  description: text100,
  creationDate: isoDate,
  userId: storedString(),
  canceled: z.boolean(),
  /** Stored figure (schema version 3): the entries whose Canceled matches this one's. Optional for older rows. */
  noOfInteractions: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type LoggedSegmentRecord = z.infer<typeof loggedSegmentRecordSchema>;
export interface LoggedSegment extends LoggedSegmentRecord {
  noOfInteractions: number;
}

export const interactionLogEntrySchema = z.object({
  ...recordBase,
  entryNo: z.number().check(z.int(), z.positive()),
  loggedSegmentId: storedString(),
  loggedSegmentEntryNo: z.number().check(z.int(), z.nonnegative()),
  segmentNo: code20,
  contactNo: code20,
  contactCompanyNo: code20,
  date: isoDate,
  time: isoTime,
  description: text100,
  subject: text250,
  interactionTemplateCode: code20,
  interactionGroupCode: code20,
  correspondenceType: correspondenceTypeSchema,
  languageCode: code20,
  salespersonCode: code20,
  informationFlow: informationFlowSchema,
  initiatedBy: initiatedBySchema,
  cost: nonNegative,
  duration: nonNegative,
  attemptFailed: z.boolean(),
  evaluation: evaluationSchema,
  campaignNo: code20,
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  canceled: z.boolean(),
  deliveryStatus: deliveryStatusSchema,
  userId: storedString(),
  comment,
  /** The letter the contact received (body OOXML), when merged in Word or taken from the template. */
  letter: z.optional(storedString()),
  segmentLineNo: z.optional(z.number().check(z.int(), z.positive())),
});
export type InteractionLogEntry = z.infer<typeof interactionLogEntrySchema>;
export type InteractionLogEntryDraft = Omit<
  InteractionLogEntry,
  'entryNo' | 'id' | 'createdAt' | 'updatedAt' | 'loggedSegmentId' | 'loggedSegmentEntryNo'
>;

export const logOptionsSchema = z.object({
  sendAttachments: z.optional(z.boolean()),
  createFollowUp: z.optional(z.boolean()),
  letters: z.optional(z.array(z.object({ lineNo: z.number().check(z.int(), z.positive()), ooxml: storedString() }))),
  /** The follow-up segment's description, in the pane's language (absent: BC's English). */
  followUpDescription: z.optional(text100),
});
export type LogOptions = z.infer<typeof logOptionsSchema>;

/** Create Follow-up Segment's options: the description, in the pane's language (absent: BC's English). */
export const followUpOptionsSchema = z.object({ description: z.optional(text100) });
export type FollowUpOptions = z.infer<typeof followUpOptionsSchema>;

/** BC's caption of a follow-up segment (SegManagement), when the pane gave none. */
export const defaultFollowUpDescription = (segmentNo: string) => `Follow-up on segment ${segmentNo}`;

export interface LogBlocker {
  lineNo?: number;
  contactNo?: string;
  code: SegmentsErrorCode;
  message: string;
  field?: string;
}

export interface LogPreview {
  entries: InteractionLogEntryDraft[];
  blockers: LogBlocker[];
}

export interface LogResult {
  loggedSegment: LoggedSegment;
  entries: InteractionLogEntry[];
  followUpSegmentNo?: string;
}
