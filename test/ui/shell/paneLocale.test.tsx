// @vitest-environment jsdom
// Dates and numbers are shown in the workspace locale (Setup), the one filters read them in: a date typed
// as the pane shows it means that date, whatever the language of the pane.
// The pane's root reads Setup through Dexie's liveQuery, which needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import { useI18n } from '../../../src/ui/common/i18n';
import type { Preferences } from '../../../src/domain/ports/preferences';
import '../setup';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

function Probe() {
  const { formatDate, formatNumber } = useI18n();
  return <p data-testid="probe">{`${formatDate('2026-12-07')} ${formatNumber(1234.5)}`}</p>;
}

function renderPane(language: 'en' | 'it') {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'Word' }}
      initialLanguage={language}
      hostPages={{ mailMerge: () => <Probe /> }}
    />,
  );
}

test('an English pane on an it-IT workspace shows 07/12/2026, and follows Setup when it changes', async () => {
  await ws.setup.update({ locale: 'it-IT' });
  renderPane('en');
  await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('07/12/2026 1234,5'));
  await ws.setup.update({ locale: 'en-US' });
  await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('12/7/2026 1,234.5'));
});

test('an Italian pane on an en-US workspace shows dates as the filters read them (12/7/2026)', async () => {
  await ws.setup.update({ locale: 'en-US' });
  renderPane('it');
  await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('12/7/2026 1,234.5'));
});

test("Setup's locale read when the pane starts renders the page again only if it changes what the page shows", async () => {
  await ws.setup.update({ locale: 'en-US' });
  let renders = 0;
  function Counted() {
    renders++;
    return <Probe />;
  }
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'Word' }}
      initialLanguage="en"
      hostPages={{ mailMerge: Counted }}
    />,
  );
  await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('12/7/2026 1,234.5'));
  const shown = renders;
  // Setup's en-US is the English pane's own locale: its arrival re-renders nothing below the translations.
  await ws.setup.get();
  await new Promise((r) => setTimeout(r, 200));
  expect(renders).toBe(shown);
  // A locale that changes what the page shows does render it again.
  await ws.setup.update({ locale: 'it-IT' });
  await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('07/12/2026 1234,5'));
  expect(renders).toBeGreaterThan(shown);
});
