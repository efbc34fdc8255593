// The start-up benches' web server: a built page's folder over HTTPS (the developer certificate), as the
// add-in's server sends it (HTTP/2, its text files in Brotli to a browser that accepts it, compressed the way
// src/server/staticFiles.ts does), but in a thread of its own with the files read and compressed beforehand.
// Served from the bench's own thread, an answer waited while that thread handled the browser's protocol
// (a trace's data, Playwright's messages), which made a page of several scripts look slower than it is.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { httpsOptions } from '../scripts/certs.mjs';
import { COMPRESSIBLE, compressWith, MIN_COMPRESSED_BYTES } from '../src/server/staticFiles';

const SERVER = `
const { createSecureServer } = require('node:http2');
const { parentPort, workerData } = require('node:worker_threads');
const { files, key, cert } = workerData;
const server = createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
  const path = decodeURIComponent(new URL(req.url || '/', 'https://x').pathname).replace(/^\\/+/, '');
  const file = files[path === '' ? 'taskpane.html' : path];
  if (!file) return void res.writeHead(404).end('not found');
  const br = file.br && /\bbr\b/i.test(String(req.headers['accept-encoding'] || ''));
  res.writeHead(200, br ? { 'content-type': file.type, 'content-encoding': 'br', vary: 'accept-encoding' } : { 'content-type': file.type });
  res.end(Buffer.from(br ? file.br : file.body));
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'application/javascript',
  png: 'image/png',
  xml: 'application/xml',
  map: 'application/json',
  txt: 'text/plain',
};

interface PageFile {
  type: string;
  body: Uint8Array;
  /** The body in Brotli, as the add-in's server sends it (text of at least MIN_COMPRESSED_BYTES). */
  br?: Uint8Array;
}

function filesOf(dir: string, under = dir, out: Record<string, PageFile> = {}) {
  for (const name of readdirSync(under)) {
    const path = join(under, name);
    if (statSync(path).isDirectory()) filesOf(dir, path, out);
    else
      out[relative(dir, path).split('\\').join('/')] = {
        type: types[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
        body: new Uint8Array(readFileSync(path)),
      };
  }
  return out;
}

async function compressed(files: Record<string, PageFile>): Promise<Record<string, PageFile>> {
  for (const [path, file] of Object.entries(files)) {
    const ext = path.slice(path.lastIndexOf('.'));
    if (COMPRESSIBLE.has(ext) && file.body.length >= MIN_COMPRESSED_BYTES)
      file.br = new Uint8Array(await compressWith.br(Buffer.from(file.body)));
  }
  return files;
}

/** Serves `dir` on https://localhost:<port> from a worker thread until `close()`. */
export async function servePages(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const { key, cert } = await httpsOptions();
  const worker = new Worker(SERVER, { eval: true, workerData: { files: await compressed(filesOf(dir)), key, cert } });
  const port = await new Promise<number>((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  });
  return {
    url: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        worker.once('exit', () => ok());
        worker.postMessage('close');
      }),
  };
}
