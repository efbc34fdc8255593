// HTTP hardening (issue: no security headers, source maps served to anyone, 5,000-deep JSON answered 503,
// a 2M-element array blocking the server for seconds and ~870 MB, Origin: null allowed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { jsonLimitBroken } from '../../src/server/jsonGuard';
import { httpsOptions } from '../../scripts/certs.mjs';
import { call, changeset, newId, push, put, segment } from './fixtures';

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

/** Wall-clock and CPU time (this process: client and server) of one push. */
async function timedPush(body: Buffer): Promise<{ status: number; reason: string; ms: number; cpuMs: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await fetch(`${server.url}/api/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Uint8Array(body),
  });
  const json = (await r.json()) as { reason: string };
  const used = process.cpuUsage(cpu);
  return { status: r.status, reason: json.reason, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

test('5,000-deep JSON and a 4 MB body holding a 2M-element array: 400 in under 100 ms (CPU; wall under 1 s on a loaded machine), memory back within 50 MB, the server still answering', async () => {
  const deep = Buffer.from(`{"schemaVersion":1,"clientId":"a","changesets":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  const huge = Buffer.from(`{"schemaVersion":1,"clientId":"a","changesets":[${'0,'.repeat(2_000_000 - 1)}0]}`);
  expect(huge.length).toBeLessThan(4 * 1024 * 1024);
  await timedPush(deep); // warm the connection and the code paths
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const d = await timedPush(deep);
    expect(d).toMatchObject({ status: 400, reason: expect.stringMatching(/nested deeper than 64 levels/) });
    expect(d.cpuMs).toBeLessThan(100);
    expect(d.ms).toBeLessThan(1000);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await timedPush(huge));
    for (const h of answers)
      expect(h).toMatchObject({ status: 400, reason: expect.stringMatching(/array of more than 100000 elements/) });
    // Client and server share this process, and the machine its neighbours: the wall clock of a loaded
    // machine says little, so the CPU time is the figure (the old parse of the whole array took seconds
    // of it); the wall clock only has to stay far from those seconds.
    const cpu = answers.map((h) => h.cpuMs).sort((a, b) => a - b);
    const ms = answers.map((h) => h.ms).sort((a, b) => a - b);
    if (process.env.SEGMENTS_PRINT_TIMES)
      console.log(
        `deep ${d.ms.toFixed(0)} ms; 2M array ${ms.map((m) => m.toFixed(0)).join(', ')} ms wall, ${cpu.map((m) => m.toFixed(0)).join(', ')} ms CPU`,
      );
    expect(cpu[4]).toBeLessThan(100);
    expect(ms[7]).toBeLessThan(1000);
    const all = await Promise.all(Array.from({ length: 8 }, () => timedPush(huge)));
    expect(all.every((h) => h.status === 400)).toBe(true);
  } finally {
    clearInterval(sampler);
  }
  await new Promise((r) => setTimeout(r, 50));
  expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(50);
  expect((peak - before) / 2 ** 20).toBeLessThan(150);
  const ok = await push(server.url, [changeset([put('segments', segment(newId(), 'H1'))])]);
  expect(ok.body.results[0].status).toBe('applied');
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
