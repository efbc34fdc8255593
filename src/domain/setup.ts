import * as z from 'zod/mini';
import { storedString } from './text';
import { correspondenceTypeSchema } from './enums';
import { code20 } from './fields';
import { NOT_A_LOCALE, isLocaleTag } from './codes';
export { localeForLanguage } from './languageLocale';

const REQUIRED = 'is required';
const NOT_A_SERIES = 'must end with digits';
const filled = () => z.refine<string>((s) => s.trim() !== '', { error: REQUIRED, abort: true });

/** A number series pattern: a prefix and a run of digits, e.g. SEG00001. */
export const seriesPatternSchema = z
  .string()
  .check(filled(), z.maxLength(20), z.regex(/^(.*?)(\d+)$/, { error: NOT_A_SERIES }));

/** Setup: one record, shared by everyone in the workspace (synced). */
export const setupSchema = z.object({
  id: z.literal('setup'),
  segmentNos: seriesPatternSchema,
  contactNos: seriesPatternSchema,
  defaultCorrespondenceType: correspondenceTypeSchema,
  defaultLanguageCode: code20,
  locale: storedString().check(filled(), z.refine(isLocaleTag, { error: NOT_A_LOCALE })),
  updatedAt: storedString(),
});
export type Setup = z.infer<typeof setupSchema>;

export const uiLanguageSchema = z.enum(['en', 'it']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** Profile: this pane's user; local, never synced. */
export const profileSchema = z.object({
  id: z.literal('profile'),
  userId: storedString().check(z.maxLength(50)),
  salespersonCode: code20,
  uiLanguage: uiLanguageSchema,
  updatedAt: storedString(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Setup before it is first saved. Its locale is then the one the workspace was opened with: the pane opens
 * it with the user's language's (languageLocale.ts), so each user reads and sees dates as their language
 * writes them until someone saves Setup (FirstRun saves the first user's); en-US without one.
 */
export const defaultSetup: Omit<Setup, 'updatedAt'> = {
  id: 'setup',
  segmentNos: 'SEG00001',
  contactNos: 'CT00001',
  defaultCorrespondenceType: '',
  defaultLanguageCode: '',
  locale: 'en-US',
};

export const defaultProfile: Omit<Profile, 'updatedAt'> = {
  id: 'profile',
  userId: '',
  salespersonCode: '',
  uiLanguage: 'en',
};

/**
 * The rule a Setup field's value breaks, for the page to word at the field (the schema's messages are a
 * developer's): required, tooLong (`max`), series (`example`: that series' own default), locale, text (a
 * character that cannot be stored), notExist (a code not in its list).
 */
export type SetupRule = 'required' | 'tooLong' | 'series' | 'locale' | 'text' | 'notExist';

export interface SetupProblem {
  field: string;
  rule: SetupRule;
  max?: number;
  example?: string;
}

/** The first problem of a Setup record the schema refused. */
export function setupProblem(error: z.core.$ZodError): SetupProblem {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? '');
  if (issue?.code === 'too_big') return { field, rule: 'tooLong', max: Number(issue.maximum) };
  if (issue?.message === REQUIRED) return { field, rule: 'required' };
  if (issue?.message === NOT_A_LOCALE) return { field, rule: 'locale' };
  if (issue?.message === NOT_A_SERIES) {
    const example = defaultSetup[field as keyof typeof defaultSetup];
    return { field, rule: 'series', example: typeof example === 'string' ? example : 'SEG00001' };
  }
  return { field, rule: 'text' };
}

/** Number series kept per kind, storing the last number used (never issued twice). */
export type SeriesKind = 'segment' | 'contact' | 'loggedSegment' | 'interactionLogEntry';
