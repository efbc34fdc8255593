import { expect, test } from 'vitest';
import { launch, removeProfile, type BrowserSession } from './browser';
import { join } from 'node:path';
import { screenshotDir } from './paneDriver';
import { usePaneSession } from './paneSession';

const pane = usePaneSession();

/** A browser of its own in `locale` (a fresh profile) for one test, closed and removed after it. */
async function inBrowser(locale: string, use: (s: BrowserSession) => Promise<void>): Promise<void> {
  const s = await launch(undefined, locale);
  try {
    await use(s);
  } finally {
    await s.close();
    removeProfile(s.profileDir);
  }
}

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

// Each language's messages are their own chunk: the pane fetches only the user's at start, shows its
// first page in that language from the first frame (never the other one's words first), and fetches the
// other language when the user switches to it.
for (const [language, locale, other, title, otherTitle, switchTo] of [
  ['en', 'en-US', 'it', 'Segments', 'Segmenti', 'Italiano'],
  ['it', 'it-IT', 'en', 'Segmenti', 'Segments', 'English'],
] as const) {
  test(`started in ${locale}, the pane speaks ${language} from its first frame and fetches only its messages`, async () => {
    await inBrowser(locale, async (s) => {
      const scripts: string[] = [];
      s.page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      // Every title and menu label the page ever shows, recorded from the start.
      await s.page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { seenTexts: string[] }).seenTexts = seen;
        new MutationObserver(() => {
          const title = document.querySelector('[data-testid="page-title"]')?.textContent;
          const menu = document.querySelector('[data-testid^="nav-menu"]')?.getAttribute('aria-label');
          for (const text of [title, menu]) if (text && seen[seen.length - 1] !== text) seen.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await s.page.goto(pane.url);
      await s.page.getByTestId('page-title').filter({ hasText: title }).waitFor();
      await s.page.getByTestId('nav-menu').waitFor();
      await s.page.screenshot({ path: join(screenshotDir, `boot-${language}-first-page.png`) });
      const seen = await s.page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
      expect(seen).toContain(title);
      expect(seen).toContain(language === 'en' ? 'Pages' : 'Pagine');
      expect(seen.filter((t) => t === otherTitle || t === (language === 'en' ? 'Pagine' : 'Pages'))).toEqual([]);
      const messages = () => scripts.map((u) => /\/(messages-[a-z-]+)\./.exec(u)?.[1]).filter(Boolean);
      expect(messages()).toContain(`messages-${language}`);
      expect(messages().some((m) => m!.endsWith(`-${other}`))).toBe(false);

      // Switching fetches the other language and the pane then speaks it.
      await s.page.getByTestId('nav-menu').click();
      await s.page.getByRole('menuitemradio', { name: switchTo }).click();
      await s.page
        .getByTestId('page-title')
        .filter({ hasText: new RegExp(`^${otherTitle}$`) })
        .waitFor();
      expect(messages()).toContain(`messages-${other}`);
    });
  });
}

// A page whose code cannot be fetched (the connection dropped, or the server was updated and its parts now
// have other names) leaves the header, the menu and the status in place and says so in the user's words,
// with the way on; before, the whole pane went blank. Another page opens as usual afterwards.
test('a page whose code cannot be fetched says so, and the pane goes on', async () => {
  await inBrowser('it-IT', async (s) => {
    await s.context.route(/\/saved\.[0-9a-f]+\.js$/, (r) => r.abort('connectionrefused'));
    await s.page.goto(pane.url);
    await s.page.getByTestId('new-segment').waitFor();
    await s.page.getByTestId('nav-menu').click();
    await s.page.getByRole('menuitem', { name: 'Criteri segmento salvati' }).click();
    const bar = s.page.getByTestId('page-failed');
    await bar.waitFor();
    expect(await bar.textContent()).toMatch(/^Impossibile caricare questa parte del riquadro: /);
    expect(await bar.textContent()).not.toMatch(/chunk|saved\.|https?:/i);
    await s.page.getByRole('button', { name: 'Riapri il riquadro' }).waitFor();
    await s.page.screenshot({ path: join(screenshotDir, 'boot-it-page-failed.png') });
    // Try again while the code still cannot be fetched: the same words, no reload; once it can, the page.
    await s.page.getByRole('button', { name: 'Riprova' }).click();
    await bar.waitFor();
    await s.context.unroute(/\/saved\.[0-9a-f]+\.js$/);
    await s.page.getByRole('button', { name: 'Riprova' }).click();
    await bar.waitFor({ state: 'detached' });
    await s.page.getByRole('heading', { name: 'Criteri segmento salvati' }).waitFor();
    await s.page.getByTestId('nav-menu').click();
    await s.page.getByRole('menuitem', { name: 'Segmenti', exact: true }).click();
    await s.page.getByTestId('new-segment').waitFor();
    expect(await bar.count()).toBe(0);
  });
});

// The pages menu comes after the first frame: should its code not arrive, the pane says so with the way
// on, in place of the shell, instead of going blank.
test("the pages menu's code not fetched: the pane says so instead of going blank", async () => {
  await inBrowser('en-US', async (s) => {
    await s.context.route(/\/nav-menu\.[0-9a-f]+\.js$/, (r) => r.abort('connectionrefused'));
    await s.page.goto(pane.url);
    const bar = s.page.getByTestId('page-failed');
    await bar.waitFor();
    expect(await bar.textContent()).toMatch(/^This part of the pane could not be loaded: /);
    await s.page.getByRole('button', { name: 'Reopen the pane' }).waitFor();
  });
});
