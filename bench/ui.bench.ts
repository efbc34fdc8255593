// The task pane's weight and start-up: the production bundle (first load and the chunks fetched later,
// minified and gzip), and the time from navigation to the first interactive page (Segments, its "New
// segment" button usable) in headless Chromium, against a bare React + Fluent page built the same way.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, removeProfile } from '../test/e2e/browser';
import { serveDist } from '../test/e2e/staticServer';
import { buildPage } from './buildPage';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const RUNS = 5;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function buildPane() {
  const r = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('the production build failed');
}

/** The scripts a page loads at once (its <script src> tags, without office.js). */
function initialScripts(dir: string, html: string): string[] {
  const page = readFileSync(join(dir, html), 'utf8');
  return [...page.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !s.startsWith('http'));
}

function sizes(dir: string, files: string[]) {
  let min = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    min += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { min, gz };
}

/** Median time (ms) from navigation start until the "New segment" button is visible and enabled, each run with a fresh profile. */
async function timeToInteractive(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await launch();
    try {
      await s.page.goto(url, { waitUntil: 'commit' });
      const button = s.page.getByTestId('new-segment');
      await button.waitFor({ state: 'visible' });
      await s.page.waitForFunction(() => {
        const b = document.querySelector('[data-testid="new-segment"]') as HTMLButtonElement | null;
        return b !== null && !b.disabled;
      });
      times.push(await s.page.evaluate(() => performance.now()));
    } finally {
      await s.close();
      removeProfile(s.profileDir);
    }
  }
  return times;
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const t0 = Date.now();
buildPane();
const buildSeconds = (Date.now() - t0) / 1000;
const first = initialScripts(dist, 'taskpane.html');
const all = readdirSync(dist).filter((f) => f.endsWith('.js') && !f.startsWith('commands'));
const later = all.filter((f) => !first.includes(f));
const firstSize = sizes(dist, first);
const laterSize = sizes(dist, later);
const biggestLater = later
  .map((f) => ({ f, ...sizes(dist, [f]) }))
  .sort((a, b) => b.gz - a.gz)
  .slice(0, 5);

const bareDir = mkdtempSync(join(tmpdir(), 'segments-bare-'));
await buildPage(bareDir, {
  root,
  name: 'bare',
  entry: './bench/bare/index.tsx',
  html: 'bare.html',
  template: './bench/bare/bare.html',
});
const bareFirst = initialScripts(bareDir, 'bare.html');
const bareSize = sizes(bareDir, bareFirst);

const pane = await serveDist(dist);
const bare = await serveDist(bareDir);
try {
  const paneTimes = await timeToInteractive(`${pane.url}/taskpane.html`);
  const bareTimes = await timeToInteractive(`${bare.url}/bare.html`);
  console.log(`production build: ${buildSeconds.toFixed(1)} s`);
  console.log(
    `first load (${first.join(', ')}): ${kb(firstSize.min)} minified, ${kb(firstSize.gz)} gzip (aim < 300 KiB gzip)`,
  );
  console.log(
    `loaded later (${later.length} chunks): ${kb(laterSize.min)} minified, ${kb(laterSize.gz)} gzip; largest: ${biggestLater.map((b) => `${b.f} ${kb(b.gz)}`).join(', ')}`,
  );
  console.log(`bare React + Fluent page: ${kb(bareSize.min)} minified, ${kb(bareSize.gz)} gzip`);
  console.log(
    `navigation → first interactive page, median of ${RUNS} cold starts: pane ${median(paneTimes).toFixed(0)} ms [${paneTimes.map((x) => x.toFixed(0)).join(', ')}], bare ${median(bareTimes).toFixed(0)} ms [${bareTimes.map((x) => x.toFixed(0)).join(', ')}], ratio ${(median(paneTimes) / median(bareTimes)).toFixed(2)}`,
  );
  if (firstSize.gz > 300 * 1024) {
    console.log('FIRST LOAD OVER 300 KiB gzip');
    process.exitCode = 1;
  }
} finally {
  await pane.close();
  await bare.close();
  rmSync(bareDir, { recursive: true, force: true });
}
