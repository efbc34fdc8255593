// @vitest-environment jsdom
// The pane's notes: one success at a time (a new one replaces the last, whichever component sent it), and
// an error that stays, next to the success, until the user dismisses it.
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import type { UiLanguage } from '../../../src/domain/setup';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID, useNotify } from '../../../src/ui/common/notify';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';

afterEach(cleanup);

type Notify = ReturnType<typeof useNotify>;
function renderNotes(language: UiLanguage = 'en') {
  const senders: Notify[] = [];
  function Sender({ i }: { i: number }) {
    senders[i] = useNotify();
    return null;
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={paneCatalogs}>
        <Sender i={0} />
        <Sender i={1} />
        <Toaster toasterId={TOASTER_ID} limit={3} />
      </I18nProvider>
    </FluentProvider>,
  );
  return senders;
}

const titles = () => Array.from(document.querySelectorAll('.fui-ToastTitle')).map((e) => e.textContent);

test('a new success replaces the one shown, even when another part of the pane sent it', async () => {
  const [a, b] = renderNotes();
  act(() => a.success('Line 10000 was saved.'));
  await screen.findByText('Line 10000 was saved.');
  act(() => b.success('Line 20000 was saved.'));
  await screen.findByText('Line 20000 was saved.');
  await waitFor(() => expect(titles()).toEqual(['Line 20000 was saved.']));
  // The same text twice is one note, too.
  act(() => b.success('Line 20000 was saved.'));
  await waitFor(() => expect(titles()).toEqual(['Line 20000 was saved.']));
});

test('an error stays beside the success until dismissed with its labelled button, in Italian too', async () => {
  const [a, b] = renderNotes('it');
  act(() => a.error(new Error('Disco pieno')));
  act(() => b.success('Salvato.'));
  act(() => b.success('Salvato di nuovo.'));
  await waitFor(() => expect(titles()).toHaveLength(2));
  expect(titles().join('|')).toContain('Disco pieno');
  expect(titles()).toContain('Salvato di nuovo.');
  const dismiss = screen.getByRole('button', { name: 'Chiudi' });
  await userEvent.click(dismiss);
  await waitFor(() => expect(titles()).toEqual(['Salvato di nuovo.']));
});
