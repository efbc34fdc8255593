// The pilot: a Business Central user alone with the add-in, in Chromium at 320 × 800, against the
// production build served by the add-in's own server, once in English and once in Italian. A fresh
// profile meets the first-run page, loads the sample workspace, builds a segment (Add, Reduce, Refine),
// comments two lines, uploads a letter as .docx, checks, previews, downloads the merged .docx (read back by
// LibreOffice: each contact's letter and each comment as a Word comment), logs the segment and follows it
// through Logged Segments and Interaction Log Entries to the contact card. Separately, a CSV import whose
// persons name their company only by Company Name and carry an unknown salesperson code. Every page and
// dialog is screenshotted (test-output/screenshots/pilot-<lang>-NN-<name>.png) and checked at 320 px and
// with axe.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { readDocxParts } from '../../src/domain/docx';
import { launch, removeProfile, type BrowserSession } from './browser';
import { PaneDriver, expectNoViolations, type AxeViolation } from './paneDriver';
import { pilotCsv, pilotLetterDocx, pilotServer, pilotTranslate, readWithLibreOffice, synced } from './pilotSupport';

const workDir = mkdtempSync(join(tmpdir(), 'segments-pilot-'));
afterAll(() => removeProfile(workDir));

/** Numbers each screenshot in the order of the path: pilot-<lang>-NN-<name>. */
class PilotChecks {
  readonly violations: Record<string, AxeViolation[]> = {};
  private n = 0;
  constructor(private d: PaneDriver) {}
  async check(name: string) {
    this.n++;
    await this.d.check(`${String(this.n).padStart(2, '0')}-${name}`, this.violations);
  }
}

/** A driver whose screenshots are named pilot-<lang>-… */
function pilotDriver(page: Page, language: 'en' | 'it'): PaneDriver {
  const d = new PaneDriver(page, language);
  const shot = d.screenshot.bind(d);
  d.screenshot = (name: string) => {
    const lang = d.language;
    (d as { language: 'en' | 'it' }).language = `pilot-${lang}` as 'en';
    return shot(name).finally(() => ((d as { language: 'en' | 'it' }).language = lang));
  };
  return d;
}

const lineCount = (page: Page) => page.getByTestId('line-row').count();

/** In the open criteria dialog: the expression, its preview, the screenshot, the run, its toast and the lines after it. */
async function criteriaStep(
  d: PaneDriver,
  c: PilotChecks,
  step: { kind: string; expression: string; added: number; removed: number; shot: string; lines: number },
) {
  const { page, t } = d;
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('filter-expression-0').fill(step.expression);
  await dialog
    .getByTestId('criteria-preview-result')
    .filter({ hasText: `+${step.added} / −${step.removed}` })
    .waitFor();
  await c.check(step.shot);
  await dialog.getByTestId('criteria-run').click();
  await d.toast(t('segment.stepDone', { kind: t(step.kind), added: step.added, removed: step.removed }));
  await expect.poll(() => lineCount(page)).toBe(step.lines);
}

for (const [language, locale] of [
  ['en', 'en-US'],
  ['it', 'it-IT'],
] as const) {
  describe(`the pilot in ${language === 'en' ? 'English' : 'Italian'}`, () => {
    let server: RunningServer;
    const sessions: BrowserSession[] = [];
    beforeAll(async () => {
      server = await pilotServer();
    });
    afterAll(async () => {
      for (const s of sessions) {
        await s.close().catch(() => undefined);
        removeProfile(s.profileDir);
      }
      await server?.close();
    });

    test('first run → sample workspace → segment (Add, Reduce, Refine) → comments → letter .docx → check → preview → merged .docx in LibreOffice → Log → Logged Segments → entries → contact card', async () => {
      const s = await launch(undefined, locale);
      sessions.push(s);
      const { page } = s;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const d = pilotDriver(page, language);
      const t = pilotTranslate(language);
      const c = new PilotChecks(d);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${server.url}/taskpane.html`);
      await synced(page);

      // The first run: what a segment is, the ways in, and the profile while the User ID is empty.
      await page.getByRole('heading', { name: t('firstRun.title') }).waitFor();
      const profile = page.getByTestId('first-run-profile');
      await profile.waitFor();
      await c.check('first-run');
      await d.fillField('field-userId', 'PILOT');
      await d.toast(t('profile.saved'));

      // The sample workspace, in one click.
      await page.getByRole('button', { name: t('firstRun.sample.load'), exact: true }).click();
      await d.toast(t('firstRun.sample.loaded', { contacts: 16, n: '#' }).split('#')[0]);
      // The profile's salesperson is one of Salespeople: MR, which the sample brought.
      await d.fillField('field-salespersonCode', 'MR');
      await d.toast(t('profile.saved'));
      await page.getByRole('button', { name: t('firstRun.sample.remove'), exact: true }).waitFor();
      // What to do next is said where the user looks.
      await page.getByText(t('firstRun.sample.next'), { exact: true }).waitFor();
      await c.check('sample-loaded');

      // A segment: description and the interaction template.
      await page.getByTestId('new-segment').click();
      await d.expectTitle('SEG00001');
      await d.fillField('field-description', 'Pilot mailing');
      await page.getByTestId('segment-description').filter({ hasText: 'Pilot mailing' }).waitFor();
      await page.getByRole('button', { name: t('segment.interaction'), exact: true }).click();
      await d.choose(page.getByTestId('field-interactionTemplateCode'), /^FIERA/);
      await page.getByTestId('field-unitCost').waitFor();
      expect(await page.getByTestId('field-salespersonCode').inputValue()).toBe('MR');
      await c.check('segment-new');

      // Add Contacts: Bologna, Napoli and Roma (3 + 3 + 1).
      await page.getByTestId('action-add-button').click();
      await criteriaStep(d, c, {
        kind: 'option.Add Contacts',
        expression: 'Bologna|Napoli|Roma',
        added: 7,
        removed: 0,
        shot: 'add-contacts',
        lines: 7,
      });

      // Reduce: without Napoli.
      await page.getByTestId('segment-more').click();
      await page.getByTestId('action-reduce').click();
      await criteriaStep(d, c, {
        kind: 'option.Remove Contacts (Reduce)',
        expression: 'Napoli',
        added: 0,
        removed: 3,
        shot: 'reduce-contacts',
        lines: 4,
      });

      // Refine: only Bologna stays.
      await page.getByTestId('segment-more').click();
      await page.getByTestId('action-refine').click();
      await criteriaStep(d, c, {
        kind: 'option.Remove Contacts (Refine)',
        expression: 'Bologna',
        added: 0,
        removed: 1,
        shot: 'refine-contacts',
        lines: 3,
      });
      const lines = page.getByTestId('line-row');
      for (const no of ['SC0001', 'SP0001', 'SP0002']) expect(await lines.filter({ hasText: no }).count()).toBe(1);
      await page.getByTestId('lines-grid').scrollIntoViewIfNeeded();
      await c.check('segment');

      // A comment on two lines, each saved on its line.
      const comments = { SP0001: 'Thank you for the visit', SP0002: 'Bring the new catalogue' };
      for (const [no, comment] of Object.entries(comments)) {
        await lines.filter({ hasText: no }).click();
        const panel = page.getByRole('dialog');
        await panel.getByTestId('why-here').waitFor();
        await panel.getByTestId('line-comment').fill(comment);
        if (no === 'SP0001') await c.check('line-comment');
        await panel.getByTestId('line-save').click();
        await panel.waitFor({ state: 'detached' });
      }
      for (const [no, comment] of Object.entries(comments)) {
        await lines.filter({ hasText: no }).click();
        const panel = page.getByRole('dialog');
        // The panel reads its line after it opens: wait for the comment, not for the first value shown.
        await expect.poll(() => panel.getByTestId('line-comment').inputValue()).toBe(comment);
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
      }

      // Mail merge: the letter uploaded as .docx onto the segment, in Italian (the contacts' language).
      await d.goTo('nav.mailMerge');
      await page.getByTestId('segment-choice').selectOption('SEG00001');
      await page.getByTestId('letter-language').selectOption('ITA');
      await c.check('mail-merge');
      await page.getByTestId('letter-file').setInputFiles({
        name: 'pilot-letter.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(pilotLetterDocx()),
      });
      // The segment has the Italian letter of its template: replacing it is asked first.
      await d.answer(true);
      const saved = page.getByTestId('notice-success');
      await saved.waitFor();
      expect(await saved.textContent()).toBe(
        t('word.upload.savedOnSegment', {
          file: 'pilot-letter.docx',
          no: 'SEG00001',
          language: language === 'en' ? 'Italian' : 'italiano',
          fields: 4,
        }),
      );
      await c.check('letter-uploaded');

      // Check: the company has no job title; everything else has data.
      await page.getByTestId('check').click();
      const result = page.getByTestId('check-result');
      await result.waitFor();
      const found = (await result.textContent()) ?? '';
      expect(found).toContain(
        t('word.check.used', {
          fields: [
            t('word.field.contact.name'),
            t('word.field.contact.city'),
            t('word.field.contact.companyName'),
            t('word.field.contact.jobTitle'),
          ].join(', '),
        }),
      );
      expect(found).toMatch(new RegExp(`\\(SC0001\\)[^(]*${t('word.field.contact.jobTitle')}`));
      expect(found).not.toContain('SP0001');
      await c.check('check');

      // Preview: each contact's letter as text.
      const preview = page.getByTestId('preview-text');
      await preview.waitFor();
      expect(await preview.textContent()).toContain("Pilot letter for Ortofrutta Dell'Orto S.r.l.,");
      const choice = page.getByTestId('preview-line');
      const sp1 = await choice.locator('option', { hasText: 'SP0001' }).getAttribute('value');
      await choice.selectOption(sp1!);
      await preview.filter({ hasText: 'Pilot letter for Giulia Dell’Orto,' }).waitFor();
      const text = (await preview.textContent()) ?? '';
      expect(text).toContain('City: Bologna');
      expect(text).toContain("Company: Ortofrutta Dell'Orto S.r.l.");
      expect(text).toContain('Job: Titolare');
      await c.check('preview');

      // Merge as a .docx: the findings are asked to be accepted first.
      await page.getByTestId('merge-new').click();
      await page.getByTestId('accept-merge').waitFor();
      expect(await page.getByTestId('accept-hint').textContent()).toBe(t('word.check.acceptHint'));
      await c.check('merge-accept');
      const download = page.waitForEvent('download');
      await page.getByTestId('accept-merge').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('SEG00001.docx');
      const merged = join(workDir, `pilot-${language}-SEG00001.docx`);
      await file.saveAs(merged);
      await page
        .getByTestId('notice-success')
        .filter({ hasText: t('word.merge.done', { letters: 3, syncs: 0 }) })
        .waitFor();
      await c.check('merged');
      const lo = await readWithLibreOffice(merged);
      const letters = lo.text
        .split(/\r?\n/)
        .filter((l) => /^(Pilot letter|City|Company|Job)/.test(l))
        .map((l) => l.trimEnd());
      expect(letters).toEqual([
        "Pilot letter for Ortofrutta Dell'Orto S.r.l.,",
        'City: Bologna',
        "Company: Ortofrutta Dell'Orto S.r.l.",
        'Job:',
        'Pilot letter for Giulia Dell’Orto,',
        'City: Bologna',
        "Company: Ortofrutta Dell'Orto S.r.l.",
        'Job: Titolare',
        'Pilot letter for Marco Bianchi,',
        'City: Bologna',
        "Company: Ortofrutta Dell'Orto S.r.l.",
        'Job: Responsabile acquisti',
      ]);
      expect(lo.comments.sort()).toEqual(Object.values(comments).sort());

      // Outside Word the comments can be left out of the .docx too.
      const attach = page.getByRole('checkbox', { name: t('word.merge.comments') });
      expect(await attach.isChecked()).toBe(true);
      await attach.uncheck();
      await page.getByTestId('merge-new').click();
      const again = page.waitForEvent('download');
      await page.getByTestId('accept-merge').click();
      const plain = readDocxParts(new Uint8Array(readFileSync(await (await again).path())));
      expect(plain['word/document.xml']).toContain('>Marco Bianchi</w:t>');
      expect(plain['word/document.xml']).not.toContain('commentReference');
      expect(plain['word/comments.xml']).toBeUndefined();
      await attach.check();

      // Log: the pre-flight, then the entries.
      await d.goTo('nav.segments');
      await d.logSegment('SEG00001', { entries: 3, followUp: false }, () => c.check('log'));

      // Logged Segments: the segment, 3 interactions.
      await d.goTo('nav.loggedSegments');
      const row = page.getByTestId('logged-row-1');
      await row.waitFor();
      expect(await row.textContent()).toContain('SEG00001');
      expect(await row.textContent()).toContain('Pilot mailing');
      expect(await row.textContent()).toContain('PILOT');
      await c.check('logged-segments');
      await row.getByRole('button', { name: `${t('common.actions')} 1` }).click();
      await page.getByRole('menuitem', { name: t('logged.entries') }).click();
      await d.expectTitle(t('nav.interactionLog'));

      // Interaction Log Entries: one per contact, each with the user who logged it.
      await page.getByTestId('entry-3').waitFor();
      expect(await page.locator('[data-testid^="entry-"]').count()).toBe(3);
      for (const [i, no] of ['SC0001', 'SP0001', 'SP0002'].entries()) {
        const entry = (await page.getByTestId(`entry-${i + 1}`).textContent()) ?? '';
        expect(entry).toContain(no);
        expect(entry).toContain('PILOT');
        expect(entry).toContain('FIERA');
      }
      await c.check('interaction-log-entries');
      // Opened from the menu, Contact No. takes a BC expression of several values: each is read through the
      // index in the same read transaction (read one after the other, Chromium committed it in between).
      await d.goTo('nav.segments');
      await d.goTo('nav.interactionLog');
      const contactFilter = page.getByRole('search').getByLabel(t('field.contactNo'));
      await contactFilter.fill('SP0001|SP0002');
      await contactFilter.press('Enter');
      await page.getByTestId('entry-1').waitFor({ state: 'detached' });
      expect(await page.locator('[data-testid^="entry-"]').count()).toBe(2);
      expect(await page.getByRole('alert').count()).toBe(0);

      // The contact card: the entry logged.
      await page.getByRole('button', { name: t('entries.openContact', { no: 'SP0001' }), exact: true }).click();
      const card = page.getByTestId('contact-card');
      await card.getByRole('heading', { name: 'SP0001 · Giulia Dell’Orto' }).waitFor();
      const entries = card.getByTestId('contact-entries');
      await entries.waitFor();
      expect(await entries.getByRole('listitem').count()).toBe(1);
      expect(await entries.textContent()).toContain('FIERA');
      // Logging removed the segment (as in Business Central): the card lists no open segment for the contact.
      expect(await card.getByTestId('contact-segments').count()).toBe(0);
      await card.getByText(t('contact.noSegments'), { exact: true }).waitFor();
      await c.check('contact-card');

      expectNoViolations(c.violations);
      expect(errors).toEqual([]);
    });

    test('a CSV import: persons linked to their company by Company Name, an unknown salesperson code warned with the choice', async () => {
      const s = await launch(undefined, locale);
      sessions.push(s);
      const { page } = s;
      const d = pilotDriver(page, language);
      const t = pilotTranslate(language);
      const c = new PilotChecks(d);
      (c as unknown as { n: number }).n = 50; // after the main path's screenshots
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${server.url}/taskpane.html`);
      await synced(page);
      await d.goTo('nav.csvImport');
      await page
        .getByTestId('csv-file')
        .setInputFiles({ name: 'bc-contacts.csv', mimeType: 'text/csv', buffer: pilotCsv() });
      await page
        .getByTestId('csv-rows')
        .filter({ hasText: t('csv.rows', { n: 3 }) })
        .waitFor();
      await c.check('csv-mapping');
      await page.getByTestId('csv-import').click();

      // Before writing: the unknown code, with the choice.
      const decide = page.getByTestId('import-decisions');
      await decide.waitFor();
      const codes = decide.getByTestId('import-unknown-codes');
      expect(await codes.textContent()).toBe(
        t('import.decide.codeOne', { list: t('excel.list.salespeople'), code: 'XX', rows: '4' }),
      );
      const radios = decide.getByRole('radio');
      expect(await radios.count()).toBe(3);
      await decide.getByRole('radio', { name: t('import.decide.drop'), exact: true }).check();
      await c.check('csv-decisions');
      await decide.getByTestId('import-confirm').click();

      // The report: 3 contacts, the persons linked by Company Name, the code left out.
      const report = page.getByTestId('excel-import-report');
      await report.waitFor();
      const problems = page.getByTestId('excel-problems').getByRole('listitem');
      const all = await problems.allTextContents();
      for (const row of [3, 4])
        expect(all).toContain(
          t('excel.problem.companyLinked', {
            row,
            companyNo: 'K100',
            companyName: 'Verdi Costruzioni S.r.l.',
            by: t('excel.by.companyName'),
          }),
        );
      expect(all.join('\n')).toContain('XX');
      await c.check('csv-report');

      // The persons are under their company on its card.
      await d.goTo('nav.contacts');
      await page.getByRole('button', { name: /K100/ }).first().click();
      const card = page.getByTestId('contact-card');
      await card.getByRole('heading', { name: 'K100 · Verdi Costruzioni S.r.l.' }).waitFor();
      expect(await card.textContent()).toContain('Elena Verdi');
      expect(await card.textContent()).toContain('Paolo Neri');
      await c.check('csv-company-card');
      expectNoViolations(c.violations);
    });
  });
}

/**
 * Moves the focus with Tab (or Shift+Tab) until it is on what `matches` accepts, as a keyboard user does;
 * fails after 150 presses. A toast that takes the focus (Fluent's focus group) is left with Escape.
 */
async function tabTo(page: Page, what: string, matches: string, back = false) {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate(() => document.activeElement?.closest('.fui-Toaster') != null))
      await page.keyboard.press('Escape');
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ok = await page.evaluate((src) => {
      const el = document.activeElement;
      return el ? (new Function('el', `return (${src})`) as (e: Element) => boolean)(el) : false;
    }, matches);
    if (ok) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
/** Opens the pages menu with the keyboard (Shift+Tab up to it, Enter) and picks a page with the arrows and Enter. */
async function menuTo(page: Page, caption: string) {
  await tabTo(page, 'the pages menu', testId('nav-menu'), true);
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor();
  for (let i = 0; i < 40; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === caption) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrows never reached ${caption} in the pages menu`);
}
const testId = (id: string) => `el.closest('[data-testid="${id}"]') !== null`;
const named = (text: string) =>
  `(el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === ${JSON.stringify(text)}`;

for (const [language, locale] of [
  ['en', 'en-US'],
  ['it', 'it-IT'],
] as const) {
  test(`with the keyboard only (${language}): first run → sample workspace → segment → Add Contacts → comment → Mail merge (letter, check, preview, download, Log) → Logged Segments`, async () => {
    const server = await pilotServer();
    const s = await launch(undefined, locale);
    try {
      const { page } = s;
      const d = new PaneDriver(page, language);
      const t = pilotTranslate(language);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${server.url}/taskpane.html`);
      await synced(page);
      await page.getByTestId('first-run-profile').waitFor();
      const { keyboard } = page;
      // The browser is told to hand file choosers to the test now, long before Upload is pressed: asked for
      // just before the key press, that request can reach a busy browser after the chooser has opened.
      const choosers: FileChooser[] = [];
      page.on('filechooser', (c) => choosers.push(c));

      // The sample workspace, then the profile.
      await tabTo(page, 'Load the sample workspace', named(t('firstRun.sample.load')));
      await keyboard.press('Enter');
      await d.toast(t('firstRun.sample.loaded', { contacts: 16, n: '#' }).split('#')[0]);
      await tabTo(page, 'User ID', testId('field-userId'));
      await keyboard.type('KEYS');
      await tabTo(page, 'Salesperson Code', testId('field-salespersonCode'));
      await keyboard.type('MR');
      await keyboard.press('Enter');
      await d.toast(t('profile.saved'));

      // A segment: New segment is above, so Shift+Tab.
      await tabTo(page, 'New segment', testId('new-segment'), true);
      await keyboard.press('Enter');
      await d.expectTitle('SEG00001');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('field-description');
      await keyboard.type('Keyboard mailing');
      await keyboard.press('Enter');
      await page.getByTestId('segment-description').filter({ hasText: 'Keyboard mailing' }).waitFor();
      await tabTo(page, 'the Interaction section', named(t('segment.interaction')));
      await keyboard.press('Enter');
      await tabTo(page, 'Interaction Template Code', testId('field-interactionTemplateCode'));
      await keyboard.type('FIERA');
      await keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('field-unitCost').inputValue()).not.toBe('0');

      // Add Contacts: the Bologna contacts.
      await tabTo(page, 'Add Contacts', testId('action-add-button'), true);
      await keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await tabTo(page, 'the first filter', testId('filter-expression-0'));
      await keyboard.type('Bologna');
      await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+3 / −0' }).waitFor();
      await tabTo(page, 'Run', testId('criteria-run'));
      await keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('line-row').count()).toBe(3);

      // A comment on the first line.
      await tabTo(page, 'the first line', testId('line-row'));
      await keyboard.press('Enter');
      const panel = page.getByRole('dialog');
      await panel.getByTestId('why-here').waitFor();
      await tabTo(page, 'Comment', testId('line-comment'));
      await keyboard.type('Typed without a mouse');
      await tabTo(page, 'Save', testId('line-save'));
      await keyboard.press('Enter');
      await panel.waitFor({ state: 'detached' });

      // Mail merge, from the pages menu.
      await menuTo(page, t('nav.mailMerge'));
      await d.expectTitle(t('nav.mailMerge'));
      // The page names the segment once its lists have been read: wait for that before moving through it.
      await expect.poll(() => page.getByTestId('segment-choice').inputValue()).toBe('SEG00001');
      await page.getByTestId('letter-upload').waitFor();
      await tabTo(page, 'Segment', testId('segment-choice'));
      // The letter's language: typed on the closed list, as a keyboard user picks an option.
      await tabTo(page, 'Language of this letter', testId('letter-language'));
      await keyboard.type('ITA');
      await expect.poll(() => page.getByTestId('letter-language').inputValue()).toBe('ITA');
      // The letter: the upload button is reached with Tab and pressed with Space; the file chooser it opens
      // is answered with the file (the one thing a keyboard user does in the system's own dialog).
      await tabTo(page, 'Upload letter', testId('letter-upload'));
      await keyboard.press('Space');
      await expect.poll(() => choosers.length).toBe(1);
      await choosers[0].setFiles({
        name: 'keyboard-letter.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(pilotLetterDocx()),
      });
      // The segment has its template's Italian letter: replacing it is asked first, and answered with Tab and Enter.
      await page.getByRole('alertdialog').waitFor();
      await tabTo(page, 'Yes', named(t('common.yes')));
      await keyboard.press('Enter');
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      await page.getByTestId('notice-success').filter({ hasText: 'keyboard-letter.docx' }).waitFor();

      // Check: the findings, then the preview of another contact's letter.
      await tabTo(page, 'Check merge fields', testId('check'));
      await keyboard.press('Enter');
      await page.getByTestId('check-result').waitFor();
      await tabTo(page, 'the letter to preview', testId('preview-line'));
      const first = (await page.getByTestId('preview-text').textContent()) ?? '';
      await keyboard.press('ArrowDown');
      await expect.poll(() => page.getByTestId('preview-text').textContent()).not.toBe(first);
      expect(await page.getByTestId('preview-text').textContent()).toContain('City: Bologna');

      // Merge and download: the findings accepted with Enter.
      await tabTo(page, 'Download the merged .docx', testId('merge-new'), true);
      await keyboard.press('Enter');
      await page.getByTestId('accept-merge').waitFor();
      await tabTo(page, 'Accept and merge', testId('accept-merge'));
      const download = page.waitForEvent('download');
      await keyboard.press('Enter');
      expect((await download).suggestedFilename()).toBe('SEG00001.docx');
      await page
        .getByTestId('notice-success')
        .filter({ hasText: t('word.merge.done', { letters: 3, syncs: 0 }) })
        .waitFor();

      // Log, the mail merge's last step: the Log dialog, its pre-flight, then Log in it.
      await tabTo(page, 'Log', testId('log'));
      await keyboard.press('Enter');
      const logDialog = page.getByRole('dialog');
      await logDialog.getByTestId('log-no-blockers').waitFor();
      await tabTo(page, 'Log in the dialog', testId('log-run'));
      await keyboard.press('Enter');
      await logDialog.waitFor({ state: 'detached' });
      await page
        .getByTestId('notice-success')
        .filter({ hasText: t('word.log.done', { entries: 3, entryNo: 1 }) })
        .waitFor();

      // Logged Segments, from the pages menu.
      await menuTo(page, t('nav.loggedSegments'));
      await d.expectTitle(t('nav.loggedSegments'));
      const row = page.getByTestId('logged-row-1');
      await row.waitFor();
      expect(await row.textContent()).toContain('SEG00001');
      expect(await row.textContent()).toContain('Keyboard mailing');
    } finally {
      await s.close().catch(() => undefined);
      removeProfile(s.profileDir);
      await server.close();
    }
  });
}
