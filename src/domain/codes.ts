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

/** The schemas' message for a value that is not a locale (the pages word it from the rule `locale`). */
export const NOT_A_LOCALE = 'is not a BCP 47 locale such as it-IT';

/**
 * Whether `s` is a locale as Intl knows it, with a language of 2 or 3 letters: it-IT, en-US, de, fr-CH.
 * Intl also takes a 5-8 letter "language" ("tedesco") and "und" (undetermined), which name no language a
 * date or a collation could follow. The one rule for every locale the workspace keeps (Setup's, a Language's).
 */
export function isLocaleTag(s: string): boolean {
  try {
    const tags = Intl.getCanonicalLocales(s);
    if (tags.length !== 1) return false;
    const { language } = new Intl.Locale(tags[0]);
    return /^[a-z]{2,3}$/.test(language) && language !== 'und';
  } catch {
    return false;
  }
}

/** A locale by the rule of isLocaleTag. */
export function localeTagSchema() {
  return storedString().check(z.refine(isLocaleTag, { error: NOT_A_LOCALE }));
}

/** A required code of at most 10 characters (Language, Territory). */
const requiredCode10 = z
  .pipe(storedString().check(z.maxLength(10, { error: 'is longer than 10 characters' })), code20)
  .check(z.refine((s) => s.trim() !== '', { error: 'is required' }));

export const languageFieldsSchema = z.object({
  code: requiredCode10,
  name: text100,
  locale: z.union([localeTagSchema(), z.literal('')]),
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

/** Where a code is used, by kind of record: what removing it leaves pointing at nothing. */
export interface CodeUsage {
  contacts: number;
  segments: number;
  interactionTemplates: number;
  interactionLogEntries: number;
}

/** The rule a field's value breaks, for the user's message (the schemas' messages are a developer's). */
export type FieldRule = 'required' | 'tooLong' | 'email' | 'negative' | 'number' | 'locale' | 'text';

export interface FieldProblem {
  field: string;
  rule: FieldRule;
  /** tooLong: the most characters the field takes, and how many the value has. */
  max?: number;
  length?: number;
}

const ruleOfMessage: Record<string, FieldRule> = {
  'is required': 'required',
  'is not an e-mail address': 'email',
  [NOT_A_LOCALE]: 'locale',
  'must be a number': 'number',
  'must not be negative': 'negative',
};

/**
 * A form's fields checked against the record's schema (every field optional but those given): the first
 * problem of each field, as a rule the page words in the user's language.
 */
export function fieldProblems(fields: z.ZodMiniObject, row: Record<string, unknown>): FieldProblem[] {
  const parsed = z.safeParse(z.partial(fields), row);
  if (parsed.success) return [];
  const byField = new Map<string, FieldProblem>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (byField.has(field)) continue;
    const value = row[field];
    let rule: FieldRule = ruleOfMessage[issue.message] ?? 'text';
    let max: number | undefined;
    if (issue.code === 'too_big') {
      rule = 'tooLong';
      max = Number(issue.maximum);
    } else if (issue.code === 'too_small' && typeof value === 'number') rule = 'negative';
    else if (issue.code === 'invalid_type')
      rule = value === undefined ? 'required' : typeof value === 'string' ? 'number' : 'text';
    byField.set(field, {
      field,
      rule,
      ...(max === undefined ? {} : { max, length: String(value ?? '').length }),
    });
  }
  return [...byField.values()];
}
