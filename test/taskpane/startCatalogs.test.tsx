// @vitest-environment jsdom
// The pane starts with its own catalogs only: the host pages' messages come beside the first page. The
// start page shows at once in the user's language; a page that needs the host pages' messages waits for
// them (loading, never a bare message key), then shows in that language.
import 'fake-indexeddb/auto';
import type * as React from 'react';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { MessageCatalog } from '../../src/ui/common/i18n';
import { useT } from '../../src/ui/common/i18n';
import { excelMessages } from '../../src/ui/import/messages';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { PaneRoot, type PaneCatalogs } from '../../src/ui/shell/PaneRoot';
import type { Route } from '../../src/ui/shell/pageRegistry';
import type { UiLanguage } from '../../src/domain/setup';
import { makeWorkspace } from '../store/helpers';

afterEach(cleanup);

// React's startTransition, watched: which updates the pane makes as transitions (rendered in slices that a
// click interrupts) rather than in one task that a click waits for.
const transitions = vi.hoisted(() => ({ started: 0 }));
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof React>();
  return {
    ...react,
    startTransition(update: () => void) {
      transitions.started++;
      react.startTransition(update);
    },
  };
});

function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

function ExcelTitle() {
  return <p data-testid="excel-page">{useT()('excel.import.title')}</p>;
}

async function renderPane(language: UiLanguage, startRoute: Route) {
  const ws = await makeWorkspace();
  const rest = later<MessageCatalog[]>();
  const catalogs: PaneCatalogs = {
    initial: paneCatalogs,
    rest: rest.promise,
    load: async () => [...paneCatalogs, excelMessages],
  };
  const prefs = new Map<string, unknown>();
  // Through act, awaited: React's test mode holds the work of a render that suspends until its act is awaited.
  await act(async () => {
    render(
      <PaneRoot
        catalogs={catalogs}
        initialLanguage={language}
        startRoute={startRoute}
        hostPages={{ excelImport: () => <ExcelTitle /> }}
        services={{
          workspace: ws,
          host: 'Excel',
          preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
        }}
      />,
    );
  });
  return { ws, rest };
}

test('the start page shows before the host pages’ messages are here', async () => {
  const { ws } = await renderPane('it', { page: 'segments' });
  try {
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segmenti'));
    expect(screen.getByTestId('new-segment').textContent).toMatch(/Nuovo/);
  } finally {
    ws.close();
  }
});

test('a page that needs the host pages’ messages shows loading until they are here, then its words', async () => {
  const { ws, rest } = await renderPane('en', { page: 'excelImport' });
  try {
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Import from sheet'));
    // Given time, the page does not show without its messages (no bare key), and says it is loading.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('excel-page')).toBeNull();
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => rest.resolve([excelMessages]));
    await waitFor(() => expect(screen.getByTestId('excel-page').textContent).toBe('Fill from the sheet'));
  } finally {
    ws.close();
  }
});

test('the host pages’ messages arriving re-render the start page as a transition, not in one task a click waits for', async () => {
  const { ws, rest } = await renderPane('en', { page: 'segments' });
  try {
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segments'));
    const before = transitions.started;
    await act(async () => rest.resolve([excelMessages]));
    // Every page's words come through one update; it was made as a transition.
    expect(transitions.started).toBe(before + 1);
    expect(screen.getByTestId('new-segment').textContent).toMatch(/New segment/);
  } finally {
    ws.close();
  }
});
