// @vitest-environment jsdom
// The Interaction Templates card as a Business Central user meets it: numbers shown and read as the
// workspace locale (Setup) writes them, costs in the list as BC shows amounts, the campaign flags and the
// languages that have a letter; the Salespeople card's Job Title; a row opened from the keyboard puts
// focus in the card.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, test } from 'vitest';
import type { UiLanguage } from '../../../src/domain/setup';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { TemplatesPage } from '../../../src/ui/lists/TemplatesPage';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';
import '../setup';

let ws: TestWorkspace;
workspaceEachTest((w) => {
  ws = w;
});

/** The pane in `language` over a workspace whose Setup says `locale`. */
function renderWithLocale(ui: ReactElement, locale: string, language: UiLanguage = 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} locale={locale} catalogs={paneCatalogs}>
        <ServicesProvider value={{ workspace: ws, host: 'none', preferences: { get: () => undefined, set: () => {} } }}>
          <ConfirmProvider>{ui}</ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const fieldMessage = (testId: string) =>
  screen.getByTestId(testId).closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent;
/** The unit cost shown beneath the template's description in its row. */
const listedCost = (code: string) => {
  const row = screen.getByRole('row', { name: `Edit ${code}` });
  return within(row).getAllByRole('cell')[1].querySelector('.fui-Text')?.textContent;
};

async function retype(testId: string, text: string) {
  await userEvent.clear(input(testId));
  await userEvent.type(input(testId), text);
}

describe('numbers as the workspace locale writes them', () => {
  test('it-IT: the card shows 1,2; "1,25" is saved, "1.25" is refused at its field with how to type it', async () => {
    await ws.interactionTemplates.upsert([{ code: 'FIERA', description: 'Fiera', unitCost: 1.2 }]);
    renderWithLocale(<TemplatesPage />, 'it-IT');
    await userEvent.click(await screen.findByRole('row', { name: 'Edit FIERA' }));
    await waitFor(() => expect(input('field-unitCost').value).toBe('1,2'));

    await retype('field-unitCost', '1.25');
    await userEvent.click(screen.getByTestId('template-save'));
    await waitFor(() =>
      expect(fieldMessage('field-unitCost')).toBe('Unit Cost (LCY): "1.25" is not a number. Type it as 1.234,56.'),
    );
    expect((await ws.interactionTemplates.get('FIERA'))?.unitCost).toBe(1.2);

    await retype('field-unitCost', '1,25');
    expect(fieldMessage('field-unitCost')).toBeFalsy();
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('Interaction template FIERA was saved.');
    expect((await ws.interactionTemplates.get('FIERA'))?.unitCost).toBe(1.25);
  });

  test('it-IT: 1.234,50 is stored as 1234.5, listed as 1.234,50 and shown on the card as 1234,5', async () => {
    renderWithLocale(<TemplatesPage />, 'it-IT');
    await screen.findByTestId('list-empty');
    await userEvent.type(input('field-code'), 'NEW');
    await retype('field-unitCost', '1.234,50');
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('Interaction template NEW was saved.');
    expect((await ws.interactionTemplates.get('NEW'))?.unitCost).toBe(1234.5);
    await screen.findByRole('row', { name: 'Edit NEW' });
    expect(listedCost('NEW')).toBe('1.234,50');
    await userEvent.click(screen.getByRole('row', { name: 'Edit NEW' }));
    await waitFor(() => expect(input('field-unitCost').value).toBe('1234,5'));
  });

  test('the list shows costs with two decimals and grouping: en-US 1.20 and 1,234.50', async () => {
    await ws.interactionTemplates.upsert([
      { code: 'FIERA', description: 'Fiera', unitCost: 1.2 },
      { code: 'BIG', description: 'Big', unitCost: 1234.5 },
    ]);
    renderWithLocale(<TemplatesPage />, 'en-US');
    await screen.findByRole('row', { name: 'Edit FIERA' });
    expect(listedCost('FIERA')).toBe('1.20');
    expect(listedCost('BIG')).toBe('1,234.50');
  });
});

describe('the template card as in BC', () => {
  test('Campaign Target and Campaign Response are on the card and saved', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit MEMO' }));
    const target = screen.getByRole('checkbox', { name: 'Campaign Target' }) as HTMLInputElement;
    expect(target.checked).toBe(false);
    await userEvent.click(target);
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('Interaction template MEMO was saved.');
    expect(await ws.interactionTemplates.get('MEMO')).toMatchObject({ campaignTarget: true, campaignResponse: false });

    await ws.interactionTemplates.upsert([{ code: 'MEMO', campaignResponse: true }]);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit MEMO' }));
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: 'Campaign Response' }) as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByRole('checkbox', { name: 'Campaign Target' }) as HTMLInputElement).checked).toBe(true);
  });

  test('the languages that have a letter, each with its subject, and where letters are edited', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit ABSTRACT' }));
    const letters = await screen.findByRole('list', { name: 'Letters' });
    expect(
      within(letters)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ENU · Our news', 'ITA · Le nostre novità']);
    expect(screen.getByText(/Letters are written in Mail merge/)).toBeTruthy();

    await userEvent.click(screen.getByRole('row', { name: 'Edit MEMO' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Letters' })).toBeNull());
    expect(screen.getByText('No letters yet.')).toBeTruthy();
  });

  test('in Italian', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws, 'it');
    await userEvent.click(await screen.findByRole('row', { name: 'Modifica ABSTRACT' }));
    const letters = await screen.findByRole('list', { name: 'Lettere' });
    expect(within(letters).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/Stampa unione/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Target campagna' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Risposta campagna' })).toBeTruthy();
  });
});

describe('Salespeople: Job Title', () => {
  test('the card has Job Title, after the name, and saves it', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit JR' }));
    const labels = [...document.querySelectorAll('form .fui-Field label')].map((l) => l.textContent?.replace('*', ''));
    expect(labels.slice(0, 3)).toEqual(['Code', 'Name', 'Job Title']);
    await userEvent.type(input('code-jobTitle'), 'Sales Manager');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('JR was saved.');
    expect((await ws.salespeople.get('JR'))?.jobTitle).toBe('Sales Manager');
  });
});

describe('opening a row puts focus in the card', () => {
  test('Enter on a template row: focus on the first field that can be changed', async () => {
    await seedMarket(ws);
    renderInPane(<TemplatesPage />, ws);
    const row = await screen.findByRole('row', { name: 'Edit MEMO' });
    row.focus();
    await userEvent.keyboard('{Enter}');
    // The code is the stored template's key (read-only): the description is the first to change.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-description')));
    expect(input('field-description').value).toBe('Memo');
  });

  test('a click on a salesperson row: focus on Name', async () => {
    await seedMarket(ws);
    renderInPane(<CodeListPage list="salespeople" />, ws);
    await userEvent.click(await screen.findByRole('row', { name: 'Edit JR' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('code-name')));
  });
});
