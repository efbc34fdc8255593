// What the server says when it starts (issue: "Serving https://localhost:3471" while it listened on 0.0.0.0,
// and it fell back without a word to the developer certificate, which only localhost trusts).
import { hostname } from 'node:os';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, startupLines } from '../../src/server/app';
import { makeUsers } from '../../src/server/users';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call } from './fixtures';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let tls: { cert: Buffer; key: Buffer };
beforeAll(async () => {
  const o = await httpsOptions();
  tls = { cert: o.cert, key: o.key };
});
const team = makeUsers([{ user: 'anna', role: 'admin', key: 'anna-key-0123456789abcdef' }]);
const started: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of started) await s.close();
});

async function linesOf(opts: { host?: string; developer?: boolean; keys?: boolean }) {
  const lines: string[] = [];
  const server = await startServer({
    host: opts.host,
    users: opts.keys ? team : undefined,
    tls: { ...tls, developer: opts.developer },
    log: (l) => lines.push(l),
  });
  started.push(server);
  return { lines, server };
}

test('on loopback: the localhost address, this machine only, no certificate warning', async () => {
  const { lines, server } = await linesOf({ developer: true });
  expect(lines).toEqual([
    `Serving https://localhost:${server.port} (listening on 127.0.0.1: this machine only; API /api/v1, storage pglite (memory), no keys)`,
  ]);
}, 120_000);

test('on 0.0.0.0: every interface, with this machine name; the developer certificate is warned about', async () => {
  const { lines, server } = await linesOf({ keys: true, developer: true });
  expect(lines[0]).toBe(
    `Serving https://${hostname()}:${server.port} (listening on every interface, 0.0.0.0; API /api/v1, storage pglite (memory), keys required)`,
  );
  expect(lines[1]).toMatch(/^Warning: .*developer certificate.* only for localhost/);
  expect(lines[1]).toMatch(/other machines will not trust it/);
  expect(lines[1]).toMatch(/SEGMENTS_TLS_CERT and SEGMENTS_TLS_KEY/);
  expect(lines).toHaveLength(2);
  expect((await call(server.url, '/status', { key: 'anna-key-0123456789abcdef' })).body.user).toBe('anna');
}, 120_000);

test('with a certificate of its own on 0.0.0.0: no warning', async () => {
  const { lines } = await linesOf({ keys: true, developer: false });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/listening on every interface, 0\.0\.0\.0/);
}, 120_000);

test('the line for a named address, IPv6 and IPv6 loopback', () => {
  const base = { port: 3000, storage: 'postgres', keys: true, developer: false };
  expect(startupLines({ ...base, host: '10.1.2.3' })).toEqual([
    'Serving https://10.1.2.3:3000 (listening on 10.1.2.3 only; API /api/v1, storage postgres, keys required)',
  ]);
  expect(startupLines({ ...base, host: '::' })[0]).toBe(
    `Serving https://${hostname()}:3000 (listening on every interface, ::; API /api/v1, storage postgres, keys required)`,
  );
  expect(startupLines({ ...base, host: '::1', keys: false, developer: true })).toEqual([
    'Serving https://[::1]:3000 (listening on ::1: this machine only; API /api/v1, storage postgres, no keys)',
  ]);
  const named = startupLines({ ...base, host: 'segments.example.lan', developer: true });
  expect(named[0]).toMatch(
    /^Serving https:\/\/segments\.example\.lan:3000 \(listening on segments\.example\.lan only;/,
  );
  expect(named[1]).toMatch(/^Warning: /);
});
