// @vitest-environment jsdom
// The Segments page's empty list: the first-run welcome only for an empty workspace (no contacts); with
// contacts but no open segment, a sentence that fits, and the way to the logged segments when there are some.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { SegmentsPage } from '../../../src/ui/segments/SegmentsPage';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { logSegment, workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

function show(language: 'en' | 'it' = 'en') {
  const went: Route[] = [];
  renderInPane(
    <SegmentsPage navigate={(r) => went.push(r)} firstRun={() => <p data-testid="first-run">Welcome</p>} />,
    ws,
    language,
  );
  return went;
}

test('an empty workspace gets the welcome beneath "No segments yet"', async () => {
  show();
  const empty = await screen.findByTestId('list-empty');
  await waitFor(() => expect(empty.textContent).toContain('No segments yet.'));
  expect(await screen.findByTestId('first-run')).toBeTruthy();
});

test('a workspace with contacts and no segment: no welcome, "No open segments", and no way to logged segments it has not', async () => {
  await seedMarket(ws);
  show();
  const empty = await screen.findByTestId('list-empty');
  await waitFor(() => expect(empty.textContent).toContain('No open segments. Create one with New segment.'));
  expect(screen.queryByTestId('first-run')).toBeNull();
  expect(empty.textContent).not.toContain('No segments yet');
  expect(screen.queryByTestId('segments-logged-link')).toBeNull();
});

test('in Italian, after logging the only open segment: no welcome, and the way to Segmenti registrati', async () => {
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' });
  await logSegment(ws, 'Fiera di primavera');
  const went = show('it');
  const empty = await screen.findByTestId('list-empty');
  await waitFor(() => expect(empty.textContent).toContain('Nessun segmento aperto. Crearne uno con Nuovo segmento.'));
  expect(screen.queryByTestId('first-run')).toBeNull();
  const link = await screen.findByTestId('segments-logged-link');
  expect(link.textContent).toBe('Apri Segmenti registrati (1)');
  await userEvent.click(link);
  expect(went).toEqual([{ page: 'loggedSegments' }]);
});

test('the welcome stays while the user brings contacts in from it (its sample button and next step stay), not on the next visit', async () => {
  show();
  await screen.findByTestId('first-run');
  await ws.sampleWorkspace.load();
  expect(screen.getByTestId('first-run')).toBeTruthy();
  cleanup();
  show();
  const empty = await screen.findByTestId('list-empty');
  await waitFor(() => expect(empty.textContent).toContain('No open segments.'));
  expect(screen.queryByTestId('first-run')).toBeNull();
});
