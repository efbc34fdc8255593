// Whether the team server takes a personal key, asked before the pane keeps it: the server's status
// (GET /api/v1/status) answers 401 to a key that is not one of its keys (mistyped, rotated, removed).
import type { KeyCheck } from '../domain/ports/syncStatus';
import { API_PREFIX } from '../domain/syncProtocol';

/** How long the user waits for the server's answer before the key is kept to be tried later. */
const CHECK_MS = 10_000;

export async function checkPersonalKey(
  serverUrl: string,
  key: string,
  doFetch: typeof fetch = globalThis.fetch,
): Promise<KeyCheck> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), CHECK_MS);
  try {
    const res = await doFetch(`${serverUrl}${API_PREFIX}/status`, {
      headers: { authorization: `Bearer ${key}` },
      signal: abort.signal,
    });
    if (res.status === 401 || res.status === 403) return 'refused';
    if (!res.ok) return 'unreachable';
    // The sync server's status names its schema; a page from a plain web server or a proxy does not.
    const body = (await res.json()) as unknown;
    return typeof body === 'object' && body !== null && 'schemaVersion' in body ? 'accepted' : 'unreachable';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
