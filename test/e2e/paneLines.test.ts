// 10,000 contacts from a CSV file (long work: progress, the pane stays responsive), a segment of 10,000
// lines, and its virtualized grid: fewer than 200 row elements in the DOM and no task of the page over
// 100 ms of its own work while scrolling, read from Chromium's trace of the page's main thread.
// Rows coming into view while the grid scrolls are drawn light and complete themselves when it stops.
// The trace gives each task's own thread time and its wall time: on a machine shared with other work the
// wall time also counts the time the page waited for a processor (one task measured 243 ms at a load of 9
// on 2 cores), so the 100 ms goal holds the page's own work, and the wall time is printed
// and held only to a bound that a stalled pane breaks, not a busy machine.
import { loadavg } from 'node:os';
import { expect, test } from 'vitest';
import { PaneDriver } from './paneDriver';
import { usePaneSession } from './paneSession';
import { traceTasks } from './taskTrace';

const N = 10_000;
/** The page's own work in one task while scrolling, at most. */
const OWN_TASK_MS = 100;
/** A task's wall time, at most: far above what a busy machine adds, well below a pane that hangs. */
const WALL_TASK_MS = 2_000;
const pane = usePaneSession();

function bigCsv(): Buffer {
  const lines = ['No.,Name,City,Email'];
  for (let i = 1; i <= N; i++)
    lines.push(`K${String(i).padStart(6, '0')},Contact ${i},${i % 2 ? 'Roma' : 'Milano'},c${i}@example.com`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

test(`a segment of ${N.toLocaleString('en-US')} lines scrolls with fewer than 200 rows in the DOM and no task over 100 ms of its own work`, async () => {
  const { page } = pane.session;
  const d = new PaneDriver(page, 'en');
  const { t } = d;
  await page.goto(pane.url);
  await d.goTo('nav.csvImport');
  await page.getByTestId('csv-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: bigCsv() });
  await page
    .getByTestId('csv-rows')
    .filter({ hasText: t('csv.rows', { n: '10,000' }) })
    .waitFor();
  const started = Date.now();
  await page.getByTestId('csv-import').click();
  await page.getByTestId('progress').waitFor(); // long work shows its progress
  await d.toast(t('csv.done', { inserted: '10,000', updated: 0, rejected: 0 }));
  const importMs = Date.now() - started;

  await d.goTo('nav.segments');
  await page.getByTestId('new-segment').click();
  await d.expectTitle('SEG00001');
  await page.getByTestId('action-add-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('criteria-preview-result').filter({ hasText: '+10,000 / −0' }).waitFor({ timeout: 120_000 });
  await dialog.getByTestId('criteria-run').click();
  await d.toast(t('segment.stepDone', { kind: t('option.Add Contacts'), added: '10,000', removed: 0 }));
  const grid = page.getByTestId('lines-grid');
  await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe(String(N + 1));

  const rowsAtTop = await page.getByTestId('line-row').count();
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const {
    result: { maxRows, lightRows, scrolled, longTasks },
    tasks,
  } = await traceTasks(page, async () => {
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: 'longtask',
      });
    });
    let maxRows = rowsAtTop;
    let lightRows = 0;
    for (let i = 0; i < 80; i++) {
      await page.mouse.wheel(0, 4000);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      maxRows = Math.max(maxRows, await page.getByTestId('line-row').count());
      lightRows = Math.max(lightRows, await page.locator('[data-testid="line-row"][data-light]').count());
    }
    const scrolled = await grid.evaluate((el) => el.scrollTop);
    // Jump to the end: the last line is there.
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByTestId('line-row').filter({ hasText: '100,000,000' }).waitFor();
    // Once the scrolling stops, every row in view is complete again.
    await expect.poll(() => page.locator('[data-testid="line-row"][data-light]').count()).toBe(0);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { maxRows, lightRows, scrolled, longTasks };
  });
  const most = (key: 'own' | 'wall') => tasks.reduce((m, t) => Math.max(m, t[key]), 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      importMs,
      scrolled,
      rowsAtTop,
      maxRowsWhileScrolling: maxRows,
      lightRowsWhileScrolling: lightRows,
      tasks: tasks.length,
      tracedMs: Math.round(Math.max(...tasks.map((t) => t.start + t.wall))),
      ownMsInAll: Math.round(tasks.reduce((m, t) => m + t.own, 0)),
      // The browser's own long-task entries (wall time), beside the trace's figures.
      longTasksObserved: longTasks.length,
      maxLongTaskObservedMs: Math.round(Math.max(0, ...longTasks)),
      tasksOver100msOwn: tasks.filter((t) => t.own > OWN_TASK_MS).length,
      tasksOver100msWall: tasks.filter((t) => t.wall > OWN_TASK_MS).length,
      maxOwnTaskMs: round(most('own')),
      maxWallTaskMs: round(most('wall')),
      mostOwnWork: [...tasks]
        .sort((a, b) => b.own - a.own)
        .slice(0, 5)
        .map((t) => ({ own: round(t.own), wall: round(t.wall), at: Math.round(t.start) })),
      load: loadavg().map((l) => l.toFixed(2)),
    }),
  );
  expect(scrolled).toBeGreaterThan(10_000); // the wheel really moved the grid (past some 300 lines)
  expect(maxRows).toBeLessThan(200);
  expect(rowsAtTop).toBeGreaterThan(5);
  expect(most('own')).toBeLessThanOrEqual(OWN_TASK_MS);
  expect(most('wall')).toBeLessThanOrEqual(WALL_TASK_MS);
});
