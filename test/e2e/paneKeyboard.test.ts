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
    if (await page.evaluate(() => document.activeElement?.closest('.fui-Toaster') != null)) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const ok = await page.evaluate((src) => {
      const el = document.activeElement;
      return el ? (new Function('el', `return (${src})(el)`) as (e: Element) => boolean)(el) : false;
    }, matches.toString());
    if (ok) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const byTestId = (id: string) => `(el) => el.closest('[data-testid="${id}"]') !== null || el.getAttribute('data-testid') === '${id}'`;

async function tab(page: Page, predicate: string, what: string) {
  await tabTo(page, new Function(`return ${predicate}`)() as (el: Element) => boolean, what);
}

test('create a segment, add contacts by criteria, open a line, comment it and go back, with the keyboard only', async () => {
  const { page } = pane.session;
  const d = new PaneDriver(page, 'en');
  const { t } = d;
  await page.goto(pane.url);
  await d.goTo('nav.csvImport');
  await page.getByTestId('csv-file').setInputFiles({ name: 'contatti.csv', mimeType: 'text/csv', buffer: contactsCsv() });
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

  // Go Back, answering BC's question with the keyboard: Tab reaches the toolbar, the arrows move in it.
  await tab(page, `(el) => el.closest('[role="toolbar"]') !== null`, 'the actions toolbar');
  for (let i = 0; i < 6; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === t('segment.goBack')) break;
    await page.keyboard.press('ArrowRight');
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('segment.goBack'));
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor();
  await page.keyboard.press('Enter'); // Yes has the focus
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(0);

  // Escape closes a dialog without acting. (The toolbar remembers Go Back: the arrows lead to Add Contacts.)
  await tab(page, `(el) => el.closest('[role="toolbar"]') !== null`, 'the actions toolbar');
  for (let i = 0; i < 6; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'action-add-button') break;
    await page.keyboard.press('ArrowLeft');
  }
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByTestId('line-row').count()).toBe(0);
});
