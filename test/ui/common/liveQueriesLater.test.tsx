// @vitest-environment jsdom
// The live queries' code (the database library) arrives after the first frame; the hooks waiting for it
// run again in a later task than the one that evaluated it, so that the two together do not make one long
// task during which a click on the first page would wait.
import 'fake-indexeddb/auto';
import { act, render } from '@testing-library/react';
import { expect, test } from 'vitest';

test('the hooks run again in a task after the one in which the live queries arrived', async () => {
  const { useLiveQuery, loadLiveQueries } = await import('../../../src/ui/common/useLiveQuery');
  let renders = 0;
  function Probe() {
    renders++;
    useLiveQuery(() => 1, [], 0);
    return null;
  }
  render(<Probe />);
  const before = renders;
  // The hook's subscription asked for the library; once it is here, in that same task, nothing re-rendered.
  await act(async () => {
    await loadLiveQueries();
    expect(renders).toBe(before);
  });
  // In a later task the hook runs again with the library.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(renders).toBeGreaterThan(before);
});
