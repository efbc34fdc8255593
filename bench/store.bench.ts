// The workspace engine on 100,000 contacts (fake-indexeddb in Node): each store action timed against
// the plain Dexie work it cannot avoid, as a ratio. Aim: every ratio under 2.
// Run: `npm run bench -- store` (or `node --import tsx --expose-gc bench/store.bench.ts`).
// Env: BENCH_CONTACTS (default 100000), BENCH_RUNS (default 3), BENCH_ONLY (comma list: upsert,filters,index,log).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Contact } from '../src/domain/contact';
import type { InteractionLogEntry } from '../src/domain/log';
import type { SegmentLine } from '../src/domain/segment';
import { SegmentsDb } from '../src/store/db';
import { openWorkspace, type WorkspaceHandle } from '../src/store/index';
import { makeRows, seedCodes } from './rows';

const N = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LOG_LINES = Math.min(10_000, N);
const only = new Set((process.env.BENCH_ONLY ?? 'upsert,filters,index,log').split(','));

// ---- Realistic rows, deterministic ------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Wall time of one run (ms); its CPU time (ms, every thread of the process) goes to `cpu`. */
async function time(run: () => Promise<unknown>, cpu?: number[]): Promise<number> {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  return wall;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Figure {
  what: string;
  detail: string;
  store: number[];
  plain: number[];
  plainWhat: string;
  storeCpu: number[];
  plainCpu: number[];
}
const figures: Figure[] = [];

function print(): void {
  const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
  const rows = figures.map((f) => {
    const ratio = median(f.store) / median(f.plain);
    const cpuRatio = median(f.storeCpu) / median(f.plainCpu);
    return [
      f.what,
      f.detail,
      ms(median(f.store)),
      f.plainWhat,
      ms(median(f.plain)),
      `${ratio.toFixed(2)}${ratio < 2 ? '' : ' (over 2)'}`,
      cpuRatio.toFixed(2),
    ];
  });
  const head = ['store action', 'result', 'median', 'plain Dexie baseline', 'median', 'ratio', 'CPU ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\n${N.toLocaleString('en-US')} contacts, median of ${RUNS} runs (fake-indexeddb, Node ${process.version}); ratio = store median / baseline median, wall clock; CPU ratio the same on process CPU time`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const f of figures)
    console.log(`  ${f.what}: store runs ${f.store.map(ms).join(', ')}; baseline runs ${f.plain.map(ms).join(', ')}`);
}

let dbNo = 0;
const fixedClock = () => new Date('2026-03-02T09:30:00Z');

async function freshWorkspace(): Promise<WorkspaceHandle> {
  return openWorkspace({ name: `bench-${++dbNo}`, indexedDB: new IDBFactory(), IDBKeyRange, now: fixedClock });
}

// ---- The figures ------------------------------------------------------------------------------

const rows = makeRows(N);
console.log(`generated ${rows.length.toLocaleString('en-US')} contact rows`);

let ws: WorkspaceHandle | undefined;

// 1. contacts.upsert against bulkPut of the same records into an equivalent fresh database.
const sample = () => ({
  store: [] as number[],
  plain: [] as number[],
  storeCpu: [] as number[],
  plainCpu: [] as number[],
});
{
  const m = sample();
  let stored: Contact[] = [];
  for (let run = 0; run < RUNS; run++) {
    ws?.close();
    ws = await freshWorkspace();
    const target = ws;
    let inserted = 0;
    m.store.push(await time(async () => (inserted = (await target.contacts.upsert(rows)).inserted), m.storeCpu));
    if (inserted !== N) throw new Error(`upsert inserted ${inserted} of ${N}`);
    if (!only.has('upsert')) break;
    if (run === 0) stored = await ws.ctx.db.contacts.toArray();
    const db = new SegmentsDb(`plain-${++dbNo}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    m.plain.push(await time(() => db.contacts.bulkPut(stored), m.plainCpu));
    if ((await db.contacts.count()) !== N) throw new Error('bulkPut lost rows');
    db.close();
  }
  if (only.has('upsert'))
    figures.push({ what: 'contacts.upsert', detail: `${N} inserted`, ...m, plainWhat: 'contacts.bulkPut (fresh db)' });
  stored = [];
}

const workspace = ws!;
const db = workspace.ctx.db;
await seedCodes(workspace);

// 2. addContacts with three contact field filters and a mailing group, against reading every contact.
if (only.has('filters')) {
  const filters = { contact: { city: 'Roma|Milano', salespersonCode: '<>X*', name: '@*a*' }, mailingGroup: 'NEWS' };
  const m = sample();
  let added = 0;
  for (let run = 0; run < RUNS; run++) {
    m.plain.push(await time(() => db.contacts.toArray(), m.plainCpu));
    const seg = await workspace.segments.create({ description: 'Filters' });
    m.store.push(
      await time(
        async () => (added = (await workspace.segments.addContacts(seg.no, filters)).added.length),
        m.storeCpu,
      ),
    );
    await workspace.segments.remove(seg.no);
  }
  figures.push({
    what: 'addContacts, 3 fields + mailing group',
    detail: `${added} lines`,
    ...m,
    plainWhat: 'contacts.toArray()',
  });
}

// 3. addContacts with one filter an index answers, against that index query alone; and, to show what
// the store adds to the work it cannot avoid, against the query plus a bulkAdd of as many lines.
if (only.has('index')) {
  const code = 'PS';
  const m = sample();
  const w = sample();
  let added: SegmentLine[] = [];
  for (let run = 0; run < RUNS; run++) {
    m.plain.push(await time(() => db.contacts.where('salespersonCode').equals(code).toArray(), m.plainCpu));
    const seg = await workspace.segments.create({ description: 'Index' });
    m.store.push(
      await time(
        async () =>
          (added = (await workspace.segments.addContacts(seg.no, { contact: { salespersonCode: code } })).added),
        m.storeCpu,
      ),
    );
    await workspace.segments.remove(seg.no);
    const copies = added.map((l, i) => ({
      ...l,
      id: `W${run}-${String(i).padStart(6, '0')}`,
      segmentId: `bench-${run}`,
    }));
    w.plain.push(
      await time(
        () =>
          db.transaction('rw', [db.contacts, db.segmentLines], async () => {
            await db.contacts.where('salespersonCode').equals(code).toArray();
            await db.segmentLines.bulkAdd(copies);
          }),
        w.plainCpu,
      ),
    );
    await db.segmentLines.bulkDelete(copies.map((l) => l.id));
  }
  figures.push({
    what: `addContacts, salespersonCode = ${code}`,
    detail: `${added.length} lines`,
    ...m,
    plainWhat: "where('salespersonCode').equals()",
  });
  figures.push({
    what: `  (same, for reference)`,
    detail: `${added.length} lines`,
    ...w,
    store: m.store,
    storeCpu: m.storeCpu,
    plainWhat: 'that query + bulkAdd of the lines',
  });
}

// 4. log of a 10,000-line segment, against one transaction that adds as many entries and deletes as many lines.
if (only.has('log')) {
  const nos = rows.slice(0, LOG_LINES).map((r) => r.no as string);
  const m = sample();
  let logged = 0;
  let template: InteractionLogEntry[] = [];
  // A log writes the user's ID on every entry: the profile has one, as the pane asks before a log.
  await workspace.profile.update({ userId: 'BENCH' });
  for (let run = 0; run < RUNS; run++) {
    const seg = await workspace.segments.create({
      description: `Log ${run}`,
      salespersonCode: 'JR',
      interactionTemplateCode: 'ABSTRACT',
    });
    await workspace.segments.addContactList(seg.no, nos);
    m.store.push(
      await time(async () => {
        const r = await workspace.segments.log(seg.no);
        logged = r.entries.length;
        if (run === 0) template = r.entries;
      }, m.storeCpu),
    );
    if (logged !== LOG_LINES) throw new Error(`logged ${logged} of ${LOG_LINES}`);

    // The baseline deletes the lines of a segment as big, and adds as many entries.
    const other = await workspace.segments.create({
      description: `Baseline ${run}`,
      salespersonCode: 'JR',
      interactionTemplateCode: 'ABSTRACT',
    });
    await workspace.segments.addContactList(other.no, nos);
    const otherId = (await db.segments.where('no').equals(other.no).first())!.id;
    const base = (await db.interactionLog.orderBy('entryNo').last())!.entryNo;
    const entries = template.map((e, i) => ({
      ...e,
      id: `B${run}-${String(i).padStart(6, '0')}`,
      entryNo: base + i + 1,
    }));
    m.plain.push(
      await time(
        () =>
          db.transaction('rw', [db.interactionLog, db.segmentLines], async () => {
            await db.interactionLog.bulkAdd(entries);
            await db.segmentLines.where('segmentId').equals(otherId).delete();
          }),
        m.plainCpu,
      ),
    );
    if ((await db.segmentLines.where('segmentId').equals(otherId).count()) !== 0)
      throw new Error('baseline left lines');
    await workspace.segments.remove(other.no);
  }
  figures.push({
    what: `log, ${LOG_LINES} lines`,
    detail: `${logged} entries`,
    ...m,
    plainWhat: 'bulkAdd entries + delete lines',
  });
}

workspace.close();
print();
