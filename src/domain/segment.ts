import * as z from 'zod/mini';
import { storedString } from './text';
import { correspondenceTypeSchema, evaluationSchema, informationFlowSchema, initiatedBySchema } from './enums';
import { code20, comment, isoDateOrBlank, nonNegative, recordBase, text100, text250, ulid } from './fields';
import { lettersSchema } from './interaction';
import { numberNotation } from './filterValues';

/** The header fields a user (or a caller) may set. */
export const segmentHeaderInputSchema = z.object({
  description: text100,
  salespersonCode: code20,
  date: isoDateOrBlank,
  campaignNo: code20,
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  interactionTemplateCode: code20,
  interactionGroupCode: code20,
  languageCodeDefault: code20,
  subjectDefault: text250,
  correspondenceTypeDefault: correspondenceTypeSchema,
  ignoreContactCorresType: z.boolean(),
  informationFlow: informationFlowSchema,
  initiatedBy: initiatedBySchema,
  unitCost: nonNegative,
  unitDuration: nonNegative,
  sendWordDocsAsAttmt: z.boolean(),
  letters: lettersSchema,
});
export type SegmentHeaderInput = z.infer<typeof segmentHeaderInputSchema>;

/** A header with every field blank: what a new segment starts from before its defaults. */
export function emptySegmentHeaderInput(): SegmentHeaderInput {
  return {
    description: '',
    salespersonCode: '',
    date: '',
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    interactionTemplateCode: '',
    interactionGroupCode: '',
    languageCodeDefault: '',
    subjectDefault: '',
    correspondenceTypeDefault: '',
    ignoreContactCorresType: false,
    informationFlow: '',
    initiatedBy: '',
    unitCost: 0,
    unitDuration: 0,
    sendWordDocsAsAttmt: false,
    letters: {},
  };
}

/**
 * The figures the Segments list shows, stored on the header (schema version 3) and kept by the store at
 * the end of every action that changes lines. Optional: rows written before version 3 (an old backup, an
 * older pane's synced row) parse, and read as 0 until the store fills them.
 */
export const segmentFigureFields = {
  noOfLines: z.optional(z.number().check(z.int(), z.nonnegative())),
  noOfCriteriaActions: z.optional(z.number().check(z.int(), z.nonnegative())),
  cost: z.optional(nonNegative),
  duration: z.optional(nonNegative),
};

export const segmentHeaderRecordSchema = z.extend(segmentHeaderInputSchema, {
  ...recordBase,
  no: code20,
  ...segmentFigureFields,
});
/** The stored header. */
export type SegmentHeaderRecord = z.infer<typeof segmentHeaderRecordSchema>;

/** The header as callers see it: with the derived figures. */
export interface SegmentHeader extends SegmentHeaderRecord {
  noOfLines: number;
  noOfCriteriaActions: number;
  cost: number;
  duration: number;
}

/** The per-contact interaction values a line carries (and a user may override). */
export const segmentLineInputSchema = z.object({
  description: text100,
  salespersonCode: code20,
  interactionTemplateCode: code20,
  interactionGroupCode: code20,
  correspondenceType: correspondenceTypeSchema,
  languageCode: code20,
  subject: text250,
  cost: nonNegative,
  duration: nonNegative,
  date: isoDateOrBlank,
  campaignNo: code20,
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  informationFlow: informationFlowSchema,
  initiatedBy: initiatedBySchema,
  evaluation: evaluationSchema,
  attemptFailed: z.boolean(),
  comment,
  /** This contact's own edited letter (BC's "unique attachment"): body OOXML. */
  letter: z.optional(storedString()),
});
export type SegmentLineInput = z.infer<typeof segmentLineInputSchema>;

export const segmentLineSchema = z.extend(segmentLineInputSchema, {
  ...recordBase,
  segmentId: ulid,
  segmentNo: code20,
  lineNo: z.number().check(z.int(), z.positive()),
  contactNo: code20,
  contactCompanyNo: code20,
  /** The criteria action (its actionNo) that put this line there. */
  addedByAction: z.optional(z.number().check(z.int(), z.positive())),
});
export type SegmentLine = z.infer<typeof segmentLineSchema>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number typed in a number field of a segment or a line (Unit Cost, Duration…), read as the workspace
 * locale writes it: its decimal sign, and its group separators in groups of three (1,234.5 in en-US,
 * 1.234,5 in it-IT). Blank is 0, as in BC. What the locale does not write (1,5 in en-US, 1.5 in it-IT) is
 * not read as some other number: undefined.
 */
export function readTypedNumber(text: string, locale: string): number | undefined {
  const s = text.trim();
  if (s === '') return 0;
  const n = numberNotation(locale);
  const d = escapeRe(n.decimal);
  if (!new RegExp(`^[+-]?(?:\\d+(?:${d}\\d+)?|${d}\\d+)$`).test(s) && !n.grouped.test(s)) return undefined;
  let digits = s;
  for (const g of n.group) digits = digits.split(g).join('');
  return Number(digits.replace(n.decimal, '.'));
}
