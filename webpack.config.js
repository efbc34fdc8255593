// Builds the task pane (and the ribbon's function file) into dist/, with the manifest and the icons.
// `webpack serve` is the bare HTTPS dev server on port 3000 with the Office developer certificates.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { httpsOptions } from './scripts/certs.mjs';
import { startMessagesScript } from './scripts/start-messages.mjs';

const root = dirname(fileURLToPath(import.meta.url));
export const devPort = Number(process.env.PORT ?? 3000);

/**
 * The chunks taskpane.html has the browser fetch at once, beside the entry script, while office.js starts:
 * the shell with its start page (in any language). The entry asks for them too (src/taskpane/Boot.tsx),
 * so without these links only the start is later.
 */
export const PRELOADED_CHUNKS = ['shell'];
/**
 * `<link rel="preload">` in taskpane.html for the scripts of PRELOADED_CHUNKS. The workspace's chunks are
 * not announced so: `prefetch` goes through the HTTP cache, which a server with an untrusted certificate
 * (the tests' and the bench's) does not fill, so they were fetched twice, competing with the first page.
 */
class PreloadStartChunks {
  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadStartChunks', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadStartChunks', (data) => {
        if (data.outputName !== 'taskpane.html') return data;
        const files = new Set();
        for (const name of PRELOADED_CHUNKS) {
          const group = compilation.namedChunkGroups.get(name);
          if (!group) throw new Error(`the build has no chunk named ${name}`);
          for (const f of group.getFiles()) if (f.endsWith('.js')) files.add(f);
        }
        const links = [...files].map((f) => ({
          tagName: 'link',
          voidTag: true,
          attributes: { rel: 'preload', as: 'script', href: `${data.publicPath}${f}` },
          meta: { plugin: 'PreloadStartChunks' },
        }));
        return { ...data, headTags: [...data.headTags, ...links] };
      });
    });
  }
}

/**
 * Griffel's build-time transform. To resolve a style it evaluates the module and what the style imports
 * (Fluent's tokens, the pane's own helpers such as visuallyHidden); the pane's modules are TypeScript, so
 * each is turned into JavaScript by TypeScript itself before Griffel's evaluator reads it.
 */
const require = createRequire(import.meta.url);
const { shakerEvaluator } = require('@griffel/babel-preset');
const ts = require('typescript');
function typeScriptEvaluator(filename, options, text, only) {
  const js = /\.tsx?$/.test(filename)
    ? ts.transpileModule(text, {
        fileName: filename,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.ReactJSX,
          verbatimModuleSyntax: false,
        },
      }).outputText
    : text;
  return shakerEvaluator(filename, options, js, only);
}
const griffelOptions = {
  evaluationRules: [{ action: typeScriptEvaluator }, { test: /[/\\]node_modules[/\\]/, action: 'ignore' }],
};

/**
 * The pane's messages of the likely language (the browser's: Office's display language usually is the
 * system's) asked for by taskpane.html itself, as soon as the page starts, instead of when the entry
 * script has arrived and starts: a tiny script of its own (scripts/start-messages.mjs; `async`, so it runs
 * as soon as it is here, while office.js and the entry are still on their way) adds a `<link rel="preload">`
 * for that language's chunk only. The entry asks for the same chunk again (src/taskpane/startChunks.ts)
 * and gets the preloaded one.
 */
export const START_MESSAGES = { en: 'messages-en', it: 'messages-it' };
class PreloadStartMessages {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.compilation.tap('PreloadStartMessages', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadStartMessages', (data) => {
        if (data.outputName !== 'taskpane.html') return data;
        const file = (name) => {
          const f = compilation.namedChunkGroups
            .get(name)
            ?.getFiles()
            .find((x) => x.endsWith('.js'));
          if (!f) throw new Error(`the build has no chunk named ${name}`);
          return `${data.publicPath}${f}`;
        };
        const code = startMessagesScript({ en: file(START_MESSAGES.en), it: file(START_MESSAGES.it) });
        const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
        const name = `start.${hash}.js`;
        compilation.emitAsset(name, new RawSource(code));
        const tag = {
          tagName: 'script',
          voidTag: false,
          attributes: { async: true, src: `${data.publicPath}${name}` },
          meta: { plugin: 'PreloadStartMessages' },
        };
        return { ...data, headTags: [tag, ...data.headTags] };
      });
    });
  }
}

export default async (_env, argv) => {
  const production = argv.mode === 'production';
  const serving = process.argv.includes('serve');
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    context: root,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: resolve(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run last to first: TypeScript to JavaScript, then (production) Griffel resolves each
          // makeStyles/makeResetStyles of the pane into its class names and CSS rules at build time, so the
          // pane does not compute them when it starts.
          use: [
            ...(production ? [{ loader: '@griffel/webpack-loader', options: griffelOptions }] : []),
            { loader: 'ts-loader', options: { transpileOnly: true } },
          ],
        },
        // `…/messages?lang=it`: the catalog in one language only (src/taskpane/catalogRegistry.ts fetches the user's).
        {
          test: /\.tsx?$/,
          resourceQuery: /(^\?|&)lang=/,
          enforce: 'pre',
          use: { loader: resolve(root, 'scripts', 'catalog-loader.mjs') },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: false, // the template places the scripts: before office.js
      }),
      new PreloadStartChunks(),
      ...(production ? [new PreloadStartMessages()] : []),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: devPort,
          hot: false,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          static: false,
        }
      : undefined,
  };
};
