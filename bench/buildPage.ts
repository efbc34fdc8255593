// A page of the benches built as the pane is: webpack in production mode, TypeScript through ts-loader,
// one entry and its HTML page (the bare React page of the UI bench, the engine page of the browser bench).
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

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
