// The start-up benches' web server: a built page's folder over HTTPS (the developer certificate), as the
// add-in's server sends it (uncompressed), but in a thread of its own with the files read beforehand.
// Served from the bench's own thread, an answer waited while that thread handled the browser's protocol
// (a trace's data, Playwright's messages), which made a page of several scripts look slower than it is.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { httpsOptions } from '../scripts/certs.mjs';

const SERVER = `
const { createServer } = require('node:https');
const { parentPort, workerData } = require('node:worker_threads');
const { files, key, cert } = workerData;
const server = createServer({ key, cert }, (req, res) => {
  const path = decodeURIComponent(new URL(req.url || '/', 'https://x').pathname).replace(/^\\/+/, '');
  const file = files[path === '' ? 'taskpane.html' : path];
  if (!file) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': file.type });
  res.end(Buffer.from(file.body));
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

function filesOf(dir: string, under = dir, out: Record<string, { type: string; body: Uint8Array }> = {}) {
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

/** Serves `dir` on https://localhost:<port> from a worker thread until `close()`. */
export async function servePages(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const { key, cert } = await httpsOptions();
  const worker = new Worker(SERVER, { eval: true, workerData: { files: filesOf(dir), key, cert } });
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
