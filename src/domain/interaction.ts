import * as z from 'zod/mini';
import { storedString } from './text';
import { correspondenceTypeSchema, informationFlowSchema, initiatedBySchema } from './enums';
import { code20, nonNegative, recordBase, text100, text250 } from './fields';

/** A Word letter for one language: the subject and the body OOXML written in Word, with merge fields. */
export const letterSchema = z.object({ subject: text250, ooxml: storedString() });
export type Letter = z.infer<typeof letterSchema>;
/** Letters by language code; the key '' is the letter for contacts without a language. */
export const lettersSchema = z.record(storedString().check(z.maxLength(10)), letterSchema);
export type Letters = z.infer<typeof lettersSchema>;

export const interactionTemplateFieldsSchema = z.object({
  code: code20.check(z.refine((s) => s.trim() !== '', { error: 'is required' })),
  interactionGroupCode: code20,
  description: text100,
  unitCost: nonNegative,
  unitDuration: nonNegative,
  informationFlow: informationFlowSchema,
  initiatedBy: initiatedBySchema,
  campaignNo: code20,
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  correspondenceTypeDefault: correspondenceTypeSchema,
  ignoreContactCorresType: z.boolean(),
  languageCodeDefault: code20,
  letters: lettersSchema,
});
export const interactionTemplateSchema = z.extend(interactionTemplateFieldsSchema, recordBase);
export type InteractionTemplate = z.infer<typeof interactionTemplateSchema>;

export function emptyTemplateFields(code: string): z.infer<typeof interactionTemplateFieldsSchema> {
  return {
    code,
    interactionGroupCode: '',
    description: '',
    unitCost: 0,
    unitDuration: 0,
    informationFlow: '',
    initiatedBy: '',
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    correspondenceTypeDefault: '',
    ignoreContactCorresType: false,
    languageCodeDefault: '',
    letters: {},
  };
}
