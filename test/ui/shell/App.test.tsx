// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import type { Services } from '../../../src/ui/common/services';
import { makeWorkspace } from '../../store/helpers';
import '../setup'; // the one set-up of the pane's component tests

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let prefs: Map<string, unknown>;
beforeEach(async () => {
  ws = await makeWorkspace();
  prefs = new Map();
});
afterEach(() => {
  cleanup();
  ws.close();
});

function services(host: Services['host']): Services {
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  return { workspace: ws, preferences, host };
}

describe('the app shell', () => {
  test('Excel starts on Segments; Word starts on its mail merge page', async () => {
    render(
      <App services={services('Excel')} initialLanguage="en" hostPages={{ excelImport: () => <p>sheet import</p> }} />,
    );
    expect((await screen.findByTestId('page-title')).textContent).toBe('Segments');
    expect(screen.queryByTestId('host-status')).toBeNull(); // inside Office: no "outside Office" notice
    cleanup();
    render(
      <App services={services('Word')} initialLanguage="en" hostPages={{ mailMerge: () => <p>the merge page</p> }} />,
    );
    expect(await screen.findByText('the merge page')).toBeTruthy();
    expect(screen.getByTestId('page-title').textContent).toBe('Mail merge');
  });

  test('outside Office the pane says so; New segment creates and opens it; the user switches to Italian and the choice is kept', async () => {
    render(<App services={services('none')} initialLanguage="en" />);
    expect((await screen.findByTestId('host-status')).textContent).toMatch(/Outside Office/);
    await userEvent.click(await screen.findByTestId('new-segment'));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segment SEG00001'));
    await userEvent.click(screen.getByTestId('nav-menu'));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Italiano' }));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Segmento SEG00001'));
    expect(prefs.get('language')).toBe('it');
    expect(prefs.get('lastSegment')).toBe('SEG00001');
    await userEvent.click(screen.getByRole('button', { name: 'Indietro' }));
    expect((await screen.findByTestId('page-title')).textContent).toBe('Segmenti');
    expect(await ws.segments.get('SEG00001')).toBeDefined();
  });
});
