import { expect, test } from 'vitest';
import { usePaneSession } from './paneSession';

const pane = usePaneSession();

test('the production task pane loads office.js, waits for Office once and says it runs outside Office', async () => {
  const officeRequests: string[] = [];
  pane.session.page.on('request', (r) => {
    if (r.url().includes('appsforoffice.microsoft.com')) officeRequests.push(r.url());
  });
  await pane.session.page.goto(pane.url);
  const status = pane.session.page.getByTestId('host-status');
  await status.waitFor();
  expect(await status.textContent()).toMatch(/Outside Office/);
  expect(officeRequests.some((u) => u.endsWith('/office.js'))).toBe(true);
  expect(await pane.session.page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
    'object',
  );
});
