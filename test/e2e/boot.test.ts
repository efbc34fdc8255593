import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, removeProfile, type BrowserSession } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
let session: BrowserSession;

beforeAll(async () => {
  server = await serveDist();
  session = await launch();
});
afterAll(async () => {
  await session?.close();
  removeProfile(session.profileDir);
  await server?.close();
});

test('the production task pane loads office.js, waits for Office once and says it runs outside Office', async () => {
  const officeRequests: string[] = [];
  session.page.on('request', (r) => {
    if (r.url().includes('appsforoffice.microsoft.com')) officeRequests.push(r.url());
  });
  await session.page.goto(`${server.url}/taskpane.html`);
  const status = session.page.getByTestId('host-status');
  await status.waitFor();
  expect(await status.textContent()).toMatch(/Outside Office/);
  expect(officeRequests.some((u) => u.endsWith('/office.js'))).toBe(true);
  expect(await session.page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
});
