// @vitest-environment jsdom
// The background fetch of the pane's code starts only a while after the first page is on screen and the
// workspace is open: nothing of it runs before the pane is interactive and its start-up work is done. It also brings the other language's messages,
// so that switching language works while the server is away.
import { afterEach, expect, test, vi } from 'vitest';
import type { HostInfo } from '../../src/office/host';
import type { BackgroundOptions } from '../../src/taskpane/backgroundParts';

const events = vi.hoisted(() => [] as string[]);
const background = vi.hoisted(() => ({ options: undefined as BackgroundOptions | undefined }));
vi.mock('../../src/taskpane/openPane', () => ({
  openPane: async () => {
    events.push('workspace open');
    const service = { subscribe: () => () => undefined };
    return { workspace: {}, sync: service, team: service, close: async () => undefined };
  },
}));
vi.mock('../../src/taskpane/backgroundParts', () => ({
  loadPartsInBackground: async (options: BackgroundOptions) => {
    events.push('background');
    background.options = options;
  },
}));

import { BACKGROUND_AFTER_MS, startPane } from '../../src/taskpane/Boot';

const info: HostInfo = {
  host: 'none',
  platform: null,
  displayLanguage: 'en-US',
  officeVersion: null,
  supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
};

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

test('the background fetch starts after the first page is on screen and the workspace is open, never before', async () => {
  const starting = startPane(info);
  stop = starting.stop;
  await starting.shown;
  expect(starting.current().ready).toBeDefined();
  expect(events).toEqual([]);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  starting.shownOnScreen();
  await vi.waitFor(() => expect(events).toContain('workspace open'), { timeout: 15_000 });
  // Not at once: a while after the workspace opened, when the start-up's own work is done.
  await vi.advanceTimersByTimeAsync(BACKGROUND_AFTER_MS - 100);
  expect(events).toEqual(['workspace open']);
  await vi.advanceTimersByTimeAsync(200);
  await vi.waitFor(() => expect(events).toContain('background'), { timeout: 15_000 });
  expect(events).toEqual(['workspace open', 'background']);
  // While the pane runs it goes on; once stopped it ends.
  expect(background.options?.stopped()).toBe(false);
  // The other language's messages come with it: Italian, for a pane in English.
  const other = (await background.options?.also?.[0]()) as { it?: Record<string, string> }[];
  expect(other.some((c) => c.it?.['nav.segments'] === 'Segmenti')).toBe(true);
  starting.stop();
  expect(background.options?.stopped()).toBe(true);
});
