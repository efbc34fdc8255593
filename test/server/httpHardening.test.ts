// HTTP hardening (issue: no security headers, source maps served to anyone, 5,000-deep JSON answered 503,
// a 2M-element array blocking the server for seconds and ~870 MB, Origin: null allowed). How fast and in
// how little memory such bodies are refused is timed in bodyLimits.alone.test.ts, with no other test
// file beside it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { jsonLimitBroken } from '../../src/server/jsonGuard';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call } from './fixtures';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const dist = mkdtempSync(join(tmpdir(), 'segments-dist-'));
writeFileSync(join(dist, 'taskpane.html'), '<!doctype html><title>pane</title>');
writeFileSync(join(dist, 'taskpane.js'), 'console.log(1);\n//# sourceMappingURL=taskpane.js.map');
writeFileSync(join(dist, 'taskpane.js.map'), '{"version":3}');

let server: RunningServer;
let withMaps: RunningServer;
beforeAll(async () => {
  const o = await httpsOptions();
  const tls = { cert: o.cert, key: o.key };
  server = await startServer({ tls, pane: { kind: 'dist', dir: dist } });
  withMaps = await startServer({ tls, pane: { kind: 'dist', dir: dist, sourceMaps: true } });
});
afterAll(async () => {
  await server?.close();
  await withMaps?.close();
  rmSync(dist, { recursive: true, force: true });
});

test('the pane and the API carry a CSP for an Office add-in, nosniff and a referrer policy', async () => {
  for (const path of ['/taskpane.html', '/taskpane.js', '/api/v1/status', '/nothing-here']) {
    const r = await fetch(`${server.url}${path}`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp, path).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp, path).toContain("connect-src 'self';");
    expect(csp, path).toMatch(/frame-ancestors 'self' https:\/\/\*\.office\.com .*https:\/\/\*\.officeapps\.live\.com/);
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(r.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    await r.arrayBuffer();
  }
});

test('source maps are not served unless the server runs with --source-maps', async () => {
  expect((await fetch(`${server.url}/taskpane.js.map`)).status).toBe(404);
  expect((await fetch(`${server.url}/taskpane.js`)).status).toBe(200);
  const r = await fetch(`${withMaps.url}/taskpane.js.map`);
  expect(r.status).toBe(200);
  expect(await r.text()).toBe('{"version":3}');
});

test('Origin: null is refused; the own origin is allowed', async () => {
  const nul = await call(server.url, '/status', { headers: { origin: 'null' } });
  expect(nul.status).toBe(403);
  expect(nul.body.reason).toMatch(/origin null/);
  expect(
    (await call(server.url, '/status', { headers: { origin: server.url.replace('localhost', `localhost`) } })).status,
  ).toBe(200);
});

test('the scan: strings are skipped, objects are not arrays, the limits are exact', () => {
  expect(
    jsonLimitBroken(Buffer.from(JSON.stringify({ a: '[[[[,,,,]]]]', b: [1, 2, 3] })), { maxDepth: 2, maxArray: 3 }),
  ).toBeUndefined();
  expect(jsonLimitBroken(Buffer.from('[1,2,3,4]'), { maxDepth: 2, maxArray: 3 })).toMatch(
    /more than 3 elements \(at byte 6\)/,
  );
  expect(jsonLimitBroken(Buffer.from('{"a":{"b":{}}}'), { maxDepth: 2, maxArray: 3 })).toMatch(/deeper than 2 levels/);
  expect(jsonLimitBroken(Buffer.from('{"a":1,"b":2,"c":3,"d":4}'), { maxDepth: 2, maxArray: 3 })).toBeUndefined();
  expect(jsonLimitBroken(Buffer.from('["\\"[",["x"]]'), { maxDepth: 2, maxArray: 3 })).toBeUndefined();
});
