// Per-host preferences (language choice, last segment, remembered column mappings) in the browser's
// localStorage, each host's under its own prefix. The format is the one @microsoft/office-js-helpers'
// Storage wrote (`@segments-preferences-<host>/<key>` holding JSON), so what earlier versions kept is
// read as it was; the library itself (55 KiB minified) is no longer fetched for a handful of lines.
import type { Preferences } from '../domain/ports/preferences';

/** Preferences for one host ('Excel', 'Word', 'none'): each host keeps its own. */
export function loadPreferences(host: string, storage?: Storage): Preferences {
  try {
    const store = storage ?? globalThis.localStorage;
    if (!store) throw new Error('this browser has no localStorage');
    const scoped = (key: string) => `@segments-preferences-${host}/${key}`;
    store.getItem(scoped('language')); // a locked-down webview refuses here (SecurityError)
    return {
      get<T>(key: string) {
        const item = store.getItem(scoped(key));
        if (item === null) return undefined;
        try {
          return JSON.parse(item) as T;
        } catch {
          return item as T; // a plain string kept by hand
        }
      },
      set(key, value) {
        try {
          store.setItem(scoped(key), JSON.stringify(value));
        } catch (e) {
          // Full or refused: the choice holds for this session (the pane keeps it in its state).
          console.warn(`The preference ${key} could not be kept:`, e);
        }
      },
    };
  } catch (e) {
    // Storage refused (a locked-down webview): preferences last for this session only.
    console.warn('Preferences are kept for this session only:', e);
    return memoryPreferences();
  }
}

export function memoryPreferences(): Preferences {
  const map = new Map<string, unknown>();
  return { get: <T>(key: string) => map.get(key) as T | undefined, set: (key, value) => void map.set(key, value) };
}
