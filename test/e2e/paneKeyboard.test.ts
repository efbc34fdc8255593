// The main flow with the keyboard only: Tab to move, Enter and Space to act, Escape to close. (The CSV
// file is handed to the file input as the browser's file chooser would; everything after is keys.)
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PaneDriver, contactsCsv } from './paneDriver';
import { usePaneSession } from './paneSession';

const pane = usePaneSession();

/**
 * Presses Tab until the focused element matches, as a keyboard user does; fails after 150 presses. Tab
 * past the last control reaches the toasts, a focus group (Fluent's pattern) that Escape leaves.
 */
async function tabTo(page: Page, matches: (el: Element) => boolean, what: string) {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate(() => document.activeElement?.closest('.fui-Toaster') != null))
      await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const ok = await page.evaluate((src) => {
      const el = document.activeElement;
      return el ? (new Function('el', `return (${src})(el)`) as (e: Element) => boolean)(el) : false;
    }, matches.toString());
    if (ok) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const byTestId = (id: string) =>
  `(el) => el.closest('[data-testid="${id}"]') !== null || el.getAttribute('data-testid') === '${id}'`;

async function tab(page: Page, predicate: string, what: string) {
  await tabTo(page, new Function(`return ${predicate}`)() as (el: Element) => boolean, what);
}

// First, on the fresh profile's empty workspace: the first run's sample button keeps the focus while it
// works (Chromium drops the focus of a button that becomes disabled), and the question of its removal gives
// the focus back to it. The sample leaves the workspace as empty as it found it.
test('the sample workspace, loaded and removed with the keyboard: the focus stays on its button', async () => {
  const { page } = pane.session;
  const d = new PaneDriver(page, 'en');
  const { t } = d;
  await page.goto(pane.url);
  await page.getByTestId('sample-load').focus();
  await page.keyboard.press('Enter');
  await d.toast(t('firstRun.sample.loaded', { contacts: 16, n: '#' }).split('#')[0]);
  await page.getByTestId('sample-remove').waitFor();
  await expect.poll(() => focusedTestId(page)).toBe('sample-remove');
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor();
  await page.keyboard.press('Enter'); // Yes has the focus
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await d.toast(t('firstRun.sample.removed', { contacts: 16, n: '#' }).split('#')[0]);
  await page.getByTestId('sample-load').waitFor();
  await expect.poll(() => focusedTestId(page)).toBe('sample-load');
});

test('create a segment, add contacts by criteria, open a line, comment it and go back, with the keyboard only', async () => {
  const { page } = pane.session;
  const d = new PaneDriver(page, 'en');
  const { t } = d;
  await page.goto(pane.url);
  await d.goTo('nav.csvImport');
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'contatti.csv', mimeType: 'text/csv', buffer: contactsCsv() });
  await page.getByTestId('csv-rows').waitFor();
  await page.getByTestId('csv-import').focus();
  await page.keyboard.press('Enter');
  await d.toast(t('csv.done', { inserted: 6, updated: 0, rejected: 0 }));

  // The pages menu, by keyboard.
  await page.locator('body').focus();
  await tab(page, byTestId('nav-menu'), 'the pages menu');
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor();
  for (let i = 0; i < 20; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === t('nav.segments')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await d.expectTitle(t('nav.segments'));

  await tab(page, byTestId('new-segment'), 'New segment');
  await page.keyboard.press('Enter');
  await d.expectTitle('SEG00001');
  // The focus goes to the first field of what opened: Description.
  await expect.poll(() => focusedTestId(page)).toBe('field-description');
  await page.keyboard.type('Fiera');
  await page.keyboard.press('Enter');
  await page.getByTestId('segment-description').filter({ hasText: 'Fiera' }).waitFor();

  await tab(page, byTestId('action-add-button'), 'Add Contacts');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await tab(page, byTestId('filter-expression-0'), 'the first filter');
  await page.keyboard.type('Milano');
  await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+2 / −0' }).waitFor();
  await tab(page, byTestId('criteria-run'), 'Run');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(2);
  await expect.poll(() => focusedTestId(page)).toBe('action-add-button');

  // A line: Tab into the grid, arrow down, Enter opens its panel.
  await tab(page, byTestId('line-row'), 'the first line');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog');
  await panel.getByTestId('why-here').waitFor();
  await tab(page, byTestId('line-comment'), 'the comment');
  await page.keyboard.type('Auguri');
  await tab(page, byTestId('line-save'), 'Save');
  await page.keyboard.press('Enter');
  await panel.waitFor({ state: 'detached' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');

  // Go Back, answering BC's question with the keyboard: a labelled button, reached with Tab.
  await tab(page, byTestId('action-goBack-button'), 'Go Back');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('segment.goBack'));
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor();
  await page.keyboard.press('Enter'); // Yes has the focus
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(0);
  await expect.poll(() => focusedTestId(page)).toBe('action-goBack-button');

  // Escape closes a dialog without acting; Log and ⋯ are Tab stops too.
  await tab(page, byTestId('action-log-button'), 'Log');
  await tab(page, byTestId('segment-more'), 'the more-actions menu');
  await tab(page, byTestId('action-add-button'), 'Add Contacts');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByTestId('line-row').count()).toBe(0);
  await expect.poll(() => focusedTestId(page)).toBe('action-add-button');
});

test('every dialog of the Segment page gives the focus back to the control that opened it', async () => {
  const { page } = pane.session;
  const d = new PaneDriver(page, 'en');
  await page.goto(pane.url);
  await d.goTo('nav.segments');
  await page.getByTestId('segment-row-SEG00001').waitFor();
  await page.getByTestId('new-segment').click();
  await d.expectTitle('SEG00002');
  await expect.poll(() => focusedTestId(page)).toBe('field-description');
  await page.getByTestId('add-line-contact').fill('P300');
  await page.getByTestId('add-line').click();
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(1);

  const closes = async (open: () => Promise<void>, close: () => Promise<void>, opener: string, role = 'dialog') => {
    await open();
    await page.getByRole(role as 'dialog').waitFor();
    await close();
    await page.getByRole(role as 'dialog').waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page), { message: `focus after closing what ${opener} opened` }).toBe(opener);
  };
  const escape = () => page.keyboard.press('Escape');
  const button = (testId: string) => async () => {
    await page.getByTestId(testId).focus();
    await page.keyboard.press('Enter');
  };
  // The buttons of the page.
  await closes(button('action-add-button'), escape, 'action-add-button');
  await closes(button('action-log-button'), escape, 'action-log-button');
  await closes(button('action-goBack-button'), () => d.answer(false), 'action-goBack-button', 'alertdialog');
  // The dialogs of the ⋯ menu come back to ⋯.
  for (const action of [
    'reduce',
    'refine',
    'criteria',
    'saveCriteria',
    'reuseCriteria',
    'reuseSegment',
    'applyMailingGroup',
  ]) {
    await closes(
      async () => {
        await page.getByTestId('segment-more').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId(`action-${action}`).click();
      },
      // Escape closes it, as it closes the dialogs of the page's own buttons.
      escape,
      'segment-more',
    );
  }
  // A line's panel comes back to its row; its Remove line question back to Remove line.
  await page.getByTestId('line-row').first().focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog');
  await panel.getByTestId('why-here').waitFor();
  await closes(button('line-remove'), () => d.answer(false), 'line-remove', 'alertdialog');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await expect.poll(() => focusedTestId(page)).toBe('line-row');
  // The question of the Segments list comes back to its Delete button.
  await page.getByRole('button', { name: d.t('nav.back'), exact: true }).click();
  await d.expectTitle(d.t('nav.segments'));
  const del = page.getByRole('button', { name: `${d.t('common.delete')} SEG00002`, exact: true });
  await del.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor();
  await d.answer(false);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe(`${d.t('common.delete')} SEG00002`);
});
