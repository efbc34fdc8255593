// Real Chromium (Debian's) driven by playwright-core, with office.js answered from the local
// @microsoft/office-js package instead of Microsoft's CDN (no internet here).
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/system-requirements.mjs';

const officeDist = resolve('node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}

/** A browser with its own profile folder (so its IndexedDB is its own and survives a restart). */
export async function launch(
  profileDir = mkdtempSync(join(tmpdir(), 'segments-profile-')),
  locale = 'en-US',
): Promise<BrowserSession> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    locale,
    viewport: { width: 320, height: 800 }, // the narrowest task pane
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route(`${CDN}**`, (route) => {
    const rel = normalize(route.request().url().slice(CDN.length).split('?')[0]);
    const file = join(officeDist, rel);
    if (!file.startsWith(officeDist) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'application/javascript', body: readFileSync(file) });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    async close() {
      await context.close();
    },
  };
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type { Browser };
