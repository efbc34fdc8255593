// Builds the add-in's server (src/server) into dist/server/main.js for Node, so that a production install
// (`npm ci --omit=dev`) runs it without tsx: the project's own code is bundled, every package stays an
// import resolved from node_modules at run time (pg, PGlite; webpack only for the dev pane, never loaded
// by the built server).
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const root = dirname(fileURLToPath(import.meta.url));

export default () => ({
  mode: 'production',
  target: 'node20',
  context: root,
  devtool: 'source-map',
  entry: { main: './src/server/main.ts' },
  experiments: { outputModule: true },
  output: {
    path: resolve(root, 'dist', 'server'),
    filename: '[name].js',
    module: true,
    chunkFormat: 'module',
    library: { type: 'module' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js', '.mjs'] },
  module: {
    rules: [
      { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
    ],
    parser: { javascript: { importMeta: false } },
  },
  externalsType: 'module',
  externals: [
    ({ request }, callback) => {
      // Packages (and the dev pane's webpack configuration) are imported at run time, not bundled.
      if (request && (/^[@a-z]/i.test(request) || /webpack\.config\.js$/.test(request)))
        return callback(undefined, request.startsWith('node:') ? `node-commonjs ${request}` : request);
      return callback();
    },
  ],
  optimization: { minimize: false },
  performance: { hints: false },
  // The built server serves the built pane (dist/) unless told otherwise.
  plugins: [new webpack.DefinePlugin({ 'process.env.SEGMENTS_SERVER_BUILD': JSON.stringify('dist') })],
});
