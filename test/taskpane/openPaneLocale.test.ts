// A workspace whose Setup was never saved shows and reads dates in the locale of the user's language (the
// pane opens it with that locale), so an Italian user of such a workspace types 07/12/2026 as the pane shows
// it; a saved Setup's locale is the workspace's, whoever opens it.
import 'fake-indexeddb/auto';
import { afterEach, expect, test } from 'vitest';
import { openPane } from '../../src/taskpane/openPane';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
  indexedDB.deleteDatabase('segments');
});

test('a Setup never saved takes the locale the pane opens the workspace with; a saved one keeps its own', async () => {
  const it = await openPane(undefined, 'it-IT');
  opened.push(it);
  const setup = await it.workspace.setup.get();
  expect(setup.updatedAt).toBe('');
  expect(setup.locale).toBe('it-IT');
  await it.workspace.setup.update({ locale: 'en-GB' });
  await opened.pop()!.close();

  const en = await openPane(undefined, 'en-US');
  opened.push(en);
  expect((await en.workspace.setup.get()).locale).toBe('en-GB');
});
