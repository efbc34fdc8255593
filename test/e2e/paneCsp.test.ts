// The production pane under the server's Content Security Policy, in Chromium: office.js loads from
// Office's CDN, the pane renders and works (a segment made and shared), and the browser reports no CSP
// violation. Served with the policy's headers, as every answer of the add-in's server is.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { launch, removeProfile, type BrowserSession } from './browser';
import { PaneDriver } from './paneDriver';

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  const o = await httpsOptions();
  server = await startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: resolve('dist') } });
  session = await launch();
});
afterAll(async () => {
  await session?.close().catch(() => undefined);
  if (session) removeProfile(session.profileDir);
  await server?.close();
});

test('the production pane loads office.js and works under the CSP, with no violation reported', async () => {
  const { page } = session;
  const messages: string[] = [];
  const pageErrors: string[] = [];
  const violations: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  const res = await page.goto(`${server.url}/taskpane.html`);
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(res!.headers()['x-content-type-options']).toBe('nosniff');

  await page.locator('[data-testid="sync-status"][data-connection="connected"]').waitFor({ timeout: 30_000 });
  expect(
    await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady),
  ).toBe('function');
  const driver = new PaneDriver(page, 'en');
  await page.getByTestId('new-segment').click();
  await driver.expectTitle(driver.t('nav.segment', { no: 'SEG00001' }));
  // The segment reaches the server (the pane may show nothing pending before its change is recorded).
  await expect
    .poll(
      async () =>
        (
          await server.sql.query<{ n: number }>(
            "select count(*)::int as n from sync_rows where tbl = 'segments' and not deleted",
          )
        )[0].n,
      { timeout: 30_000, interval: 200 },
    )
    .toBe(1);

  // office.js loads its further files after the page: wait until it says it is ready (it has loaded
  // them by then) and the document is complete, a state rather than a time.
  await page.evaluate(
    () =>
      new Promise<void>((r) =>
        (window as unknown as { Office: { onReady(cb: () => void): void } }).Office.onReady(() => r()),
      ),
  );
  await page.waitForFunction(() => document.readyState === 'complete');
  expect(violations).toEqual([]);
  expect(messages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
