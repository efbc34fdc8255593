import * as z from 'zod/mini';
import { storedString } from './text';
import { code20, email80, recordBase, text100 } from './fields';

// Code lists (segments.md, section 2).
export const salespersonFieldsSchema = z.object({
  code: code20.check(z.refine((s) => s.trim() !== '', { error: 'is required' })),
  name: text100,
  jobTitle: text100,
  email: email80,
  phoneNo: text100,
});
export const salespersonSchema = z.extend(salespersonFieldsSchema, recordBase);
export type Salesperson = z.infer<typeof salespersonSchema>;

export const codeDescriptionFieldsSchema = z.object({
  code: code20.check(z.refine((s) => s.trim() !== '', { error: 'is required' })),
  description: text100,
});
export const codeDescriptionSchema = z.extend(codeDescriptionFieldsSchema, recordBase);
/** Interaction Group, Mailing Group, Industry Group, Job Responsibility, Business Relation. */
export type CodeDescription = z.infer<typeof codeDescriptionSchema>;
export type InteractionGroup = CodeDescription;
export type MailingGroup = CodeDescription;
export type IndustryGroup = CodeDescription;
export type JobResponsibility = CodeDescription;
export type BusinessRelation = CodeDescription;

/** A required code of at most 10 characters (Language, Territory). */
const requiredCode10 = z
  .pipe(storedString().check(z.maxLength(10, { error: 'is longer than 10 characters' })), code20)
  .check(z.refine((s) => s.trim() !== '', { error: 'is required' }));

export const languageFieldsSchema = z.object({
  code: requiredCode10,
  name: text100,
  locale: z.union([
    storedString().check(z.refine(isLocaleTag, { error: 'is not a BCP 47 locale such as it-IT' })),
    z.literal(''),
  ]),
});
export const languageSchema = z.extend(languageFieldsSchema, recordBase);
export type Language = z.infer<typeof languageSchema>;

/** Territory (BC table 286): a code of at most 10 characters and its name. */
export const territoryFieldsSchema = z.object({
  code: requiredCode10,
  name: text100,
});
export const territorySchema = z.extend(territoryFieldsSchema, recordBase);
export type Territory = z.infer<typeof territorySchema>;

function isLocaleTag(s: string): boolean {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
}
