// @vitest-environment jsdom
// The contact card with the keyboard, as a BC card page: opened from the Contacts list, the first Tab reaches
// the back arrow; Escape goes back to the list, unless something on the card takes it first (a list open, a
// dialog, a field holding text typed and not saved, which Escape puts back as it was, as BC does).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContactCardPage } from '../../../src/ui/contacts/ContactCardPage';
import { App } from '../../../src/ui/shell/App';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  ws.close();
});

const input = (name: string) => screen.getByTestId(`field-${name}`) as HTMLInputElement;

/**
 * Tab as Chromium moves it from a focus that was lost, which jsdom (and user-event) do not: from the element
 * focused last even once it has let go of the focus, and, when that element left the page with the page it
 * was on, from where it was (the pages' place, `main`): the next Tab then goes to the new page's first
 * control. (Checked in Chromium against the pane: opened from the list, the first Tab went to the card's
 * first field.)
 */
function chromiumStart() {
  let last: Element = document.body;
  const onFocusIn = (e: FocusEvent) => void (last = e.target as Element);
  document.addEventListener('focusin', onFocusIn, true);
  return {
    tab() {
      if (document.activeElement && document.activeElement !== document.body) throw new Error('the focus is not lost');
      const from = last.isConnected ? last : document.querySelector('main')!;
      const next = Array.from(
        document.querySelectorAll<HTMLElement>(
          'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, a[href], [tabindex]',
        ),
      ).find(
        (el) =>
          el.tabIndex >= 0 &&
          !el.hasAttribute('data-tabster-dummy') &&
          (from === document.body || from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      );
      next?.focus();
    },
    stop: () => document.removeEventListener('focusin', onFocusIn, true),
  };
}

describe('the contact card with the keyboard', () => {
  test('opened from the Contacts list, the first Tab reaches the back arrow, not the card’s first field', async () => {
    // The list's rows are a window of a scroller: jsdom lays nothing out, so the scroller is given a height.
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(320);
    const prefs = new Map<string, unknown>();
    render(
      <App
        services={{
          workspace: ws,
          host: 'none',
          preferences: { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) },
        }}
        initialLanguage="en"
        startRoute={{ page: 'contacts' }}
      />,
    );
    const open = await screen.findByRole('button', { name: 'Contact P101' });
    const start = chromiumStart();
    try {
      await userEvent.click(open);
      await screen.findByTestId('contact-card');
      await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Contact P101'));
      start.tab();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back' }));
    } finally {
      start.stop();
    }
  });

  test('Escape goes back; the first Escape in a field holding typed text puts the field back as stored', async () => {
    const back = vi.fn();
    renderInPane(<ContactCardPage no="P101" navigate={() => undefined} back={back} />, ws);
    await screen.findByTestId('contact-card');
    // Nothing focused yet (the card just opened).
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(1);

    await userEvent.click(input('city'));
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(2);

    await userEvent.clear(input('city'));
    await userEvent.type(input('city'), 'Torino');
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(input('city').value).toBe('Roma'));
    expect(document.activeElement).toBe(input('city'));
    // Put back, not written: the blur that follows has nothing to save.
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(3);
    await userEvent.tab();
    expect((await ws.contacts.get('P101'))?.city).toBe('Roma');
  });

  test('a value refused at its field is put back by Escape, and its message goes with it', async () => {
    const back = vi.fn();
    renderInPane(<ContactCardPage no="P102" navigate={() => undefined} back={back} />, ws);
    await screen.findByTestId('contact-card');
    await userEvent.type(input('email'), 'marco@{Enter}');
    const block = input('email').closest<HTMLElement>('[data-field]')!;
    expect(within(block).getByRole('alert').textContent).toBe('Email is not a valid e-mail address.');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(input('email').value).toBe(''));
    expect(within(input('email').closest<HTMLElement>('[data-field]')!).queryByRole('alert')).toBeNull();
    expect(back).not.toHaveBeenCalled();
  });

  test('Escape closes an open lookup list or drop-down without leaving the card', async () => {
    const back = vi.fn();
    renderInPane(<ContactCardPage no="P101" navigate={() => undefined} back={back} />, ws);
    await screen.findByTestId('contact-card');
    // The salesperson lookup, reached with the keyboard (a click would open its list): its list closed, Escape
    // goes back; opened, Escape closes it.
    act(() => input('salespersonCode').focus());
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(1);
    back.mockClear();
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(back).not.toHaveBeenCalled();
    // An Add lookup with a code typed: the list it opened closes first, then the code is taken back.
    const add = screen.getByTestId('add-mailingGroups') as HTMLInputElement;
    await userEvent.type(add, 'NE');
    await userEvent.keyboard('{Escape}');
    expect(back).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect((screen.getByTestId('add-mailingGroups') as HTMLInputElement).value).toBe(''));
    expect(back).not.toHaveBeenCalled();
    // The enumeration's drop-down.
    const correspondence = screen.getByRole('combobox', { name: 'Correspondence Type' });
    await userEvent.click(correspondence);
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(back).not.toHaveBeenCalled();
  });

  test('a contact that does not exist: Escape goes back from the message', async () => {
    const back = vi.fn();
    renderInPane(<ContactCardPage no="NOPE" navigate={() => undefined} back={back} />, ws);
    await screen.findByRole('alert');
    await userEvent.keyboard('{Escape}');
    expect(back).toHaveBeenCalledTimes(1);
  });
});
