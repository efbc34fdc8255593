// The catalogs of the first page, asked for as soon as the entry starts: imported by the entry before
// React and Fluent, so their fetch goes on while the entry's own code runs and Office gets ready
// (taskpane.html's start script has usually asked for them already: webpack.config.js). The shell with its
// start page is in the entry script itself (Boot.tsx): the catalogs depend on the language, known only here.
import type { UiLanguage } from '../domain/setup';
import { languageFor } from '../ui/shell/languageFor';
import { loadPaneCatalogs } from './catalogRegistry';

/**
 * Fetches the pane's catalogs of the likely language: the browser's (Office's display language usually
 * is the system's). Boot asks for them again once Office has said its language: a chunk already fetched
 * is not fetched twice, and another language is fetched then. A failure here is Boot's to say.
 */
export function prefetchStart(language: UiLanguage = languageFor(globalThis.navigator?.language ?? 'en')): void {
  loadPaneCatalogs(language).catch(() => undefined);
}
