// The built task pane (dist/) as static files: GET and HEAD only, never outside the folder, source maps
// only when asked for. Text files are sent compressed (Brotli, else gzip) to a browser that accepts it:
// the pane's first load is about 480 KiB of scripts, a third of that compressed. Each file is compressed
// once, off the event loop, and kept while it does not change.
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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

/** Worth compressing: text, and more than a packet's worth of it. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.xml', '.map', '.json', '.txt']);
export const MIN_COMPRESSED_BYTES = 1024;
/**
 * Brotli's quality 5: within 10 % of its best on the pane's scripts at a fortieth of the time (about 10 ms
 * for the 280 KiB entry, against 400 ms at quality 11), so a file's first request does not wait long.
 */
const BROTLI_QUALITY = 5;

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for a request's Accept-Encoding: Brotli, else gzip, else none. A coding given
 * q=0 is refused; `*` stands for both.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp === undefined ? 1 : Number(qp.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** How the server compresses a file for each coding (the start-up bench serves its pages the same way). */
export const compressWith: Record<ContentEncoding, (b: Buffer) => Promise<Buffer>> = {
  br: (b) =>
    promisify(brotliCompress)(b, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (b) => promisify(gzip)(b, { level: 6 }),
};

interface Kept {
  mtimeMs: number;
  size: number;
  bodies: Partial<Record<ContentEncoding, Promise<Buffer>>>;
}

/** `sourceMaps`: serve the .map files too (`--source-maps`); by default they stay on the server. */
export function serveStatic(
  folder: string,
  opts: { sourceMaps?: boolean } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(folder);
  const kept = new Map<string, Kept>();

  /** The file compressed with `encoding`, compressed once per version of the file (undefined if it fails). */
  function compressed(file: string, stat: Stats, encoding: ContentEncoding): Promise<Buffer | undefined> {
    let k = kept.get(file);
    if (!k || k.mtimeMs !== stat.mtimeMs || k.size !== stat.size) {
      k = { mtimeMs: stat.mtimeMs, size: stat.size, bodies: {} };
      kept.set(file, k);
    }
    const body = (k.bodies[encoding] ??= readFile(file).then(compressWith[encoding]));
    return body.catch(() => {
      // Not kept: the next request tries again, this one is sent as it is.
      if (kept.get(file) === k) delete k.bodies[encoding];
      return undefined;
    });
  }

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
    if (hidden || !file.startsWith(root + sep) || !existsSync(file)) return notFound(res);
    const stat = statSync(file);
    if (!stat.isFile()) return notFound(res);
    const type = extname(file);
    const headers: Record<string, string | number> = {
      'content-type': types[type] ?? 'application/octet-stream',
      'cache-control': type === '.html' ? 'no-cache' : 'public, max-age=3600',
    };
    const plain = () => {
      res.writeHead(200, { ...headers, 'content-length': stat.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    if (!COMPRESSIBLE.has(type) || stat.size < MIN_COMPRESSED_BYTES) return plain();
    headers.vary = 'accept-encoding';
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return plain();
    void compressed(file, stat, encoding).then((body) => {
      if (!body) return plain();
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}
