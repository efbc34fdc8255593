// @vitest-environment jsdom
// Setup's and My profile's fields say a refusal at the field, in the user's language and BC's captions:
// the Default Language Code is a lookup of Languages, the Locale takes only a locale, a number series must
// end with digits (with an example of that series). A refused value stays in its field, marked, until it is
// corrected or put back, and nothing is saved. A lookup's list closes when its field is left.
import 'fake-indexeddb/auto';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { SegmentsError } from '../../../src/domain/errors';
import { ProfilePage } from '../../../src/ui/setup/ProfilePage';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { marketLanguages } from '../../store/marketCodes';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await ws.languages.upsert(marketLanguages);
  await ws.salespeople.upsert([{ code: 'MR', name: 'Marco Rossi' }]);
  await ws.setup.update({ locale: 'en-US' });
});

const showSetup = async (language: 'en' | 'it' = 'en') => {
  renderInPane(<SetupPage />, ws, language);
  await screen.findByDisplayValue('en-US', {}, { timeout: 8000 });
};
const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
/** The message shown beneath the field that holds `input`. */
const messageOf = (input: HTMLElement) => input.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage');

async function typeInto(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
  await userEvent.tab();
}

describe('Setup', () => {
  test('the Default Language Code is a lookup of Languages: a code not in it is refused at the field, in capitals', async () => {
    await showSetup();
    const field = screen.getByRole('combobox', { name: 'Default Language Code' }) as HTMLInputElement;
    await userEvent.click(field);
    expect(await screen.findByRole('option', { name: 'ITA · Italiano' })).toBeTruthy();
    await typeInto(field, 'xyz');
    await waitFor(() => expect(messageOf(field)?.textContent).toBe('The Default Language Code XYZ does not exist.'));
    expect(field.value).toBe('XYZ');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await ws.setup.get()).defaultLanguageCode).toBe('');
    expect(screen.queryByText('Setup was saved.')).toBeNull();

    await typeInto(field, 'ita');
    await waitFor(async () => expect((await ws.setup.get()).defaultLanguageCode).toBe('ITA'));
    expect(messageOf(field)).toBeFalsy();
    expect(await screen.findByText('Setup was saved.')).toBeTruthy();
  });

  test('a code the workspace refuses as it is saved (removed meanwhile by a colleague) is said at the field too', async () => {
    await showSetup();
    vi.spyOn(ws.setup, 'update').mockRejectedValueOnce(
      new SegmentsError('NOT_FOUND', 'Language ENU does not exist', {
        field: 'defaultLanguageCode',
        rule: 'notExist',
        code: 'ENU',
      }),
    );
    const field = screen.getByRole('combobox', { name: 'Default Language Code' }) as HTMLInputElement;
    await typeInto(field, 'enu');
    await waitFor(() => expect(messageOf(field)?.textContent).toBe('The Default Language Code ENU does not exist.'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Setup was saved.')).toBeNull();
  });

  test.each(['bogus_locale', 'tedesco', 'x'])(
    'the Locale "%s" is refused at the field, stays marked until put back, and is not saved',
    async (typed) => {
      const saves = vi.spyOn(ws.setup, 'update');
      await showSetup();
      const field = textbox('Locale');
      await typeInto(field, typed);
      await waitFor(() =>
        expect(messageOf(field)?.textContent).toBe(
          'Locale must name a language, with its country if needed, e.g. it-IT, en-US, de.',
        ),
      );
      expect(field.value).toBe(typed);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect((await ws.setup.get()).locale).toBe('en-US');
      expect(screen.queryByText('Setup was saved.')).toBeNull();
      expect(screen.queryByText(/A value is not valid/)).toBeNull();
      // Leaving the field again sends nothing new; putting the saved value back clears the mark.
      await userEvent.click(field);
      await userEvent.tab();
      await typeInto(field, 'en-US');
      await waitFor(() => expect(messageOf(field)).toBeFalsy());
      expect(field.getAttribute('aria-invalid')).not.toBe('true');
      expect(saves).toHaveBeenCalledTimes(1);
    },
  );

  test('in Italian: the contact series’ own example, a Locale that is not one and a blank one, at their fields, in BC’s Italian', async () => {
    await showSetup('it');
    const series = textbox('Nr. serie contatti');
    await typeInto(series, 'CONTATTO');
    await waitFor(() =>
      expect(messageOf(series)?.textContent).toBe(
        'Nr. serie contatti deve terminare con delle cifre, ad esempio CT00001.',
      ),
    );
    expect(series.value).toBe('CONTATTO');
    expect(series.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/Un valore non è valido|contactNos|SEG00001/)).toBeNull();

    const locale = textbox('Impostazioni locali');
    await typeInto(locale, 'tedesco');
    await waitFor(() =>
      expect(messageOf(locale)?.textContent).toBe(
        'Impostazioni locali deve indicare una lingua, con il paese se necessario, ad esempio it-IT, en-US, de.',
      ),
    );
    await typeInto(locale, '');
    await waitFor(() => expect(messageOf(locale)?.textContent).toBe('Impostazioni locali deve avere un valore.'));
    expect(await ws.setup.get()).toMatchObject({ contactNos: 'CT00001', locale: 'en-US' });

    // Corrected, the series is saved and its mark goes.
    await typeInto(series, 'CT00100');
    await waitFor(async () => expect((await ws.setup.get()).contactNos).toBe('CT00100'));
    await waitFor(() => expect(messageOf(series)).toBeFalsy());
    expect(screen.getByText('Impostazioni locali deve avere un valore.')).toBeTruthy();
  });
});

describe('My profile', () => {
  test('leaving the Salesperson Code closes its list, so the refusal shows, and the code is in capitals', async () => {
    renderInPane(<ProfilePage language="en" onLanguageChange={() => undefined} />, ws);
    const field = (await screen.findByRole(
      'combobox',
      { name: 'Salesperson Code' },
      { timeout: 8000 },
    )) as HTMLInputElement;
    await userEvent.type(field, 'zz');
    expect(await screen.findByText('No code matches "zz".')).toBeTruthy();
    // The browser's Tab goes from the text to the lookup's own button (the arrow) beside it.
    const arrow = field.parentElement!.querySelector<HTMLElement>('[role="button"]')!;
    act(() => arrow.focus());
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(await screen.findByText('The Salesperson Code ZZ does not exist.')).toBeTruthy();
    expect(field.value).toBe('ZZ');
    expect((await ws.profile.get()).salespersonCode).toBe('');
  });
});
