// The production task pane with its shared workspace, in Chromium: served by the add-in's own server, two
// browser profiles (nothing shared but the server) see each other's segments without a reload; served
// by a plain web server, the pane says the shared workspace is unavailable and carries on, quietly.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { launch, removeProfile, type BrowserSession } from './browser';
import { PaneDriver } from './paneDriver';
import { serveDist } from './staticServer';

let server: RunningServer;
let plain: Awaited<ReturnType<typeof serveDist>>;
const sessions: BrowserSession[] = [];

beforeAll(async () => {
  const o = await httpsOptions();
  server = await startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: resolve('dist') } });
  plain = await serveDist();
});
afterAll(async () => {
  for (const s of sessions) {
    await s.close().catch(() => undefined);
    removeProfile(s.profileDir);
  }
  await server?.close();
  await plain?.close();
});

interface Watched {
  page: Page;
  driver: PaneDriver;
  pageErrors: string[];
  consoleErrors: string[];
}

async function openPane(url: string): Promise<Watched> {
  const session = await launch();
  sessions.push(session);
  const { page } = session;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  await page.goto(`${url}/taskpane.html`);
  return { page, driver: new PaneDriver(page, 'en'), pageErrors, consoleErrors };
}

const status = (p: Watched) => p.page.getByTestId('sync-status');

test('two profiles on the add-in’s server: a segment made in the first pane appears in the second pane’s Segments without a reload; both say connected', async () => {
  const first = await openPane(server.url);
  const second = await openPane(server.url);
  for (const p of [first, second]) {
    await p.page.locator('[data-testid="sync-status"][data-connection="connected"]').waitFor({ timeout: 20_000 });
    expect(await status(p).textContent()).toBe(p.driver.t('sync.connected'));
  }
  await second.driver.expectTitle(second.driver.t('nav.segments'));
  expect(await second.page.locator('[data-testid^="segment-row-"]').count()).toBe(0);

  await first.page.getByTestId('new-segment').click();
  await first.driver.expectTitle(first.driver.t('nav.segment', { no: 'SEG00001' }));
  await first.driver.fillField('field-description', 'Made in the first pane');

  const row = second.page.getByTestId('segment-row-SEG00001');
  await row.filter({ hasText: 'Made in the first pane' }).waitFor({ timeout: 20_000 });
  // Nothing waits in either pane, and neither was reloaded (the second never left its Segments page).
  await first.page
    .locator('[data-testid="sync-status"][data-connection="connected"][data-pending="0"]')
    .waitFor({ timeout: 20_000 });
  expect(await status(second).getAttribute('data-connection')).toBe('connected');
  expect(await second.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  // The server holds it too.
  const segments = (
    await server.sql.query<{ n: number }>(
      "select count(*)::int as n from sync_rows where tbl = 'segments' and not deleted",
    )
  )[0];
  expect(segments.n).toBe(1);
  for (const p of [first, second]) {
    expect(p.pageErrors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }

  // Setup shows the server the pane shares its workspace through.
  await first.driver.goTo('nav.setup');
  expect(await first.page.getByTestId('sync-server').textContent()).toBe(
    first.driver.t('sync.server', { url: server.url }),
  );
});

test('served by a plain web server, the pane says the shared workspace is unavailable and works as before: no error toast, no console flood', async () => {
  const p = await openPane(plain.url);
  await p.page.locator('[data-testid="sync-status"][data-connection="unavailable"]').waitFor({ timeout: 20_000 });
  expect(await status(p).textContent()).toBe(p.driver.t('sync.unavailable'));
  await p.page.getByTestId('new-segment').click();
  await p.driver.expectTitle(p.driver.t('nav.segment', { no: 'SEG00001' }));
  await p.page.locator('[data-testid="sync-status"][data-pending="1"]').waitFor();
  expect(await status(p).textContent()).toBe(`${p.driver.t('sync.unavailable')} · ${p.driver.t('sync.pendingOne')}`);
  await p.driver.goTo('nav.segments');
  await p.page.getByTestId('segment-row-SEG00001').waitFor();

  // The only toast is the action's own result.
  expect(await p.page.locator('.fui-ToastTitle').allTextContents()).toEqual([
    p.driver.t('segments.created', { no: 'SEG00001' }),
  ]);
  expect(await p.page.getByTestId('sync-failed').count()).toBe(0);
  expect(p.pageErrors).toEqual([]);
  // The browser notes each refused request; the pane itself logs nothing, and backs off.
  const notApi = p.consoleErrors.filter(
    (e) =>
      !/Failed to load resource: the server responded with a status of 404 .*\/api\/v1\/(pull|push|events)/.test(e),
  );
  expect(notApi).toEqual([]);
  expect(p.consoleErrors.length).toBeLessThanOrEqual(12);
});
