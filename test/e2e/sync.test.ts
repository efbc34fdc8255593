// End to end in Chromium: two pages with separate browser profiles (so they share no storage) against
// one server. A segment built in the first appears in the second; logged there, it shows as a logged
// segment in the first. Each page runs the real sync client over the real store in real IndexedDB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack from 'webpack';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { httpsOptions } from '../../scripts/certs.mjs';
import { launch, removeProfile, type BrowserSession } from './browser';

let out: string;
let server: RunningServer;
const sessions: BrowserSession[] = [];

async function buildPage(dir: string): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: resolve('.'),
    entry: { page: './test/e2e/syncPage/page.ts' },
    output: { path: dir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) fail(err ?? new Error(stats?.toString({ all: false, errors: true })));
      else ok();
    }),
  );
  writeFileSync(
    join(dir, 'sync.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>sync</title></head><body><script src="page.js"></script></body></html>',
  );
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'segments-syncpage-'));
  await buildPage(out);
  const o = await httpsOptions();
  server = await startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: out } });
});
afterAll(async () => {
  for (const s of sessions) {
    await s.close();
    removeProfile(s.profileDir);
  }
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

async function openPage() {
  const session = await launch();
  sessions.push(session);
  await session.page.goto(`${server.url}/sync.html`);
  await session.page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
  await session.page.evaluate(() => window.openSegmentsPane());
  return session.page;
}

test('a segment built in the first profile appears in the second; logged there, it shows as logged in the first', async () => {
  const first = await openPage();
  const second = await openPage();

  const no = await first.evaluate(async () => {
    const ws = window.segmentsPane!.workspace;
    await ws.salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
    await ws.interactionTemplates.upsert([
      {
        code: 'LETTER',
        description: 'Letter',
        correspondenceTypeDefault: 'Email',
        informationFlow: 'Outbound',
        initiatedBy: 'Us',
      },
    ]);
    await ws.contacts.upsert([
      { no: 'P1', name: 'Anna Bianchi', city: 'Roma', email: 'anna@example.com' },
      { no: 'P2', name: 'Marco Rossi', city: 'Roma', email: 'marco@example.com' },
      { no: 'P3', name: 'Luca Verdi', city: 'Milano', email: 'luca@example.com' },
    ]);
    const s = await ws.segments.create({
      description: 'Built in Excel',
      salespersonCode: 'JR',
      interactionTemplateCode: 'LETTER',
    });
    await ws.segments.addContacts(s.no, { contact: { city: 'Roma' } });
    return s.no;
  });

  await expect
    .poll(
      () => second.evaluate(async (n) => (await window.segmentsPane!.workspace.segments.get(n))?.lines.length ?? 0, no),
      { timeout: 20_000, interval: 100 },
    )
    .toBe(2);
  const seen = await second.evaluate(
    async (n) => (await window.segmentsPane!.workspace.segments.get(n))!.lines.map((l) => l.contactNo),
    no,
  );
  expect(seen).toEqual(['P1', 'P2']);
  // The loop runs under the browser's lock for this database.
  expect(await second.evaluate(async () => (await navigator.locks.query()).held?.map((l) => l.name))).toContain(
    'segments-sync:segments',
  );

  const logged = await second.evaluate(async (n) => {
    const ws = window.segmentsPane!.workspace;
    await ws.profile.update({ userId: 'WORD', salespersonCode: 'JR' });
    return (await ws.segments.log(n)).loggedSegment.entryNo;
  }, no);

  await expect
    .poll(
      () =>
        first.evaluate(
          async (n) => (await window.segmentsPane!.workspace.loggedSegments.list()).some((l) => l.segmentNo === n),
          no,
        ),
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
  const inFirst = await first.evaluate(async (n) => {
    const ws = window.segmentsPane!.workspace;
    return {
      logged: (await ws.loggedSegments.list()).map((l) => [l.entryNo, l.segmentNo, l.noOfInteractions]),
      open: (await ws.segments.get(n)) !== undefined,
      status: window.segmentsPane!.sync.getStatus(),
    };
  }, no);
  expect(inFirst.logged).toEqual([[logged, no, 2]]);
  expect(inFirst.open).toBe(false);
  expect(inFirst.status).toMatchObject({ connection: 'connected', pending: 0, failed: [] });
});
