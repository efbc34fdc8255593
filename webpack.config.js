// Builds the task pane (and the ribbon's function file) into dist/, with the manifest and the icons.
// `webpack serve` is the bare HTTPS dev server on port 3000 with the Office developer certificates.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { httpsOptions } from './scripts/certs.mjs';

const root = dirname(fileURLToPath(import.meta.url));
export const devPort = Number(process.env.PORT ?? 3000);

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
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
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
      }),
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
