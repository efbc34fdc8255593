// The locale a user's language stands for, apart from Setup's schemas so that the pane's first load can
// use it without them.
import type { UiLanguage } from './setup';

/**
 * The locale a user's language stands for (it → it-IT, else en-US): the pane's until the workspace's
 * Setup is read, the one a workspace whose Setup was never saved shows and reads dates in, and the one a
 * new workspace takes from the user who first sets it up (FirstRun).
 */
export function localeForLanguage(language: UiLanguage): string {
  return language === 'it' ? 'it-IT' : 'en-US';
}
