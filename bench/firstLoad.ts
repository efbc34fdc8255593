// The task pane's first load: builds the production bundle (the project's webpack config, into a
// temporary folder) and measures what taskpane.html loads at once: its scripts, minified and gzip, and
// what they hold by module group (a package, or a folder of src/).
//   npx tsx bench/firstLoad.ts            writes the breakdown to bench/output/first-load.txt
//   npx tsx bench/firstLoad.ts --budget   fails (exit 1) when the first load is above the budget in
//                                         bench/first-load-budget.json (a check of `npm test`)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration, type Module } from 'webpack';

const root = resolve(import.meta.dirname, '..');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export interface FirstLoad {
  files: { name: string; min: number; gz: number }[];
  min: number;
  gz: number;
  /** The shell's chunk(s), fetched by the entry while the workspace opens: needed for the first page. */
  shell: { name: string; min: number; gz: number }[];
  groups: { name: string; modules: number; source: number; gz: number }[];
}

/** The module group a source path belongs to: its npm package, or its folder under src/ (two levels). */
export function groupOf(path: string): string {
  const p = path.replace(/^\.\//, '').replace(/ \+ \d+ modules$/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (nm) return nm[1];
  const parts = p.split('/');
  return parts[0] === 'src'
    ? parts.slice(0, Math.min(3, parts.length - 1)).join('/') || p
    : p.startsWith('webpack/')
      ? 'webpack runtime'
      : p;
}

export async function measureFirstLoad(): Promise<FirstLoad> {
  const out = mkdtempSync(join(tmpdir(), 'segments-first-load-'));
  try {
    const configOf = (await import(join(root, 'webpack.config.js'))).default as (
      env: unknown,
      argv: { mode: string },
    ) => Promise<Configuration>;
    const config = await configOf({}, { mode: 'production' });
    const compiler = webpack({ ...config, devtool: false, output: { ...config.output, path: out } });
    const stats = await new Promise<webpack.Stats>((ok, fail) =>
      compiler.run((err, s) => (err || !s || s.hasErrors() ? fail(err ?? new Error(s?.toString())) : ok(s))),
    );
    await new Promise<void>((ok) => compiler.close(() => ok()));
    const { compilation } = stats;
    const entry = compilation.entrypoints.get('taskpane');
    if (!entry) throw new Error('the build has no taskpane entry');
    const sized = (name: string) => {
      const buf = readFileSync(join(out, name));
      return { name, min: buf.length, gz: gzipSync(buf, { level: 9 }).length };
    };
    const files = [...entry.getFiles()].filter((n) => n.endsWith('.js')).map(sized);
    const shellGroup = compilation.namedChunkGroups.get('shell');
    if (!shellGroup) throw new Error('the build has no shell chunk');
    const shell = [...shellGroup.getFiles()]
      .filter((n) => n.endsWith('.js') && !files.some((f) => f.name === n))
      .map(sized);
    const byGroup = new Map<string, { modules: number; source: number; text: string[] }>();
    const add = (m: Module) => {
      const inner = (m as Module & { modules?: Iterable<Module> }).modules;
      if (inner) {
        for (const i of inner) add(i);
        return;
      }
      const name = groupOf(
        relative(root, m.nameForCondition() ?? m.identifier())
          .split(sep)
          .join('/'),
      );
      const g = byGroup.get(name) ?? { modules: 0, source: 0, text: [] };
      g.modules++;
      g.source += m.size();
      const src = m.originalSource()?.source();
      g.text.push(typeof src === 'string' ? src : (src?.toString() ?? ''));
      byGroup.set(name, g);
    };
    for (const chunk of entry.chunks) for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(m);
    const groups = [...byGroup.entries()]
      .map(([name, g]) => ({
        name,
        modules: g.modules,
        source: g.source,
        gz: gzipSync(g.text.join('\n'), { level: 9 }).length,
      }))
      .sort((a, b) => b.source - a.source);
    return { files, shell, min: files.reduce((s, f) => s + f.min, 0), gz: files.reduce((s, f) => s + f.gz, 0), groups };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function report(r: FirstLoad): string {
  const lines = [
    'First load of the task pane (taskpane.html), production build',
    `Total: ${kib(r.gz)} gzip (level 9), ${kib(r.min)} minified, in ${r.files.length} script(s):`,
    ...r.files.map(
      (f) => `  ${f.name.replace(/\.[0-9a-f]{8}\.js$/, '.js')}: ${kib(f.gz)} gzip, ${kib(f.min)} minified`,
    ),
    `Fetched by the entry while the workspace opens (the shell, the start page, the catalogs), before the first page:`,
    ...r.shell.map(
      (f) => `  ${f.name.replace(/\.[0-9a-f]{8}\.js$/, '.js')}: ${kib(f.gz)} gzip, ${kib(f.min)} minified`,
    ),
    `Entry and shell together: ${kib(r.gz + r.shell.reduce((s, f) => s + f.gz, 0))} gzip (separate streams).`,
    'The breakdown below is of the entry script.',
    '',
    'By module group (a package, or a folder of src/). "source" is the size webpack reports for the modules',
    'before minification; "gzip alone" is that source gzipped on its own, a guide to each group\'s weight',
    "(the groups' figures do not add up to the total: minification and one shared gzip stream shrink them).",
    '',
  ];
  const head = ['group', 'modules', 'source', 'gzip alone', 'share of source'];
  const total = r.groups.reduce((s, g) => s + g.source, 0);
  const rows = r.groups.map((g) => [
    g.name,
    String(g.modules),
    kib(g.source),
    kib(g.gz),
    `${((100 * g.source) / total).toFixed(1)} %`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = await measureFirstLoad();
  if (process.argv.includes('--budget')) {
    const { gzipKiB, firstPageGzipKiB } = JSON.parse(
      readFileSync(join(root, 'bench', 'first-load-budget.json'), 'utf8'),
    ) as { gzipKiB: number; firstPageGzipKiB: number };
    const firstPage = r.gz + r.shell.reduce((s, f) => s + f.gz, 0);
    const ok = r.gz / 1024 <= gzipKiB && firstPage / 1024 <= firstPageGzipKiB;
    console.log(
      `first load ${kib(r.gz)} gzip, budget ${gzipKiB} KiB; with the shell ${kib(firstPage)}, budget ${firstPageGzipKiB} KiB: ${ok ? 'within' : 'OVER'}`,
    );
    if (!ok) {
      console.log(report(r));
      process.exit(1);
    }
  } else {
    mkdirSync(join(root, 'bench', 'output'), { recursive: true });
    const file = join(root, 'bench', 'output', 'first-load.txt');
    writeFileSync(file, report(r));
    console.log(report(r));
  }
}
