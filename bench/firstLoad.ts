// The task pane's first load: builds the production bundle (the project's webpack config, into a
// temporary folder) and measures every script the pane fetches before its first page is shown, in Excel
// in English (Excel starts on Segments): the entry taskpane.html loads, then what the entry fetches while
// the workspace opens (the shell with the start page, the catalogs of the user's
// language and of the host's pages). Each script minified and gzip, and what the scripts hold by module
// group (a package, or a folder of src/), measured on the minified output through its source map.
//   npx tsx bench/firstLoad.ts            writes the breakdown to bench/output/first-load.txt
//   npx tsx bench/firstLoad.ts --modules  prints the same with each file of src/ on its own line (kept in
//                                         bench/output/first-load-modules.txt)
//   npx tsx bench/firstLoad.ts --budget   fails (exit 1) when the first load is above the budget in
//                                         bench/first-load-budget.json (a check of `npm test`)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';

const root = resolve(import.meta.dirname, '..');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gzip = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** The chunks the entry fetches before the first page, in Excel in English (see Boot.tsx, catalogRegistry.ts). */
export const FIRST_PAGE_CHUNKS = ['shell', 'messages-en'];
/**
 * Not waited for by the first page (Boot.tsx): the host pages' messages, fetched at the same time, and the
 * workspace (the store, its schemas, the domain rules, the sync client), whose data the start page shows
 * when here, with the live queries (the store's database library: src/ui/common/useLiveQuery.ts) and the
 * lists' table (src/ui/common/ListTable.tsx), all fetched once the first page is painted.
 */
export const BESIDE_FIRST_PAGE_CHUNKS = [
  'workspace-zod',
  'workspace-domain',
  'workspace-rules',
  'workspace-store',
  'workspace',
  'live',
  'list-table',
  'messages-excel-en',
];

export interface Script {
  name: string;
  min: number;
  gz: number;
}
export interface FirstLoad {
  /** The entry script(s) taskpane.html loads. */
  entry: Script[];
  /** What the entry fetches before the first page (each file once). */
  fetched: Script[];
  /** What the entry fetches beside the first page, not waited for (not in the totals). */
  beside: Script[];
  /** All of it: the first load. */
  min: number;
  gz: number;
  /** By module group: minified bytes in the first load, and those bytes gzipped on their own. */
  groups: { name: string; min: number; gz: number }[];
}

/** The module group a source path belongs to: its npm package, or its folder under src/ (two levels). */
export function groupOf(path: string): string {
  const p = path
    .replace(/^webpack:\/\/[^/]*\//, '')
    .replace(/^\.\//, '')
    .replace(/\?.*$/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (nm) return nm[1];
  const parts = p.split('/');
  if (parts[0] === 'src') return parts.slice(0, Math.min(3, parts.length - 1)).join('/') || p;
  return p.startsWith('webpack/') ? 'webpack runtime' : p;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 VLQ values of one source-map segment. */
export function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const d = B64.indexOf(ch);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The text of a minified script by source file, through its source map (version 3): each mapped span of
 * the output goes to its source; spans without a source go to "(webpack glue)".
 */
export function textBySource(code: string, map: { sources: string[]; mappings: string }): Map<string, string[]> {
  const bySource = new Map<string, string[]>();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    let col = 0;
    const spans: { col: number; source?: number }[] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v = vlq(seg);
      col += v[0];
      if (v.length >= 4) {
        source += v[1];
        spans.push({ col, source });
      } else spans.push({ col });
    }
    spans.forEach((s, j) => {
      const end = j + 1 < spans.length ? spans[j + 1].col : text.length;
      const name = s.source === undefined ? '(webpack glue)' : map.sources[s.source];
      const list = bySource.get(name) ?? [];
      list.push(text.slice(s.col, end));
      bySource.set(name, list);
    });
  });
  return bySource;
}

export async function measureFirstLoad(group: (source: string) => string = groupOf): Promise<FirstLoad> {
  const out = mkdtempSync(join(tmpdir(), 'segments-first-load-'));
  try {
    const configOf = (await import(join(root, 'webpack.config.js'))).default as (
      env: unknown,
      argv: { mode: string },
    ) => Promise<Configuration>;
    const config = await configOf({}, { mode: 'production' });
    const compiler = webpack({
      ...config,
      devtool: 'source-map',
      output: { ...config.output, path: out },
    });
    const stats = await new Promise<webpack.Stats>((ok, fail) =>
      compiler.run((err, s) => (err || !s || s.hasErrors() ? fail(err ?? new Error(s?.toString())) : ok(s))),
    );
    await new Promise<void>((ok) => compiler.close(() => ok()));
    const { compilation } = stats;
    const entryGroup = compilation.entrypoints.get('taskpane');
    if (!entryGroup) throw new Error('the build has no taskpane entry');
    const sized = (name: string): Script => {
      const buf = readFileSync(join(out, name));
      return { name, min: buf.length, gz: gzip(buf) };
    };
    const js = (files: Iterable<string>) => [...files].filter((n) => n.endsWith('.js'));
    // Every script taskpane.html loads itself: the entry, and the start script that asks for the messages.
    const page = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const pageScripts = [...page.matchAll(/<script[^>]*src="?([^" >]+)"?/g)]
      .map((m) => m[1])
      .filter((f) => !f.startsWith('http'));
    const entry = [...new Set([...pageScripts, ...js(entryGroup.getFiles())])].map(sized);
    const seen = new Set(entry.map((f) => f.name));
    const fetched: Script[] = [];
    for (const name of FIRST_PAGE_CHUNKS) {
      const group = compilation.namedChunkGroups.get(name);
      if (!group) throw new Error(`the build has no chunk named ${name}`);
      for (const f of js(group.getFiles()))
        if (!seen.has(f)) {
          seen.add(f);
          fetched.push(sized(f));
        }
    }
    const beside: Script[] = [];
    const besideSeen = new Set(seen);
    for (const name of BESIDE_FIRST_PAGE_CHUNKS) {
      const group = compilation.namedChunkGroups.get(name);
      if (!group) throw new Error(`the build has no chunk named ${name}`);
      for (const f of js(group.getFiles()))
        if (!besideSeen.has(f)) {
          besideSeen.add(f);
          beside.push(sized(f));
        }
    }
    const texts = new Map<string, string[]>();
    for (const f of seen) {
      const code = readFileSync(join(out, f), 'utf8');
      if (!existsSync(join(out, `${f}.map`))) {
        // The start script is written by the build as it is (webpack.config.js), without a source map.
        const g = group('webpack.config.js (start script)');
        texts.set(g, [...(texts.get(g) ?? []), code]);
        continue;
      }
      const map = JSON.parse(readFileSync(join(out, `${f}.map`), 'utf8')) as { sources: string[]; mappings: string };
      for (const [source, parts] of textBySource(code, map)) {
        const g = group(source);
        texts.set(g, [...(texts.get(g) ?? []), ...parts]);
      }
    }
    const groups = [...texts.entries()]
      .map(([name, parts]) => {
        const text = parts.join('');
        return { name, min: Buffer.byteLength(text), gz: gzip(text) };
      })
      .sort((a, b) => b.min - a.min);
    const all = [...entry, ...fetched];
    return {
      entry,
      fetched,
      beside,
      groups,
      min: all.reduce((s, f) => s + f.min, 0),
      gz: all.reduce((s, f) => s + f.gz, 0),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const shortName = (f: string) => f.replace(/\.[0-9a-f]{8}\.js$/, '.js');

export function report(r: FirstLoad): string {
  const lines = [
    'First load of the task pane (taskpane.html), production build, in Excel in English',
    `Total: ${kib(r.gz)} gzip (level 9, each script on its own), ${kib(r.min)} minified, in ${r.entry.length + r.fetched.length} scripts.`,
    "Loaded by taskpane.html (the start script asks for the messages of the browser's language at once):",
    ...r.entry.map((f) => `  ${shortName(f.name)}: ${kib(f.gz)} gzip, ${kib(f.min)} minified`),
    `Fetched by the entry before the first page (${FIRST_PAGE_CHUNKS.join(', ')}):`,
    ...r.fetched.map((f) => `  ${shortName(f.name)}: ${kib(f.gz)} gzip, ${kib(f.min)} minified`),
    `Not waited for by the first page (${BESIDE_FIRST_PAGE_CHUNKS.join(', ')}):`,
    'the store with Dexie and its live queries, zod and the domain rules, the sync client, fetched once the',
    "first page is painted and evaluated in parts, and the host pages' messages; the start page shows its",
    'list when they are here. Not in the total:',
    `  ${kib(r.beside.reduce((n, f) => n + f.gz, 0))} gzip in ${r.beside.length} scripts (${r.beside.map((f) => `${shortName(f.name)} ${kib(f.gz)}`).join(', ')})`,
    '',
    'By module group (a package, or a folder of src/), over all the scripts above: "minified" is the bytes',
    'of the minified output that come from the group (through the source maps, so after tree shaking);',
    '"gzip alone" is those bytes gzipped on their own, a guide to what leaving the group out would save',
    "(the groups' figures add up to more than the total: one gzip stream per script shrinks them together).",
    '',
  ];
  const head = ['group', 'minified', 'gzip alone', 'share'];
  const total = r.groups.reduce((s, g) => s + g.min, 0);
  const rows = r.groups.map((g) => [g.name, kib(g.min), kib(g.gz), `${((100 * g.min) / total).toFixed(1)} %`]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return `${lines.join('\n')}\n`;
}

/** The budget check: the first load (gzip KiB) within the budget file's, and never above the goal. */
export function withinBudget(
  r: Pick<FirstLoad, 'gz'>,
  budget: { firstLoadGzipKiB: number; goalKiB: number; goalEnforced: boolean },
) {
  const limit = budget.goalEnforced ? Math.min(budget.firstLoadGzipKiB, budget.goalKiB) : budget.firstLoadGzipKiB;
  return { ok: r.gz / 1024 <= limit, limit };
}

/** By source file instead of by group (`--modules`): what to take off the start path next. */
const byFile = (source: string) => {
  const g = groupOf(source);
  return g.startsWith('src/') ? source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '') : g;
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = await measureFirstLoad(process.argv.includes('--modules') ? byFile : groupOf);
  if (process.argv.includes('--budget')) {
    const budget = JSON.parse(readFileSync(join(root, 'bench', 'first-load-budget.json'), 'utf8')) as {
      firstLoadGzipKiB: number;
      goalKiB: number;
      goalEnforced: boolean;
      besideGzipKiB: number;
    };
    const { ok, limit } = withinBudget(r, budget);
    console.log(
      `first load ${kib(r.gz)} gzip (entry and what it fetches before the first page), budget ${limit} KiB: ${ok ? 'within' : 'OVER'}`,
    );
    const beside = r.beside.reduce((n, f) => n + f.gz, 0);
    const besideOk = beside / 1024 <= budget.besideGzipKiB;
    console.log(
      `beside the first page ${kib(beside)} gzip (the workspace's code, fetched once it is painted), budget ${budget.besideGzipKiB} KiB: ${besideOk ? 'within' : 'OVER'}`,
    );
    if (!ok || !besideOk) {
      console.log(report(r));
      process.exit(1);
    }
  } else if (process.argv.includes('--modules')) {
    console.log(report(r));
  } else {
    mkdirSync(join(root, 'bench', 'output'), { recursive: true });
    const file = join(root, 'bench', 'output', 'first-load.txt');
    writeFileSync(file, report(r));
    console.log(report(r));
  }
}
