// @vitest-environment jsdom
// The Segments page's welcome (the ways in) comes first while the workspace has no contacts, whatever its
// segments: a segment made before any contact is in does not hide it, and the empty list does not send a
// user without contacts to New segment first.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { SegmentsPage } from '../../../src/ui/segments/SegmentsPage';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

const show = (language: 'en' | 'it' = 'en') =>
  renderInPane(
    <SegmentsPage navigate={() => undefined} firstRun={() => <p data-testid="first-run">Welcome</p>} />,
    ws,
    language,
  );

const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

test('an empty workspace: the welcome first, then an empty list that asks for contacts before a segment', async () => {
  show();
  const welcome = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  const empty = screen.getByTestId('list-empty');
  expect(before(welcome, empty)).toBe(true);
  expect(empty.textContent).toBe('No segments yet. Once your contacts are in, create one with New segment.');
  cleanup();
  show('it');
  const emptyIt = await screen.findByTestId('list-empty', {}, { timeout: 8000 });
  await waitFor(() =>
    expect(emptyIt.textContent).toBe(
      'Ancora nessun segmento. Dopo aver importato i contatti, crearne uno con Nuovo segmento.',
    ),
  );
});

test('a segment made before any contact is in does not hide the welcome; the first contacts do, on the next visit', async () => {
  await ws.segments.create({ description: 'Too early' });
  show();
  const welcome = await screen.findByTestId('first-run', {}, { timeout: 8000 });
  const row = await screen.findByTestId('segment-row-SEG00001');
  expect(before(welcome, row)).toBe(true);
  cleanup();
  await ws.contacts.upsert([{ no: 'CT00001', name: 'My customer' }]);
  show();
  await screen.findByTestId('segment-row-SEG00001', {}, { timeout: 8000 });
  expect(screen.queryByTestId('first-run')).toBeNull();
});

test('while the welcome leads, New segment is not the primary button (the welcome’s own steps come first)', async () => {
  show();
  await screen.findByTestId('first-run', {}, { timeout: 8000 });
  const besideWelcome = screen.getByTestId('new-segment').className;
  cleanup();
  await ws.contacts.upsert([{ no: 'CT00001', name: 'My customer' }]);
  show();
  await screen.findByTestId('list-empty', {}, { timeout: 8000 });
  expect(screen.queryByTestId('first-run')).toBeNull();
  // With contacts in, New segment is the page's primary action again: the two looks differ.
  expect(screen.getByTestId('new-segment').className).not.toBe(besideWelcome);
});
