// The add-in's server speaks HTTP/2 to a client that offers it (a browser: the pane's start scripts share
// one connection instead of waiting for a TLS handshake each) and HTTP/1.1 to one that does not. Both
// reach the same pane, API, origin check and event stream, and close() ends every connection.
import { connect, type ClientHttp2Session } from 'node:http2';
import { request } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { changeset, contact, newId, put } from './fixtures';

const dist = mkdtempSync(join(tmpdir(), 'segments-h2-'));
writeFileSync(join(dist, 'taskpane.html'), '<!doctype html><title>pane</title>');
writeFileSync(join(dist, 'taskpane.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);

let server: RunningServer;
let session: ClientHttp2Session;
beforeAll(async () => {
  const o = await httpsOptions();
  server = await startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: dist } });
  session = connect(server.url, { rejectUnauthorized: false });
  session.on('error', () => undefined);
});
afterAll(async () => {
  session?.destroy();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function h2(path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((ok, fail) => {
    const stream = session.request({ ':path': path, ':method': body === undefined ? 'GET' : 'POST', ...headers });
    let status = 0;
    let got: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    stream.on('response', (h) => {
      status = Number(h[':status']);
      got = h;
    });
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => ok({ status, headers: got, body: Buffer.concat(chunks).toString() }));
    stream.on('error', fail);
    stream.end(body);
  });
}

test('over HTTP/2, the pane and the API answer on one connection, with the security headers', async () => {
  const [page, script, status] = await Promise.all([h2('/taskpane.html'), h2('/taskpane.js'), h2('/api/v1/status')]);
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>pane</title>');
  expect(script.status).toBe(200);
  expect(script.body).toContain('xxxx');
  expect(status.status).toBe(200);
  expect(JSON.parse(status.body)).toMatchObject({ lastRev: 0, keysRequired: false });
  for (const a of [page, script, status]) expect(a.headers['content-security-policy']).toContain("connect-src 'self';");
  // The three came over the session opened once: HTTP/2 says so in its own state.
  expect(session.alpnProtocol).toBe('h2');
});

test('over HTTP/2, the origin check reads the host from :authority: the pane’s own origin may push, another is refused', async () => {
  const c = contact(newId('C'), 'H2001');
  const body = JSON.stringify({
    schemaVersion: 1,
    clientId: 'client-h2',
    changesets: [changeset([put('contacts', c)])],
  });
  const own = new URL(server.url).host;
  const ok = await h2('/api/v1/push', { origin: `https://${own}`, 'content-type': 'application/json' }, body);
  expect(ok.status, ok.body).toBe(200);
  const other = await h2('/api/v1/push', { origin: 'https://evil.example', 'content-type': 'application/json' }, body);
  expect(other.status).toBe(403);
  expect(JSON.parse(other.body).reason).toBe('origin https://evil.example may not call this API');
});

test('over HTTP/2, the event stream says the last revision, then each new one', async () => {
  const stream = session.request({ ':path': '/api/v1/events' });
  const events: number[] = [];
  let text = '';
  const first = new Promise<void>((ok) =>
    stream.on('data', (c: Buffer) => {
      text += c.toString();
      for (const m of text.matchAll(/data: (\{[^\n]*\})\n\n/g)) {
        const rev = (JSON.parse(m[1]) as { rev: number }).rev;
        if (!events.includes(rev)) events.push(rev);
      }
      ok();
    }),
  );
  await first;
  const before = events[0];
  const body = JSON.stringify({
    schemaVersion: 1,
    clientId: 'client-h2',
    changesets: [changeset([put('contacts', contact(newId('C'), 'H2002'))])],
  });
  expect((await h2('/api/v1/push', { 'content-type': 'application/json' }, body)).status).toBe(200);
  await expect.poll(() => events.at(-1), { timeout: 5000 }).toBe(before + 1);
  stream.close();
});

test('a client without HTTP/2 is answered over HTTP/1.1', async () => {
  const answer = await new Promise<{ status: number; protocol: string; body: string }>((ok, fail) => {
    const r = request(`${server.url}/api/v1/status`, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, protocol: res.httpVersion, body }));
    });
    r.on('error', fail);
    r.end();
  });
  expect(answer).toMatchObject({ status: 200, protocol: '1.1' });
  expect(JSON.parse(answer.body).schemaVersion).toBe(1);
});

test('close() ends an HTTP/2 session that still holds an event stream open', async () => {
  const o = await httpsOptions();
  const other = await startServer({ tls: { cert: o.cert, key: o.key } });
  const client = connect(other.url, { rejectUnauthorized: false });
  client.on('error', () => undefined);
  const closed = new Promise<void>((ok) => client.once('close', () => ok()));
  const stream = client.request({ ':path': '/api/v1/events' });
  stream.on('error', () => undefined);
  await new Promise<void>((ok) => stream.once('data', () => ok()));
  const started = Date.now();
  await other.close();
  await closed;
  expect(Date.now() - started).toBeLessThan(3000);
});
