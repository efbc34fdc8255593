// The whole flow of the pane outside Office, as one user: contacts from a CSV file, a segment built by
// criteria with preview, a manual line, Reduce, Go Back, Save and Reuse Criteria, Log with follow-up,
// cancel the logged segment, a backup; every page screenshotted and checked with axe-core.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { codeListPages, codeListTitleKeys } from '../../src/ui/lists/codeListTitles';
import { contactsCsv, type AxeViolation, type PaneDriver } from './paneDriver';

export interface FlowResult {
  backupFile: string;
  packageFile: string;
  violations: Record<string, AxeViolation[]>;
}

export async function runFlow(d: PaneDriver, url: string, workDir: string): Promise<FlowResult> {
  const { page, t } = d;
  const violations: Record<string, AxeViolation[]> = {};
  // Toasts then appear at once instead of fading in (a half-faded toast fails the contrast check).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await d.expectTitle(t('nav.segments'));
  // The production pane always has its sync client, whose line says where the data is: the notice only says where the pane runs.
  expect(await page.getByTestId('host-status').textContent()).toBe(t('app.outsideOfficeShared'));
  // An empty workspace greets the user: the three ways in, and the sample workspace.
  await page.getByTestId('first-run').waitFor();
  await page.getByTestId('sample-load').waitFor();
  await d.check('segments-empty', violations);
  await page.getByTestId('nav-menu').click();
  await page.getByRole('menu').waitFor();
  await d.check('pages-menu', violations);
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });

  // My profile: name and salesperson (a new segment's default).
  await d.goTo('nav.profile');
  await d.fillField('field-userId', 'Giulia');
  await d.toast(t('profile.saved'));
  await d.check('profile', violations);

  // The salesperson and an interaction template.
  await d.goTo('nav.salespeople');
  await page.getByTestId('code-code').fill('JR');
  await page.getByTestId('code-name').fill('Julia Rossi');
  await page.getByRole('button', { name: t('common.save'), exact: true }).click();
  await d.toast(t('codes.saved', { code: 'JR' }));
  await d.check('salespeople', violations);
  // The profile's salesperson is one of Salespeople (BC's User Setup relates it): JR, now that it exists.
  await d.goTo('nav.profile');
  await d.fillField('field-salespersonCode', 'JR');
  await d.toast(t('profile.saved'));
  await d.goTo('nav.templates');
  await d.fillField('field-code', 'MEMO');
  await d.fillField('field-description', 'Memo');
  await d.choose(page.getByRole('combobox', { name: t('field.correspondenceTypeDefault') }), t('option.Email'));
  await page.getByTestId('template-save').click();
  await d.toast(t('templates.saved', { code: 'MEMO' }));
  await page.getByRole('cell', { name: 'MEMO', exact: true }).waitFor();
  await d.check('templates', violations);

  // Contacts from a CSV file.
  await d.goTo('nav.csvImport');
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'contatti.csv', mimeType: 'text/csv', buffer: contactsCsv() });
  await page
    .getByTestId('csv-rows')
    .filter({ hasText: t('csv.rows', { n: 6 }) })
    .waitFor();
  await d.check('csv-import', violations);
  await page.getByTestId('csv-import').click();
  await d.toast(t('csv.done', { inserted: 6, updated: 0, rejected: 0 }));
  await d.goTo('nav.contacts');
  await page
    .getByTestId('contacts-count')
    .filter({ hasText: t('contacts.shown', { n: 6 }) })
    .waitFor();
  expect(await page.getByText('Rossi; Marco').count()).toBe(1);
  await d.check('contacts', violations);

  // A new segment: description, template.
  await d.goTo('nav.segments');
  await page.getByTestId('new-segment').click();
  await d.expectTitle('SEG00001');
  await page.getByTestId('field-description').waitFor();
  await d.check('segment-new', violations);
  await d.fillField('field-description', 'Spring mailing');
  await page.getByTestId('segment-description').filter({ hasText: 'Spring mailing' }).waitFor();
  await page.getByRole('button', { name: t('segment.interaction'), exact: true }).click();
  await d.choose(page.getByTestId('field-interactionTemplateCode'), /^MEMO/);
  await page.getByTestId('field-unitCost').waitFor();
  expect(await page.getByTestId('field-salespersonCode').inputValue()).toBe('JR');

  // Add Contacts by criteria, with the preview.
  await page.getByTestId('action-add-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('filter-expression-0').fill('Roma');
  await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+3 / −0' }).waitFor();
  await d.check('add-contacts', violations);
  // A contact of the preview: its card over the dialog, closed back to the dialog as it was.
  await dialog.getByTestId('criteria-preview').getByRole('button').first().click();
  const card = page.getByRole('dialog').filter({ has: page.getByTestId('contact-card') });
  await card.getByTestId('contact-card').waitFor();
  await d.check('add-contacts-card', violations);
  await card.getByRole('button', { name: t('common.close'), exact: true }).click();
  await page.getByTestId('contact-card').waitFor({ state: 'detached' });
  await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+3 / −0' }).waitFor();
  await dialog.getByTestId('criteria-run').click();
  await d.toast(t('segment.stepDone', { kind: t('option.Add Contacts'), added: 3, removed: 0 }));
  await page.getByTestId('line-row').nth(2).waitFor();

  // A manual line.
  await page.getByTestId('add-line-contact').fill('P300');
  await page.getByTestId('add-line').click();
  await d.toast(t('segment.lineAdded', { contact: 'P300', lineNo: 40000 }));
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(4);
  await d.check('segment', violations);

  // Why is this contact here, and a comment on the line.
  await page.getByTestId('line-row').first().click();
  const panel = page.getByRole('dialog');
  expect(await panel.getByTestId('why-here').textContent()).toContain(
    t('segment.addedBy', { actionNo: 1, kind: t('option.Add Contacts') }),
  );
  await panel.getByTestId('line-comment').fill('Grazie per la fiducia');
  await d.check('line-panel', violations);
  // Remove line asks first; No keeps the line.
  await panel.getByTestId('line-remove').click();
  await page.getByRole('alertdialog').waitFor();
  await d.check('line-remove-confirm', violations);
  await d.answer(false);
  await panel.getByTestId('line-save').click();
  await panel.waitFor({ state: 'detached' });

  // Reduce (Milano is not there; Torino is), then Go Back.
  await page.getByTestId('segment-more').click();
  await page.getByTestId('action-reduce').click();
  await dialog.getByTestId('filter-expression-0').fill('Torino');
  await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+0 / −1' }).waitFor();
  await d.check('reduce-contacts', violations);
  await dialog.getByTestId('criteria-run').click();
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(3);
  await page.getByRole('button', { name: t('segment.goBack'), exact: true }).click();
  // The question names the step it undoes.
  const question = (await page.getByTestId('confirm-text').textContent()) ?? '';
  expect(question).toContain(`3. ${t('option.Remove Contacts (Reduce)')}`); // 1 Add Contacts, 2 the manual line
  expect(question).toContain('Torino');
  await d.check('go-back-confirm', violations);
  await d.answer(true);
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(4);
  // The Reduce's line comes back: the note says it was restored, with counts that need no plural ("1 righe").
  await d.toast(t('segment.wentBack', { added: '1', removed: '0' }));
  expect(t('segment.wentBack', { added: '1', removed: '0' })).toMatch(/: 0; .*: 1\.$/);

  // Criteria, Save Criteria.
  await page.getByTestId('segment-more').click();
  await page.getByRole('menu').waitFor();
  await d.check('segment-actions-menu', violations);
  await page.getByTestId('action-criteria').click();
  await page.getByTestId('criteria-list').getByRole('listitem').nth(1).waitFor();
  expect(await page.getByTestId('criteria-list').getByRole('listitem').count()).toBe(2);
  // Each step numbered once: "1. Add Contacts", not "1. 1. Add Contacts".
  const first = (await page.getByTestId('criteria-list').getByRole('listitem').first().innerText()).trim();
  expect(first.startsWith(`1. ${t('option.Add Contacts')}`)).toBe(true);
  expect(await page.getByTestId('criteria-list').evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
  await d.check('criteria', violations);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('common.close') })
    .click();
  await page.getByTestId('segment-more').click();
  await page.getByTestId('action-saveCriteria').click();
  await page.getByTestId('save-criteria-code').fill('ROMA');
  await d.check('save-criteria', violations);
  await page.getByTestId('save-criteria-ok').click();
  await d.toast(t('criteria.saved', { code: 'ROMA' }));

  // Reuse Criteria on a second segment: the same contacts.
  await page.getByRole('button', { name: t('nav.back'), exact: true }).click();
  await d.expectTitle(t('nav.segments'));
  await page.getByTestId('new-segment').click();
  await d.expectTitle('SEG00002');
  await page.getByTestId('segment-more').click();
  await page.getByTestId('action-reuseCriteria').click();
  await d.choose(page.getByTestId('reuse-criteria-code'), /^ROMA/);
  await d.check('reuse-criteria', violations);
  await page.getByTestId('reuse-criteria-ok').click();
  await d.toast(t('criteria.reused', { code: 'ROMA', added: 4, removed: 0 }));
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(4);

  // The other dialogs of the Segment page, seen and closed without acting.
  for (const [action, name] of [
    ['reuseSegment', 'reuse-segment'],
    ['applyMailingGroup', 'apply-mailing-group'],
  ] as const) {
    await page.getByTestId('segment-more').click();
    await page.getByTestId(`action-${action}`).click();
    await page.getByRole('dialog').waitFor();
    await d.check(name, violations);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('common.cancel'), exact: true })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  // Its segment package, for another pane or machine.
  const pkgDownload = page.waitForEvent('download');
  await page.getByTestId('segment-more').click();
  await page.getByTestId('action-exportPackage').click();
  const packageFile = join(workDir, `segment-${d.language}.json`);
  await (await pkgDownload).saveAs(packageFile);

  // Log SEG00001 with a follow-up: the pre-flight first.
  await page.getByRole('button', { name: t('nav.back'), exact: true }).click();
  // Delete asks first; No keeps it.
  await page.getByRole('button', { name: `${t('common.delete')} SEG00002`, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await d.check('segment-delete-confirm', violations);
  await d.answer(false);
  await d.check('segments', violations);
  await d.logSegment('SEG00001', { entries: 4, followUp: true }, () => d.check('log', violations));
  await d.expectTitle('SEG00003');
  await expect.poll(() => page.getByTestId('line-row').count()).toBe(4);

  // Logged Segments: cancel it.
  await d.goTo('nav.loggedSegments');
  const row = page.getByTestId('logged-row-1');
  await row.waitFor();
  expect(await row.textContent()).toContain('SEG00001');
  await row.getByRole('checkbox').click();
  expect(await page.getByTestId('confirm-text').textContent()).toBe(t('logged.markConfirm', { entryNo: 1 }));
  await d.check('logged-cancel-confirm', violations);
  await d.answer(true);
  await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(true);
  await d.check('logged-segments', violations);
  await row.getByRole('button', { name: `${t('common.actions')} 1` }).click();
  await page.getByRole('menuitem', { name: t('logged.entries') }).click();
  await page.getByTestId('entry-4').waitFor();
  expect(await page.getByTestId('entry-1').textContent()).toContain(`(${t('field.canceled')})`);
  await d.check('interaction-log', violations);

  // Every other page once, for the screenshots and axe.
  for (const [key, name] of [
    ['nav.mailMerge', 'mail-merge'],
    ['nav.savedCriteria', 'saved-criteria'],
    ...codeListPages.filter((l) => l !== 'salespeople').map((l) => [codeListTitleKeys[l], l] as const),
    ['nav.setup', 'setup'],
    ['nav.officeCheck', 'office-check'],
    ['nav.transfer', 'transfer'],
  ] as const) {
    await d.goTo(key);
    // A page's own code and messages arrive after its title: the screenshot is of the page, not its spinner.
    await expect.poll(() => page.getByText(t('common.loading'), { exact: true }).count()).toBe(0);
    if (key === 'nav.setup') await page.getByTestId('storage-quota').waitFor();
    if (key === 'nav.savedCriteria') await page.getByTestId('saved-ROMA').waitFor();
    // Mail merge has chosen its segment and read it once its buttons are enabled: judged before, a button
    // fading from disabled to enabled has neither colour (axe's color-contrast).
    if (key === 'nav.mailMerge') await page.locator('button[data-testid="check"]:enabled').waitFor();
    await d.check(name, violations);
  }

  // The outside-Office notice: one line, hidden for the rest of the browser session once dismissed.
  await page.getByTestId('host-status-dismiss').click();
  expect(await page.getByTestId('host-status').count()).toBe(0);
  await page.reload();
  await d.expectTitle(t('nav.segments'));
  await page.getByTestId('new-segment').waitFor();
  expect(await page.getByTestId('host-status').count()).toBe(0);
  await d.goTo('nav.transfer');

  // A backup of the whole workspace.
  const download = page.waitForEvent('download');
  await page.getByTestId('make-backup').click();
  const file = await download;
  const backupFile = join(workDir, `backup-${d.language}.json`);
  await file.saveAs(backupFile);
  await d.toast(t('transfer.backedUp', { file: file.suggestedFilename() }));
  return { backupFile, packageFile, violations };
}

/** What must be there after a reload, a browser restart or a restore. */
export async function expectWorkspaceState(d: PaneDriver, url: string) {
  const { page, t } = d;
  await page.goto(url);
  await d.expectTitle(t('nav.segments'));
  await page.getByTestId('segment-row-SEG00003').waitFor();
  expect(await page.getByTestId('segment-row-SEG00002').count()).toBe(1);
  expect(await page.getByTestId('segment-row-SEG00001').count()).toBe(0);
  await d.goTo('nav.loggedSegments');
  await expect.poll(() => page.getByTestId('logged-row-1').getByRole('checkbox').isChecked()).toBe(true);
  await d.goTo('nav.savedCriteria');
  await page.getByTestId('saved-ROMA').waitFor();
}

export function writeText(path: string, text: string) {
  writeFileSync(path, text);
}
