// @vitest-environment jsdom
// A pane whose workspace cannot open says so in the user's words (here: a browser without IndexedDB),
// from the boot path's own code: the error needs no part fetched later, which may be what failed.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { HostInfo } from '../../src/office/host';
import { Boot } from '../../src/taskpane/Boot';

afterEach(cleanup);

const info = (displayLanguage: string): HostInfo => ({
  host: 'none',
  platform: null,
  displayLanguage,
  officeVersion: null,
  supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
});

for (const [language, words] of [
  ['en-US', /^The workspace could not be opened: .*IndexedDB/],
  ['it-IT', /^Impossibile aprire l’area di lavoro: .*IndexedDB/],
] as const) {
  test(`a workspace that cannot open is said in words, as an alert (${language})`, async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    render(<Boot info={info(language)} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toMatch(words);
    expect(alert.getAttribute('data-testid')).toBe('open-failed');
  });
}
