// Where the time from navigation to the first interactive page goes: a Chromium performance trace of a
// cold start (fresh profile) of the pane (dist/, the production build) and of the bare React page, broken
// down into the main thread's work (each script's compile and evaluation, tasks, style recalculation,
// layout, paint) and its waits (network, IndexedDB), in order.
//   npx tsx bench/navTrace.ts [runs]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, removeProfile } from '../test/e2e/browser';
import { servePages } from './pageServer';
import { buildBarePage } from './buildPage';
import { vlq } from './firstLoad';
import { MEASURE_INTERACTIVE, measureInteractive } from './interactive';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 3);

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const short = (u: unknown) =>
  String(u ?? '')
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/\.[0-9a-f]{8}\.js$/, '.js');

/** For a built script: (line, column) → its source file, through the source map. */
function sourceLookup(file: string): (line: number, col: number) => string {
  if (!existsSync(`${file}.map`)) return () => short(file);
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines: { col: number; source: number }[][] = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    let col = 0;
    const spans: { col: number; source: number }[] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v = vlq(seg);
      col += v[0];
      if (v.length >= 4) source += v[1];
      spans.push({ col, source });
    }
    lines.push(spans);
  }
  return (line, col) => {
    const spans = lines[line] ?? [];
    let found = spans[0];
    for (const sp of spans) if (sp.col <= col) found = sp;
    const src = found ? map.sources[found.source] : '?';
    const p = src.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
    return nm ? nm[1] : p.replace(/\?.*$/, '');
  };
}

/** The main thread's samples of the V8 profiler in [from, to], self time by source (package or file). */
function profileBySource(events: Ev[], pid: number | undefined, from: number, to: number, dir: string): string[] {
  const nodes = new Map<number, { url: string; line: number; col: number; fn: string }>();
  const self = new Map<string, number>();
  const lookups = new Map<string, (l: number, c: number) => string>();
  for (const e of events.filter((x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk'))) {
    const data = e.args?.data as
      | {
          startTime?: number;
          cpuProfile?: {
            nodes?: {
              id: number;
              callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
            }[];
            samples?: number[];
          };
          timeDeltas?: number[];
        }
      | undefined;
    if (!data) continue;
    for (const n of data.cpuProfile?.nodes ?? [])
      nodes.set(n.id, {
        url: n.callFrame.url ?? '',
        line: n.callFrame.lineNumber,
        col: n.callFrame.columnNumber,
        fn: n.callFrame.functionName,
      });
  }
  let t = 0;
  for (const e of events.filter((x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk'))) {
    const data = e.args?.data as
      { startTime?: number; cpuProfile?: { samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (!data) continue;
    if (e.name === 'Profile') t = data.startTime ?? e.ts;
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      t += deltas[i] ?? 0;
      if (t < from || t > to) return;
      const n = nodes.get(id);
      if (!n) return;
      let key = n.fn || '(program)';
      if (n.url.startsWith('http') && n.url.endsWith('.js')) {
        const file = join(dir, n.url.replace(/^https?:\/\/[^/]+\//, ''));
        if (existsSync(file)) {
          let look = lookups.get(file);
          if (!look) lookups.set(file, (look = sourceLookup(file)));
          key = look(n.line, n.col);
          if (key.startsWith('src/') || key === 'react-dom' || key === 'setTimeout') key += ` ${n.fn}`;
        } else key = short(n.url);
      }
      self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `  cpu  ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`);
}

async function traceOnce(url: string, dir: string, init?: string) {
  const s = await launch();
  try {
    await s.page.addInitScript(MEASURE_INTERACTIVE);
    if (init) await s.page.addInitScript(init);
    const cdp = await s.context.newCDPSession(s.page);
    const events: Ev[] = [];
    cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as Ev[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      // NAV_TRACE_LIGHT=1: the tasks and what they ran, without the sampling profiler and the detailed
      // timeline, whose own cost makes every task longer (to see which tasks are long untouched).
      categories: (process.env.NAV_TRACE_LIGHT
        ? [
            'toplevel',
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8.execute',
            'blink.user_timing',
            'loading',
            'navigation',
          ]
        : [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'v8.execute',
            'blink.user_timing',
            'loading',
            'navigation',
            'IndexedDB',
            'disabled-by-default-v8.cpu_profiler',
          ]
      ).join(','),
      transferMode: 'ReportEvents',
    });
    const measured = await measureInteractive(s.page, url);
    const at = measured.interactive;
    const marks = await s.page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`),
    );
    const origin = await s.page.evaluate(() => performance.timeOrigin);
    const rules = await s.page.evaluate(() => (window as unknown as { __rules?: { n: number; t: number } }).__rules);
    if (rules) marks.push(`insertRule×${rules.n} in ${rules.t.toFixed(1)} ms`);
    await cdp.send('Tracing.end');
    await done;
    return { at, measured, events, marks, origin, dir };
  } finally {
    await s.close();
    removeProfile(s.profileDir);
  }
}

function analyse(label: string, r: Awaited<ReturnType<typeof traceOnce>>) {
  const { events, at } = r;
  // The renderer's main thread: the one with the ParseHTML of the page.
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && short(e.args?.beginData && (e.args.beginData as { url: string }).url) !== '',
  );
  const main = events.filter((e) => parse && e.pid === parse.pid && e.tid === parse.tid);
  const navStart = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      parse &&
      e.pid === parse.pid &&
      (e.args?.data as { isLoadingMainFrame?: boolean })?.isLoadingMainFrame,
  );
  const t0 = navStart ? navStart.ts : Math.min(...main.map((e) => e.ts));
  const end = t0 + at * 1000;
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(4);
  const lines: string[] = [
    `${label}: button painted at ${r.measured.painted.toFixed(0)} ms, interactive at ${at.toFixed(0)} ms (long tasks after the paint: ${r.measured.longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ') || 'none'})`,
  ];
  // Network: each resource's request sent → finish.
  const sent = new Map<string, { url: string; ts: number }>();
  for (const e of events) {
    const d = e.args?.data as Record<string, unknown> | undefined;
    if (e.name === 'ResourceSendRequest' && d) sent.set(String(d.requestId), { url: String(d.url), ts: e.ts });
    if (e.name === 'ResourceFinish' && d) {
      const s = sent.get(String(d.requestId));
      if (s && !s.url.startsWith('chrome')) lines.push(`  net  ${ms(s.ts - t0)} → ${ms(e.ts - t0)}  ${short(s.url)}`);
    }
  }
  // The main thread's top-level tasks and what they hold.
  const tasks = main.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
      e.ts < end &&
      (e.dur ?? 0) > 1000,
  );
  const kids = main.filter(
    (e) => e.ph === 'X' && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= 500,
  );
  let busy = 0;
  for (const t of tasks) {
    busy += t.dur ?? 0;
    const inside = kids
      .filter((k) => k.ts >= t.ts && k.ts + (k.dur ?? 0) <= t.ts + (t.dur ?? 0))
      .filter((k) =>
        [
          'EvaluateScript',
          'v8.compile',
          'v8.compileModule',
          'FunctionCall',
          'ParseHTML',
          'Layout',
          'UpdateLayoutTree',
          'Paint',
          'TimerFire',
          'FireAnimationFrame',
          'v8.run',
          'EventDispatch',
          'ParseAuthorStyleSheet',
          'ScheduleStyleRecalculation',
          'RunMicrotasks',
          'v8.parseOnBackground',
          'V8.GCScavenger',
          'MajorGC',
          'MinorGC',
          'V8.GC_MC_BACKGROUND_EVACUATE_COPY',
        ].includes(k.name),
      )
      .map((k) => {
        const d = (k.args?.data ?? k.args?.beginData ?? {}) as Record<string, unknown>;
        const what = short(d.url ?? d.functionName ?? d.fileName ?? '');
        return `${k.name}${what ? `(${what}${d.functionName && d.url ? `:${String(d.functionName)}` : ''})` : ''} ${((k.dur ?? 0) / 1000).toFixed(1)}`;
      });
    lines.push(
      `  task ${ms(t.ts - t0)} +${((t.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${[...new Set(inside)].slice(0, 8).join(', ')}`,
    );
    // A task of 40 ms or more after the painted frame (a click would wait for it): what its time went to.
    if ((t.dur ?? 0) >= 40_000 && t.ts - t0 >= r.measured.painted * 1000)
      lines.push(
        ...profileBySource(events, main[0]?.pid, t.ts, t.ts + (t.dur ?? 0), r.dir)
          .slice(0, 10)
          .map((l) => `    ${l}`),
      );
  }
  lines.push('  where the main thread spent its time, from navigation:');
  lines.push(...profileBySource(events, main[0]?.pid, t0, end, r.dir));
  // From Office ready (office.js' mapping table evaluated) to the first interactive page.
  const ready = main.find(
    (e) =>
      e.name === 'EvaluateScript' &&
      short((e.args?.data as { url?: string })?.url).includes('o15apptofilemappingtable'),
  );
  if (ready) {
    lines.push(`  from Office ready (${ms(ready.ts - t0)} ms) to interactive:`);
    lines.push(...profileBySource(events, main[0]?.pid, ready.ts, end, r.dir));
  }
  lines.push(`  main thread busy ${(busy / 1000).toFixed(0)} ms of ${at.toFixed(0)} ms (tasks over 1 ms)`);
  if (r.marks.length) lines.push(`  marks: ${r.marks.join(' ')}`);
  return lines.join('\n');
}

const bareDir = mkdtempSync(join(tmpdir(), 'segments-bare-'));
await buildBarePage(root, bareDir);
/** BENCH_UI_DIST: another build of the pane to trace (an earlier tree's dist/). */
const paneDir = process.env.BENCH_UI_DIST ? resolve(process.env.BENCH_UI_DIST) : join(root, 'dist');
const pane = await servePages(paneDir);
const bare = await servePages(bareDir);
// Counts the style rules inserted before the first interactive frame (Griffel inserts each rule alone).
const countRules = `(() => {
  const ins = CSSStyleSheet.prototype.insertRule;
  let n = 0, t = 0;
  CSSStyleSheet.prototype.insertRule = function (...a) { const s = performance.now(); try { return ins.apply(this, a); } finally { n++; t += performance.now() - s; } };
  Object.defineProperty(window, '__rules', { get: () => ({ n, t }) });
})();`;
try {
  for (let i = 0; i < RUNS; i++) {
    const p = await traceOnce(`${pane.url}/taskpane.html`, paneDir, countRules);
    console.log(analyse(`pane run ${i + 1}`, p));
    const b = await traceOnce(`${bare.url}/bare.html`, bareDir, countRules);
    console.log(analyse(`bare run ${i + 1}`, b));
  }
} finally {
  await pane.close();
  await bare.close();
  rmSync(bareDir, { recursive: true, force: true });
}
