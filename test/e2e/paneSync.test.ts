// The production task pane with its shared workspace, in Chromium: served by the add-in's own server, two
// browser profiles (nothing shared but the server) see each other's segments without a reload; served
// by a plain web server, the pane says the shared workspace is unavailable and carries on, quietly.
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { changeset, contact, newId, push, put } from '../server/fixtures';
import { launch, removeProfile, type BrowserSession } from './browser';
import { PaneDriver, screenshotDir } from './paneDriver';
import { serveDist } from './staticServer';

let server: RunningServer;
let plain: Awaited<ReturnType<typeof serveDist>>;
const sessions: BrowserSession[] = [];

/** The add-in's server serving the production build. */
async function startPaneServer(): Promise<RunningServer> {
  const o = await httpsOptions();
  return startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: resolve('dist') } });
}

beforeAll(async () => {
  server = await startPaneServer();
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

async function openPane(
  url: string,
  language: 'en' | 'it' = 'en',
  /** Holds every pull after the first page that brought rows until it settles: the pane stays mid-arrival. */
  holdPull?: Promise<void>,
): Promise<Watched> {
  const session = await launch(undefined, language === 'it' ? 'it-IT' : 'en-US');
  sessions.push(session);
  const { page } = session;
  if (holdPull) {
    let rowsArrived = false;
    await page.route('**/api/v1/pull?*', async (route) => {
      if (rowsArrived) await holdPull;
      try {
        const response = await route.fetch();
        const body = await response.text();
        if (response.ok() && (JSON.parse(body) as { rows?: unknown[] }).rows?.length) rowsArrived = true;
        await route.fulfill({ response, body });
      } catch {
        // The server closed once the test was over (or the page with it): the pull fails as it would.
        await route.abort().catch(() => undefined);
      }
    });
  }
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  await page.goto(`${url}/taskpane.html`);
  return { page, driver: new PaneDriver(page, language), pageErrors, consoleErrors };
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
  // The pane, its scripts and the sync API came over HTTP/2: one connection, not one handshake per script.
  // (Office's own script comes from Microsoft's CDN, not from this server; Chromium's own favicon request
  // tells no protocol.)
  const protocols = await second.page.evaluate(
    (own) =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((e) => e.name.startsWith(own) && !e.name.endsWith('/favicon.ico'))
        .map((e) => (e as PerformanceResourceTiming).nextHopProtocol),
    server.url,
  );
  expect(protocols.length).toBeGreaterThan(3);
  expect(new Set(protocols)).toEqual(new Set(['h2']));
  expect(new Set(protocols)).toEqual(new Set(['h2']));

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

test('a pane that joins a workspace of 6,000 contacts says how many changes have arrived while they do, in Italian and in English, then connected', async () => {
  // A server of its own: an empty workspace but for these contacts, whatever ran before.
  const joined = await startPaneServer();
  try {
    await seedContacts(joined);
    // One profile after the other, each a pane joining: each pulls the whole workspace.
    for (const language of ['it', 'en'] as const) await joins(joined, language);
  } finally {
    await joined.close();
  }
}, 90_000);

/**
 * Six changesets of 1,000 contacts, pushed as another pane would: more than one page of pull. (From this
 * process, which does not know the test certificate the browsers are told to accept.)
 */
async function seedContacts(server: RunningServer) {
  const trusted = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    for (let c = 0; c < 6; c++) {
      const rows = Array.from({ length: 1000 }, (_, i) =>
        put('contacts', contact(newId('C'), `JN${c}${String(i).padStart(4, '0')}`)),
      );
      expect((await push(server.url, [changeset(rows)])).status).toBe(200);
    }
  } finally {
    if (trusted === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = trusted;
  }
}

async function joins(server: RunningServer, language: 'en' | 'it') {
  // The rest of the workspace waits until the pane has been seen mid-arrival: on a fast machine the whole
  // pull can end before the first page has drawn, and the arrival would never be seen.
  let release = () => undefined as void;
  const held = new Promise<void>((ok) => (release = ok));
  const p = await openPane(server.url, language, held);
  const receiving = p.page.locator('[data-testid="sync-status"][data-receiving]');
  await receiving.waitFor({ timeout: 20_000 });
  // The count and the words read at one moment: the count grows page by page.
  const [shown, text] = await receiving.evaluate((e) => [Number(e.getAttribute('data-receiving')), e.textContent]);
  expect(shown).toBeGreaterThan(0);
  expect(text).toBe(p.driver.t('sync.receiving', { n: new Intl.NumberFormat(language).format(shown) }));
  // The empty pane's first run says the workspace is arriving, and offers no import meanwhile.
  await p.page.getByTestId('first-run-arriving').waitFor();
  expect(await p.page.getByTestId('sample-load').count()).toBe(0);
  await p.page.screenshot({ path: join(screenshotDir, `${language}-sync-receiving.png`) });
  release();
  const connected = p.page.locator('[data-testid="sync-status"][data-connection="connected"]:not([data-receiving])');
  await connected.waitFor({ timeout: 30_000 });
  expect(await status(p).textContent()).toBe(p.driver.t('sync.connected'));
  expect(await p.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  await p.page.getByTestId('sample-load').waitFor();
  expect(await p.page.getByTestId('first-run-arriving').count()).toBe(0);
  // Every contact is in the pane's own database.
  const contacts = await p.page.evaluate(`new Promise((ok, fail) => {
    const q = indexedDB.open('segments');
    q.onsuccess = () => {
      const r = q.result.transaction('contacts').objectStore('contacts').getAll();
      r.onsuccess = () => ok(r.result.filter((c) => c.no.startsWith('JN')).length);
      r.onerror = () => fail(r.error);
    };
    q.onerror = () => fail(q.error);
  })`);
  expect(contacts).toBe(6000);
  expect(p.pageErrors).toEqual([]);
  expect(p.consoleErrors).toEqual([]);
}

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
