// The task pane end to end in Chromium over HTTPS, against the production build, office.js from the
// local package: the whole flow, then a reload, a browser restart and a restore into a fresh profile;
// once in English and once in Italian; axe-core on every page.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, removeProfile, type BrowserSession } from './browser';
import { expectWorkspaceState, runFlow } from './paneFlow';
import { PaneDriver, expectNoViolations } from './paneDriver';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
const workDir = mkdtempSync(join(tmpdir(), 'segments-pane-'));
beforeAll(async () => {
  server = await serveDist();
});
afterAll(async () => {
  await server?.close();
  removeProfile(workDir);
});

for (const [language, locale] of [
  ['en', 'en-US'],
  ['it', 'it-IT'],
] as const) {
  describe(`the pane in ${language === 'en' ? 'English' : 'Italian'}`, () => {
    const sessions: BrowserSession[] = [];
    let profile = '';
    let backupFile = '';
    let packageFile = '';
    const url = () => `${server.url}/taskpane.html`;
    afterAll(async () => {
      for (const s of sessions) await s.close().catch(() => undefined);
      for (const s of sessions) removeProfile(s.profileDir);
    });

    test('the whole flow: CSV contacts, criteria with preview, manual line, Reduce, Go Back, Save and Reuse Criteria, Log with follow-up, cancel, backup; no serious accessibility violation', async () => {
      const s = await launch(undefined, locale);
      sessions.push(s);
      profile = s.profileDir;
      const errors: string[] = [];
      s.page.on('pageerror', (e) => errors.push(String(e)));
      const r = await runFlow(new PaneDriver(s.page, language), url(), workDir);
      backupFile = r.backupFile;
      packageFile = r.packageFile;
      expectNoViolations(r.violations);
      expect(Object.keys(r.violations).length).toBeGreaterThanOrEqual(35);
      expect(errors).toEqual([]);
    });

    test('a reload and a browser restart find everything still there', async () => {
      const first = sessions[0];
      const d = new PaneDriver(first.page, language);
      await expectWorkspaceState(d, url());
      await first.close();
      const again = await launch(profile, locale);
      sessions.push(again);
      await expectWorkspaceState(new PaneDriver(again.page, language), url());
    });

    test('a segment package imported twice into a fresh profile gives one segment; the backup restored there gives the same workspace; a foreign file is refused with INVALID_PACKAGE', async () => {
      const fresh = await launch(undefined, locale);
      sessions.push(fresh);
      const d = new PaneDriver(fresh.page, language);
      await fresh.page.goto(url());
      await d.goTo('nav.transfer');
      const pkg = { name: 'segment.json', mimeType: 'application/json', buffer: readFileSync(packageFile) };
      await fresh.page.getByTestId('import-package').setInputFiles(pkg);
      await d.expectTitle('SEG00002');
      await expect.poll(() => fresh.page.getByTestId('line-row').count()).toBe(4);
      await d.goTo('nav.transfer');
      await fresh.page.getByTestId('import-package').setInputFiles(pkg);
      // The second import changes nothing: the pane asks nothing, says the workspace holds it already as the
      // file has it, and opens the segment.
      await d.toast(d.t('transfer.alreadyHere', { no: 'SEG00002', file: 'segment.json' }));
      expect(await fresh.page.getByTestId('confirm-text').count()).toBe(0);
      await d.expectTitle('SEG00002');
      await d.goTo('nav.segments');
      // The list is read from IndexedDB after the page shows: wait for the row, then count.
      await fresh.page.getByTestId('segment-row-SEG00002').waitFor();
      expect(await fresh.page.getByTestId('segment-row-SEG00002').count()).toBe(1);
      expect(await fresh.page.locator('[data-testid^="segment-row-"]').count()).toBe(1);
      await d.goTo('nav.contacts');
      await fresh.page
        .getByTestId('contacts-count')
        .filter({ hasText: d.t('contacts.shown', { n: 4 }) })
        .waitFor();
      await d.goTo('nav.transfer');
      await fresh.page.getByTestId('restore-backup').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"formatName":"dexie","hello":1}'),
      });
      // A foreign file is refused in the user's words, naming the file (never "Dexie" or a parser's text).
      await d.toast(/other\.json/);
      expect(
        await fresh.page
          .getByText(/other\.json/)
          .first()
          .textContent(),
      ).not.toMatch(/dexie|unexpected token|INVALID_PACKAGE/i);
      await fresh.page
        .getByTestId('restore-backup')
        .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: readFileSync(backupFile) });
      await d.answer(true);
      await d.toast(d.t('transfer.restored', { n: '#' }).split('#')[0]);
      await expectWorkspaceState(d, url());
    });
  });
}
