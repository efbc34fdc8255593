// A page of the benches built as the pane is: webpack in production mode, TypeScript through ts-loader,
// one entry and its HTML page (the bare React page of the UI bench, the engine page of the browser bench).
import { rmSync } from 'node:fs';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { launch, removeProfile } from '../test/e2e/browser';
import { serveDist } from '../test/e2e/staticServer';

export async function buildPage(
  out: string,
  page: {
    root: string;
    name: string;
    entry: string;
    html: string;
    template: string;
    /** Module names resolved to another file. */
    alias?: Record<string, string>;
    /** false keeps readable names in a profile. */
    minimize?: boolean;
  },
): Promise<void> {
  const compiler = webpack({
    mode: 'production',
    context: page.root,
    entry: { [page.name]: page.entry },
    output: { path: out, filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], alias: page.alias },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    optimization: { minimize: page.minimize ?? true },
    plugins: [new HtmlWebpackPlugin({ filename: page.html, template: page.template })],
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString())) : ok())),
  );
  await new Promise<void>((ok) => compiler.close(() => ok()));
}

/** The reference for the pane's start: the bare React + Fluent page (bench/bare), built as the pane is. */
export function buildBarePage(root: string, dir: string): Promise<void> {
  return buildPage(dir, {
    root,
    name: 'bare',
    entry: './bench/bare/index.tsx',
    html: 'bare.html',
    template: './bench/bare/bare.html',
  });
}

/**
 * Serves a built page (index.html) and opens it in headless Chromium, its `bench:` lines echoed with the
 * seconds since `started`; once the page has its `entry` function, `run` measures. Then the browser, its
 * profile, the server and the build are removed.
 */
export async function runBenchPage(
  out: string,
  started: number,
  entry: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const server = await serveDist(out);
  const session = await launch();
  try {
    session.page.on('console', (msg) => {
      if (msg.text().startsWith('bench:'))
        console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s ${msg.text()}`);
    });
    session.page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await session.page.goto(`${server.url}/index.html`);
    await session.page.waitForFunction(
      (name) => typeof (window as unknown as Record<string, unknown>)[name] === 'function',
      entry,
    );
    await run(session.page);
  } finally {
    await session.close();
    removeProfile(session.profileDir);
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
