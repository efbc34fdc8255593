// The built task pane (dist/) as static files: GET and HEAD only, never outside the folder, source maps
// only when asked for.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** `sourceMaps`: serve the .map files too (`--source-maps`); by default they stay on the server. */
export function serveStatic(
  folder: string,
  opts: { sourceMaps?: boolean } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(folder);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname));
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const file = join(root, path === sep || path === '/' ? 'taskpane.html' : path);
    const hidden = !opts.sourceMaps && extname(file) === '.map';
    if (hidden || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const html = extname(file) === '.html';
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': html ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
