// The add-in's server sends the pane's text files compressed to a browser that accepts it, and as they
// are to one that does not; a file rebuilt in place is sent as it is now.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseEncoding, MIN_COMPRESSED_BYTES, serveStatic } from '../../src/server/staticFiles';

let dir: string;
let server: Server;
let base: string;
const script = 'export const greeting = "Segmenti e interazioni";\n'.repeat(400);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segments-static-'));
  writeFileSync(join(dir, 'taskpane.html'), `<!doctype html><title>Segments</title>${'<p>x</p>'.repeat(300)}`);
  writeFileSync(join(dir, 'taskpane.js'), script);
  writeFileSync(join(dir, 'taskpane.js.map'), '{"version":3}'.padEnd(4000, ' '));
  writeFileSync(join(dir, 'tiny.js'), 'export {};\n');
  writeFileSync(join(dir, 'icon.png'), Buffer.alloc(5000, 7));
  server = createServer(serveStatic(dir));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request (no client decoding): status, headers and the bytes as sent. */
function get(path: string, acceptEncoding?: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('compressed static files', () => {
  test('a browser that accepts Brotli gets the script in Brotli, a third of its size or less', async () => {
    const r = await get('/taskpane.js', 'gzip, deflate, br, zstd');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  test('gzip when Brotli is not accepted, or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8', 'deflate, gzip']) {
      const r = await get('/taskpane.js', accept);
      expect(r.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(r.body).toString()).toBe(script);
    }
  });

  test('as it is without an accepted coding, for a small file, and for an image', async () => {
    for (const [path, accept, bytes] of [
      ['/taskpane.js', undefined, script.length],
      ['/taskpane.js', 'identity', script.length],
      ['/taskpane.js', 'br;q=0, gzip;q=0', script.length],
      ['/tiny.js', 'br', 11],
      ['/icon.png', 'br', 5000],
    ] as const) {
      const r = await get(path, accept);
      expect(r.status, `${path} ${accept}`).toBe(200);
      expect(r.headers['content-encoding'], `${path} ${accept}`).toBeUndefined();
      expect(r.body.length).toBe(bytes);
    }
    expect(MIN_COMPRESSED_BYTES).toBeGreaterThan(11);
  });

  test('the page itself is compressed too, and HEAD says so without a body', async () => {
    const page = await get('/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('<title>Segments</title>');
    const head = await get('/taskpane.js', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  test('a file rebuilt in place is sent as it is now, not as it was compressed before', async () => {
    await get('/taskpane.js', 'br');
    const next = 'export const greeting = "Nuovo segmento";\n'.repeat(500);
    writeFileSync(join(dir, 'taskpane.js'), next);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'taskpane.js'), later, later);
    const r = await get('/taskpane.js', 'br');
    expect(brotliDecompressSync(r.body).toString()).toBe(next);
    writeFileSync(join(dir, 'taskpane.js'), script);
  });

  test('source maps stay on the server, compressed or not', async () => {
    expect((await get('/taskpane.js.map', 'br')).status).toBe(404);
    expect((await get('/taskpane.js.map')).status).toBe(404);
  });
});

test.each<[string | undefined, string | undefined]>([
  ['gzip, deflate, br', 'br'],
  ['BR', 'br'],
  ['gzip', 'gzip'],
  ['*', 'br'],
  ['*;q=0, gzip', 'gzip'],
  ['br;q=0', undefined],
  ['br;q=abc, gzip', 'gzip'],
  ['identity', undefined],
  ['', undefined],
  [undefined, undefined],
])('Accept-Encoding %j: %s', (header, expected) => {
  expect(chooseEncoding(header)).toBe(expected);
});
