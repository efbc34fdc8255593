// The pane's entry to the shared workspace: its key kept in the browser, its own origin as the server.
import { expect, test } from 'vitest';
import { openPaneWorkspace, readSyncKey, saveSyncKey } from '../../src/sync/paneSync';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

test('the personal key is kept trimmed in the browser, and an empty key removes it', () => {
  const storage = memoryStorage();
  expect(readSyncKey(storage)).toBeUndefined();
  saveSyncKey('  anna-key-0123456789 ', storage);
  expect(readSyncKey(storage)).toBe('anna-key-0123456789');
  saveSyncKey('', storage);
  expect(readSyncKey(storage)).toBeUndefined();
});

test('a pane without an origin (opened from a file) is told it has no server to reach', async () => {
  await expect(openPaneWorkspace({}, 'null')).rejects.toThrow(/no origin to reach its server/);
});
