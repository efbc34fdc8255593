import * as z from 'zod/mini';
import { storedString } from './text';
import { correspondenceTypeSchema } from './enums';
import { code20 } from './fields';
export { localeForLanguage } from './languageLocale';

/** A number series pattern: a prefix and a run of digits, e.g. SEG00001. */
export const seriesPatternSchema = z
  .string()
  .check(z.maxLength(20), z.regex(/^(.*?)(\d+)$/, { error: 'must end with digits, e.g. SEG00001' }));

/** Setup: one record, shared by everyone in the workspace (synced). */
export const setupSchema = z.object({
  id: z.literal('setup'),
  segmentNos: seriesPatternSchema,
  contactNos: seriesPatternSchema,
  defaultCorrespondenceType: correspondenceTypeSchema,
  defaultLanguageCode: code20,
  locale: storedString().check(z.minLength(2)),
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

/** Number series kept per kind, storing the last number used (never issued twice). */
export type SeriesKind = 'segment' | 'contact' | 'loggedSegment' | 'interactionLogEntry';
