// @vitest-environment jsdom
// A page that cannot be shown says so in the user's words with the way on (reopen the pane), instead of
// leaving the pane blank: its code could not be fetched (webpack's ChunkLoadError, the browser's failed
// module import), or it failed while rendering. Opening another page clears it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { UiLanguage } from '../../../src/domain/setup';
import { errorText } from '../../../src/ui/common/errorText';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { PartBoundary } from '../../../src/ui/shell/PartBoundary';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import '../setup';

afterEach(cleanup);

function chunkLoadError(): Error {
  const e = new Error('Loading chunk 4321 failed.\n(missing: https://localhost:3000/4321.0badc0de.js)');
  e.name = 'ChunkLoadError';
  return e;
}

/** A page whose code never arrives: the import is refused as webpack refuses it. */
const MissingPage = lazy(() => Promise.reject(chunkLoadError()));

function Faulty(): never {
  throw new Error('contact.no is undefined');
}

function show(route: Route, page: React.ReactNode, language: UiLanguage = 'en', reopen = () => undefined) {
  const t = makeTranslate(paneCatalogs, language);
  const ui = (r: Route, p: React.ReactNode) => (
    <FluentProvider theme={webLightTheme}>
      <PartBoundary resetOn={r} t={t} reopen={reopen}>
        <Suspense fallback={<p>loading</p>}>{p}</Suspense>
      </PartBoundary>
    </FluentProvider>
  );
  const view = render(ui(route, page));
  return { ...view, open: (r: Route, p: React.ReactNode) => view.rerender(ui(r, p)) };
}

describe('a page that cannot be shown', () => {
  test('its code could not be fetched: the pane says so in words, offers to reopen, and the next page shows', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reopen = vi.fn();
    const view = show({ page: 'savedCriteria' }, <MissingPage />, 'en', reopen);
    const bar = await screen.findByTestId('page-failed');
    expect(bar.getAttribute('role')).toBe('alert');
    expect(bar.textContent).toBe(
      'This part of the pane could not be loaded: the connection may have dropped, or the add-in has been updated. Reopen the pane to load it again.',
    );
    // No developer words: neither the chunk's number nor its address.
    expect(bar.textContent).not.toMatch(/chunk|4321|https?:/i);
    await userEvent.click(screen.getByRole('button', { name: 'Reopen the pane' }));
    expect(reopen).toHaveBeenCalledTimes(1);

    view.open({ page: 'segments' }, <p>Segments page</p>);
    expect(screen.getByText('Segments page')).toBeTruthy();
    expect(screen.queryByTestId('page-failed')).toBeNull();
    quiet.mockRestore();
  });

  test('in Italian', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    show({ page: 'savedCriteria' }, <MissingPage />, 'it');
    expect((await screen.findByTestId('page-failed')).textContent).toMatch(
      /^Impossibile caricare questa parte del riquadro: .*Riaprire il riquadro per caricarla di nuovo\.$/,
    );
    expect(screen.getByRole('button', { name: 'Riapri il riquadro' })).toBeTruthy();
    quiet.mockRestore();
  });

  test('a fault while rendering is shown with its message, not a blank pane', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    show({ page: 'contacts' }, <Faulty />);
    expect(screen.getByTestId('page-failed').textContent).toBe('Something went wrong: contact.no is undefined');
    expect(screen.getByRole('button', { name: 'Reopen the pane' })).toBeTruthy();
    quiet.mockRestore();
  });

  test("the browser's own failed module import reads the same as webpack's", () => {
    const t = makeTranslate(paneCatalogs, 'en');
    const words = errorText(t, chunkLoadError());
    expect(errorText(t, new TypeError('Failed to fetch dynamically imported module: https://x/9.js'))).toBe(words);
    expect(errorText(t, new TypeError('error loading dynamically imported module'))).toBe(words);
    expect(errorText(t, new Error('disk full'))).toBe('Something went wrong: disk full');
  });
});
