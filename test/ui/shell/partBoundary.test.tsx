// @vitest-environment jsdom
// A page that cannot be shown says so in the user's words with the way on, instead of leaving the pane
// blank: its code could not be fetched (webpack's ChunkLoadError, the browser's failed module import: the
// server cannot be reached), or it failed while rendering. Try again fetches it again in place; reopening
// the pane (a page load, which needs the server) is offered last, with its warning. Opening another page
// clears it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { UiLanguage } from '../../../src/domain/setup';
import { errorText } from '../../../src/ui/common/errorText';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { lazyPart } from '../../../src/ui/common/laterPart';
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
  test('its code could not be fetched: the pane says so in words, offers Try again, then reopening with its warning; the next page shows', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reopen = vi.fn();
    const view = show({ page: 'savedCriteria' }, <MissingPage />, 'en', reopen);
    const bar = await screen.findByTestId('page-failed');
    expect(bar.getAttribute('role')).toBe('alert');
    expect(bar.textContent).toBe(
      'This part of the pane could not be loaded: the add-in’s server cannot be reached. Check the connection, then try again.',
    );
    // No developer words: neither the chunk's number nor its address.
    expect(bar.textContent).not.toMatch(/chunk|4321|https?:/i);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Reopening is the last resort, and says it needs the server.
    const reopenButton = screen.getByRole('button', { name: 'Reopen the pane' });
    expect(reopenButton.getAttribute('aria-describedby')).toBe('page-reopen-warning');
    expect(document.getElementById('page-reopen-warning')?.textContent).toMatch(
      /^Only if trying again does not help: .*cannot open while the server cannot be reached\.$/,
    );
    await userEvent.click(reopenButton);
    expect(reopen).toHaveBeenCalledTimes(1);

    view.open({ page: 'segments' }, <p>Segments page</p>);
    expect(screen.getByText('Segments page')).toBeTruthy();
    expect(screen.queryByTestId('page-failed')).toBeNull();
    quiet.mockRestore();
  });

  test('in Italian', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    show({ page: 'savedCriteria' }, <MissingPage />, 'it');
    expect((await screen.findByTestId('page-failed')).textContent).toBe(
      'Impossibile caricare questa parte del riquadro: il server del componente aggiuntivo non è raggiungibile. Verificare la connessione, quindi riprovare.',
    );
    expect(screen.getByRole('button', { name: 'Riprova' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Riapri il riquadro' })).toBeTruthy();
    expect(document.getElementById('page-reopen-warning')?.textContent).toMatch(
      /^Solo se riprovare non basta: .*non si apre finché il server non è raggiungibile\.$/,
    );
    quiet.mockRestore();
  });

  /** A page's code, fetched from a server that is away until `server.up`: each fetch is counted. */
  function pageFromServer(text: string) {
    const server = { up: false };
    const fetchPage = vi.fn(async () => {
      if (!server.up) throw chunkLoadError();
      return { default: () => <p>{text}</p> };
    });
    return { server, fetchPage, Page: lazyPart(fetchPage) };
  }

  test('Try again fetches the page’s code again, in place (no reload), and shows the page once it arrives', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reopen = vi.fn();
    const { server, fetchPage, Page } = pageFromServer('Saved criteria page');
    show({ page: 'savedCriteria' }, <Page />, 'en', reopen);
    await screen.findByTestId('page-failed');
    const tried = fetchPage.mock.calls.length;
    expect(tried).toBeGreaterThan(0);
    server.up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Saved criteria page')).toBeTruthy();
    expect(fetchPage.mock.calls.length).toBe(tried + 1);
    expect(screen.queryByTestId('page-failed')).toBeNull();
    expect(reopen).not.toHaveBeenCalled();
    quiet.mockRestore();
  });

  test('Try again while the server is still away says so again, and works once it is back', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { server, fetchPage, Page } = pageFromServer('Contacts page');
    show({ page: 'contacts' }, <Page />);
    await screen.findByTestId('page-failed');
    const tried = fetchPage.mock.calls.length;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('page-failed');
    expect(fetchPage.mock.calls.length).toBeGreaterThan(tried);
    server.up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Contacts page')).toBeTruthy();
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
