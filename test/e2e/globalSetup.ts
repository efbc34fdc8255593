// Builds the production task pane once before the browser suites.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.SEGMENTS_SKIP_BUILD === '1') return;
  const r = spawnSync('npx', ['webpack', '--mode', 'production'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the production build failed');
}
