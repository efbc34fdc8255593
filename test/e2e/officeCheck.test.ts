// Setup → Check this Office in Chromium, outside Office, on the production build: the pane says which
// checks need Office, runs the rest (storage, shared workspace), and its report, copied as the file a
// pilot sends, validates against the report's schema.
import { expect, test } from 'vitest';
import { officeCheckReportSchema } from '../../src/domain/officeCheck';
import { PaneDriver } from './paneDriver';
import { usePaneSession } from './paneSession';

const pane = usePaneSession();

test('outside Office the check runs what it can and reports the rest as needing Office', async () => {
  const page = pane.session.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(pane.url);
  const d = new PaneDriver(page, 'en');
  await d.goTo('nav.officeCheck');
  await page.getByText(/Outside Office: the checks that need Excel or Word are skipped/).waitFor();
  await page.getByTestId('office-check-run').click();
  const result = page.getByTestId('office-check-result');
  await result.waitFor();
  expect(await result.textContent()).toBe('0 passed, 0 failed, 13 skipped');
  await page.getByTestId('office-check-copy').click();
  await page.getByText('The report was copied.').waitFor();
  const file = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const report = officeCheckReportSchema.parse(file.report);
  expect(report.environment.host).toBe('none');
  expect(report.steps.every((s) => s.reason === 'needsOffice')).toBe(true);
  // Real Chromium answers the storage estimate.
  expect(report.storage.quotaBytes).toBeGreaterThan(0);
  expect(report.sharedWorkspace.status).toMatch(/^(starting|connected|offline|unavailable|none)$/);
  expect(file.summary[1]).toMatch(/^Host: none; Office version unknown; display language /);
});
