// The chunks of the first page, asked for as soon as the entry starts: imported by the entry before
// React and Fluent, so their fetch begins before the entry's own code runs and goes on while Office gets
// ready. taskpane.html also has the browser preload the shell (webpack.config.js); the catalogs depend on
// the language, known only here.
import type { UiLanguage } from '../domain/setup';
import { languageFor } from '../ui/shell/languageFor';
import { loadPaneCatalogs } from './catalogRegistry';
import type * as PaneUiModule from './paneUi';

export type PaneUi = typeof PaneUiModule;

/** The shell with its start page and the host pages' wiring (one chunk; a fetched chunk is not fetched again). */
export const loadPaneUi = (): Promise<PaneUi> => import(/* webpackChunkName: "shell" */ './paneUi');

/**
 * Fetches the shell and the pane's catalogs of the likely language: the browser's (Office's display
 * language usually is the system's). Boot asks for them again once Office has said its language: a chunk
 * already fetched is not fetched twice, and another language is fetched then. A failure here is Boot's to say.
 */
export function prefetchStart(language: UiLanguage = languageFor(globalThis.navigator?.language ?? 'en')): void {
  loadPaneUi().catch(() => undefined);
  loadPaneCatalogs(language).catch(() => undefined);
}
