// @vitest-environment jsdom
// The pages' live queries: the hook gives its default until the query has a value, then the value, and
// it follows the data. An error in the query reaches the nearest error boundary.
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { expect, test } from 'vitest';
import type { Workspace } from '../../../src/domain/workspace';
import { useLiveQuery } from '../../../src/ui/common/useLiveQuery';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

function Segments({ workspace }: { workspace: Workspace }) {
  const list = useLiveQuery(() => workspace.segments.list(), [workspace], 'loading' as const);
  return <p data-testid="list">{list === 'loading' ? 'loading' : list.map((s) => s.description).join(',') || '-'}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    return this.state.error ? <p data-testid="error">{this.state.error}</p> : this.props.children;
  }
}

test('the default until the query has a value, then the value, then every change', async () => {
  render(<Segments workspace={ws} />);
  expect(screen.getByTestId('list').textContent).toBe('loading');
  await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('-'));
  await ws.segments.create({ description: 'Spring' });
  await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('Spring'));
  await ws.segments.create({ description: 'Autumn' });
  await waitFor(() => expect(screen.getByTestId('list').textContent).toMatch(/^(Spring,Autumn|Autumn,Spring)$/));
});

test('a query that fails shows its error through the error boundary', async () => {
  const failing = { segments: { list: async () => Promise.reject(new Error('the list cannot be read')) } };
  render(
    <Boundary>
      <Segments workspace={failing as unknown as Workspace} />
    </Boundary>,
  );
  await waitFor(() => expect(screen.getByTestId('error').textContent).toBe('the list cannot be read'));
});
