// Per-host preferences (language choice, last segment, remembered column mappings), kept with
// @microsoft/office-js-helpers' Storage. The library is imported on demand, so it is its own chunk and
// stays out of the first load; only its Storage is used (not its host detection, not its notifications).
import type { Preferences } from '../domain/ports/preferences';

interface HelperStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  has(key: string): boolean;
}

/** Preferences for one host ('Excel', 'Word', 'none'): each host keeps its own. */
export async function loadPreferences(host: string): Promise<Preferences> {
  try {
    const helpers = (await import(/* webpackChunkName: "preferences" */ '@microsoft/office-js-helpers')) as unknown as {
      Storage: new (container: string) => HelperStorage;
    };
    const store = new helpers.Storage(`segments-preferences-${host}`);
    return {
      get: <T>(key: string) => (store.has(key) ? (store.get(key) as T) : undefined),
      set: (key, value) => void store.set(key, value),
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
