// @vitest-environment jsdom
// The start page shows before the live queries' code has arrived (it comes with the store's chunk, beside
// the first page): until then a page's live query gives its default (loading), then the value, and it
// follows the data; a stand-in workspace call made meanwhile runs once the workspace is there.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { Workspace } from '../../src/domain/workspace';

let release!: () => void;
const arrived = new Promise<void>((ok) => (release = ok));
// The live queries' code arrives when the test says so (in the pane: when its chunk has been fetched).
vi.doMock('../../src/store/liveWait', async (importOriginal) => {
  await arrived;
  return importOriginal();
});
const { useLiveQuery } = await import('../../src/ui/common/useLiveQuery');
const { deferredWorkspace } = await import('../../src/taskpane/deferredWorkspace');
const { makeWorkspace } = await import('../store/helpers');

afterEach(cleanup);

function Segments({ workspace }: { workspace: Workspace }) {
  const list = useLiveQuery(() => workspace.segments.list(), [workspace]);
  return <p data-testid="list">{list === undefined ? 'loading' : list.map((s) => s.description).join(',') || '-'}</p>;
}

test('a page shows loading until the live queries arrive, then its data and every change', async () => {
  const ws = await makeWorkspace();
  try {
    await ws.segments.create({ description: 'Spring' });
    // A stand-in workspace call before the live queries' code is here waits plainly and runs.
    const early = deferredWorkspace(Promise.resolve(ws));
    expect((await early.segments.list()).map((s) => s.description)).toEqual(['Spring']);
    render(<Segments workspace={early} />);
    // Given time, nothing shows without the live queries' code.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('list').textContent).toBe('loading');
    release();
    await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('Spring'));
    await ws.segments.create({ description: 'Autumn' });
    await waitFor(() => expect(screen.getByTestId('list').textContent).toMatch(/^(Spring,Autumn|Autumn,Spring)$/));
  } finally {
    ws.close();
  }
});
