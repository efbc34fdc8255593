// The engine bench page: the store (openWorkspace) and plain Dexie timed in the same page, on the same
// data, in the browser's real IndexedDB. bench/browser.bench.ts builds it in production mode, opens it in
// Chromium and calls window.runEngineBench(sizes); each figure comes back as the store's times, the
// plain Dexie baseline's times and, for reads a page opens with, the goal in ms.
import Dexie from 'dexie';
import type { InteractionLogEntry } from '../../src/domain/log';
import type { SegmentLine } from '../../src/domain/segment';
import { SegmentsDb } from '../../src/store/db';
import { fillAllFigures } from '../../src/store/figures';
import { openWorkspace, type WorkspaceHandle } from '../../src/store/index';
import { makeRows, seedCodes } from '../rows';

export interface EngineSizes {
  contacts: number;
  segmentLines: number;
  segments: number;
  bigSegmentEvery: number;
  smallSegmentLines: number;
  logEntries: number;
  runs: number;
  /**
   * The parts to measure (all when absent): upsert, filters, index, reduce (with Go Back and Refine), log,
   * list, entries. The contacts are always upserted (every part reads them); list needs reduce's line
   * and entries the log's entries, so asking for them brings those parts in too.
   */
  parts?: string[];
}

export interface EngineFigure {
  what: string;
  detail: string;
  store: number[];
  plain: number[];
  plainWhat: string;
  /** A read a page opens with: its goal in ms (besides the ratio). */
  pageGoalMs?: number;
  /** For reads measured before and after schema v2: the times of the v1 way of reading. */
  before?: number[];
}

declare global {
  interface Window {
    runEngineBench(sizes: EngineSizes): Promise<EngineFigure[]>;
    benchProgress?: (line: string) => void;
  }
}

const say = (line: string) => {
  document.getElementById('state')!.textContent = line;
  console.log(`bench: ${line}`);
};

async function time(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** A list page's read timed: its rows and the sum of the figure it shows for each. */
async function timeList<T>(read: () => Promise<T[]>, figure: (row: T) => number) {
  let rows: T[] = [];
  const ms = await time(async () => (rows = await read()));
  return { ms, n: rows.length, sum: rows.reduce((sum, r) => sum + figure(r), 0) };
}

const linesShown = (h: { noOfLines: number }) => h.noOfLines;
const interactionsShown = (l: { noOfInteractions: number }) => l.noOfInteractions;

const fixedNow = () => new Date('2026-03-02T09:30:00Z');
/** The entries the Interaction Log Entries page opens with. */
const PAGE = 50;
let dbNo = 0;

async function freshWorkspace(): Promise<WorkspaceHandle> {
  const ws = await openWorkspace({ name: `engine-${Date.now()}-${++dbNo}`, now: fixedNow });
  // Logging needs the profile's User ID (it goes on every entry), as in the pane.
  await ws.profile.update({ userId: 'BENCH' });
  return ws;
}

/** A second connection to the workspace's database: plain Dexie, no middleware, the same tables. */
async function plainOn(ws: WorkspaceHandle): Promise<SegmentsDb> {
  const db = new SegmentsDb(ws.ctx.db.name);
  await db.open();
  return db;
}

async function freshPlain(): Promise<SegmentsDb> {
  const db = new SegmentsDb(`plain-${Date.now()}-${++dbNo}`);
  await db.open();
  return db;
}

/** Records written past the store: the stored list figures counted once from them, as a restore does. */
function fillFigures(db: SegmentsDb): Promise<void> {
  const tables = [db.segments, db.segmentLines, db.criteriaActions, db.loggedSegments, db.interactionLog];
  return db.transaction('rw', tables, () => fillAllFigures(db));
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench check failed: ${what}`);
}

window.runEngineBench = async (sizes: EngineSizes): Promise<EngineFigure[]> => {
  const figures: EngineFigure[] = [];
  const asked = new Set(
    sizes.parts?.length ? sizes.parts : ['upsert', 'filters', 'index', 'reduce', 'log', 'list', 'entries'],
  );
  if (asked.has('list')) asked.add('reduce');
  if (asked.has('entries')) asked.add('log');
  const N = sizes.contacts;
  const rows = makeRows(N);
  const nos = rows.map((r) => r.no as string);
  say(`${N} contact rows generated`);

  // 1. contacts.upsert into an empty workspace, against bulkPut of the same records into an empty database.
  const ws = await freshWorkspace();
  const upsert: EngineFigure = {
    what: `contacts.upsert, ${N} new`,
    detail: '',
    store: [],
    plain: [],
    plainWhat: 'contacts.bulkPut (empty db)',
  };
  let inserted = 0;
  upsert.store.push(await time(async () => (inserted = (await ws.contacts.upsert(rows)).inserted)));
  check(inserted === N, `upsert inserted ${inserted} of ${N}`);
  upsert.detail = `${inserted} inserted`;
  const stored = await ws.ctx.db.contacts.toArray();
  if (asked.has('upsert')) {
    const db = await freshPlain();
    upsert.plain.push(await time(() => db.contacts.bulkPut(stored)));
    check((await db.contacts.count()) === N, 'bulkPut lost rows');
    db.close();
    await Dexie.delete(db.name);
  }
  if (asked.has('upsert')) figures.push(upsert);
  say('upsert done');

  await seedCodes(ws);
  const plain = await plainOn(ws);

  // 2. Add Contacts with three field filters and a mailing group, against reading every contact.
  if (asked.has('filters')) {
    const filters = { contact: { city: 'Roma|Milano', salespersonCode: '<>X*', name: '@*a*' }, mailingGroup: 'NEWS' };
    const f: EngineFigure = {
      what: 'Add Contacts, 3 fields + mailing group',
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'contacts.toArray()',
    };
    for (let run = 0; run < sizes.runs; run++) {
      f.plain.push(await time(() => plain.contacts.toArray()));
      const seg = await ws.segments.create({ description: 'Filters' });
      let added = 0;
      f.store.push(await time(async () => (added = (await ws.segments.addContacts(seg.no, filters)).added.length)));
      f.detail = `${added} lines`;
      await ws.segments.remove(seg.no);
    }
    figures.push(f);
    say('filters done');
  }

  // 3. Add Contacts on one indexed field, against that index query plus a bulkAdd of as many lines.
  if (asked.has('index')) {
    const code = 'PS';
    const f: EngineFigure = {
      what: `Add Contacts, salespersonCode = ${code}`,
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'index query + bulkAdd of the lines',
    };
    const q: EngineFigure = {
      what: '  (same, for reference)',
      detail: '',
      store: f.store,
      plain: [],
      plainWhat: 'the index query alone',
    };
    for (let run = 0; run < sizes.runs; run++) {
      const seg = await ws.segments.create({ description: 'Index' });
      let added: SegmentLine[] = [];
      f.store.push(
        await time(
          async () => (added = (await ws.segments.addContacts(seg.no, { contact: { salespersonCode: code } })).added),
        ),
      );
      await ws.segments.remove(seg.no);
      f.detail = q.detail = `${added.length} lines`;
      const copies = added.map((l, i) => ({
        ...l,
        id: `W${run}-${String(i).padStart(6, '0')}`,
        segmentId: `bench-${run}`,
      }));
      q.plain.push(await time(() => plain.contacts.where('salespersonCode').equals(code).toArray()));
      f.plain.push(
        await time(() =>
          plain.transaction('rw', [plain.contacts, plain.segmentLines], async () => {
            await plain.contacts.where('salespersonCode').equals(code).toArray();
            await plain.segmentLines.bulkAdd(copies);
          }),
        ),
      );
      await plain.segmentLines.bulkDelete(copies.map((l) => l.id));
    }
    figures.push(f, q);
    say('index done');
  }

  // 4-6. Reduce, Go Back and Refine on a segment of `segmentLines` lines.
  const L = Math.min(sizes.segmentLines, N);
  const lineNos = nos.slice(0, L);
  let lineTemplate: SegmentLine | undefined;
  if (asked.has('reduce')) {
    const reduce: EngineFigure = {
      what: `Reduce, ${L}-line segment`,
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'read lines + their contacts, bulkDelete',
    };
    const back: EngineFigure = {
      what: 'Go Back (after the Reduce)',
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'bulkAdd the removed lines',
    };
    // Go Back also reads the step's record and deletes it, and that record holds every line the step
    // removed in one value: the same work in plain Dexie, for reference (where Go Back's time goes).
    const backWithStep: EngineFigure = {
      what: '  (same, for reference)',
      detail: '',
      store: back.store,
      plain: [],
      plainWhat: "the step's record read, its lines added, it deleted",
    };
    const refine: EngineFigure = {
      what: `Refine, ${L}-line segment`,
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'read lines + their contacts, bulkDelete',
    };
    const filter = { contact: { city: 'Roma|Milano' } };
    const inFilter = (c: { city: string }) => c.city === 'Roma' || c.city === 'Milano';
    const storedByNo = new Map(stored.map((c) => [c.no, c]));
    for (let run = 0; run < sizes.runs; run++) {
      const seg = await ws.segments.create({ description: `Reduce ${run}` });
      await ws.segments.addContactList(seg.no, lineNos);
      const segId = (await plain.segments.where('no').equals(seg.no).first())!.id;
      let removed: SegmentLine[] = [];
      reduce.store.push(await time(async () => (removed = (await ws.segments.reduceContacts(seg.no, filter)).removed)));
      reduce.detail = `${removed.length} removed`;
      let restored = 0;
      const steps = await plain.criteriaActions.where('segmentId').equals(segId).toArray();
      const step = steps.reduce((a, b) => (b.actionNo > a.actionNo ? b : a));
      back.store.push(await time(async () => (restored = (await ws.segments.goBack(seg.no)).added.length)));
      check(restored === removed.length, `Go Back restored ${restored} of ${removed.length}`);
      back.detail = `${restored} restored`;
      let kept = 0;
      refine.store.push(
        await time(async () => (kept = L - (await ws.segments.refineContacts(seg.no, filter)).removed.length)),
      );
      refine.detail = `${L - kept} removed`;

      // The baselines on a copy of the same lines under another segment id.
      check((await plain.segmentLines.where('segmentId').equals(segId).count()) === kept, 'segment lines after Refine');
      await ws.segments.goBack(seg.no);
      const full = await plain.segmentLines.where('segmentId').equals(segId).toArray();
      check(full.length === L, 'segment lines after Go Back');
      lineTemplate = full[0];
      const copyId = `copy-${run}`;
      const copy = full.map((l) => ({ ...l, id: `R${run}-${l.lineNo}`, segmentId: copyId }));
      const removeWhere = async (drop: (c: { city: string }) => boolean) => {
        await plain.transaction('rw', [plain.contacts, plain.segmentLines], async () => {
          const ls = await plain.segmentLines.where('segmentId').equals(copyId).toArray();
          const cs = await plain.contacts
            .where('no')
            .between(lineNos[0], lineNos[L - 1], true, true)
            .toArray();
          const byNo = new Map(cs.map((c) => [c.no, c]));
          await plain.segmentLines.bulkDelete(ls.filter((l) => drop(byNo.get(l.contactNo)!)).map((l) => l.id));
        });
      };
      await plain.segmentLines.bulkAdd(copy);
      reduce.plain.push(await time(() => removeWhere(inFilter)));
      const gone = copy.filter((l) => inFilter(storedByNo.get(l.contactNo)!));
      const stepId = `bench-step-${run}`;
      await plain.criteriaActions.put({ ...step, id: stepId, segmentId: copyId, deletedLines: gone });
      backWithStep.plain.push(
        await time(() =>
          plain.transaction('rw', [plain.segmentLines, plain.criteriaActions], async () => {
            const kept = (await plain.criteriaActions.get(stepId))!;
            await plain.segmentLines.bulkAdd(kept.deletedLines);
            await plain.criteriaActions.delete(stepId);
          }),
        ),
      );
      await plain.segmentLines.bulkDelete(gone.map((l) => l.id));
      back.plain.push(await time(() => plain.segmentLines.bulkAdd(gone)));
      check((await plain.segmentLines.where('segmentId').equals(copyId).count()) === L, 'baseline Go Back');
      refine.plain.push(await time(() => removeWhere((c) => !inFilter(c))));
      await plain.segmentLines.where('segmentId').equals(copyId).delete();
      await ws.segments.remove(seg.no);
    }
    figures.push(reduce, back, backWithStep, refine);
    say('reduce, go back, refine done');
  }

  // 7. Log of a segment of `segmentLines` lines, against the same log in plain Dexie: what a log must read
  // (the header, the lines, their contacts: each must exist and an Email line's needs an e-mail address;
  // the number series) and write (the logged segment, the same entries, the series), and the segment
  // deleted (lines, criteria actions, header), in one transaction.
  let template: InteractionLogEntry[] = [];
  if (asked.has('log')) {
    const f: EngineFigure = {
      what: `log, ${L} lines`,
      detail: '',
      store: [],
      plain: [],
      plainWhat: 'read lines + contacts, add entries, delete segment',
    };
    // For reference, the baseline measured before: the entries added and the lines deleted, nothing read.
    const bare: EngineFigure = {
      what: '  (same, for reference)',
      detail: '',
      store: f.store,
      plain: [],
      plainWhat: 'bulkAdd entries + delete lines',
    };
    for (let run = 0; run < sizes.runs; run++) {
      const seg = await ws.segments.create({
        description: `Log ${run}`,
        salespersonCode: 'JR',
        interactionTemplateCode: 'ABSTRACT',
      });
      await ws.segments.addContactList(seg.no, lineNos);
      let logged = 0;
      f.store.push(
        await time(async () => {
          const r = await ws.segments.log(seg.no);
          logged = r.entries.length;
          if (run === 0) template = r.entries;
        }),
      );
      check(logged === L, `logged ${logged} of ${L}`);
      f.detail = `${logged} entries`;
      const other = await ws.segments.create({
        description: `Baseline ${run}`,
        salespersonCode: 'JR',
        interactionTemplateCode: 'ABSTRACT',
      });
      await ws.segments.addContactList(other.no, lineNos);
      const otherId = (await plain.segments.where('no').equals(other.no).first())!.id;
      const loggedId = `BASELINE-${run}`;
      // The baseline's entries are removed after each run: numbered below every real entry, so that what
      // their removal leaves in the database lies outside the numbers the next log reads past.
      const entryNoOf = (i: number) => -(run * L + i + 1);
      let blockers = 0;
      f.plain.push(
        await time(() =>
          plain.transaction(
            'rw',
            [
              plain.segments,
              plain.segmentLines,
              plain.criteriaActions,
              plain.contacts,
              plain.series,
              plain.loggedSegments,
              plain.interactionLog,
            ],
            async () => {
              const header = (await plain.segments.get(otherId))!;
              const lines = (await plain.segmentLines.where('segmentId').equals(otherId).toArray()).sort(
                (x, y) => x.lineNo - y.lineNo,
              );
              const nosOfLines = lines.map((l) => l.contactNo).sort();
              const contacts = await plain.contacts
                .where('no')
                .between(nosOfLines[0], nosOfLines[nosOfLines.length - 1], true, true)
                .toArray();
              const byNo = new Map(contacts.map((c) => [c.no, c]));
              for (const l of lines) if (!byNo.has(l.contactNo)) blockers++;
              const series = await plain.series.get('interactionLogEntry');
              await plain.series.put({
                id: 'interactionLogEntry',
                lastNo: series?.lastNo ?? '0',
                updatedAt: header.updatedAt,
              });
              await plain.loggedSegments.add({
                id: loggedId,
                createdAt: header.updatedAt,
                updatedAt: header.updatedAt,
                entryNo: -(run + 1),
                segmentNo: header.no,
                description: header.description,
                creationDate: template[0].date,
                userId: 'BENCH',
                canceled: false,
              });
              await plain.interactionLog.bulkAdd(
                lines.map((l, i) => ({
                  ...template[i],
                  correspondenceType:
                    l.correspondenceType === 'Email' && !byNo.get(l.contactNo)?.email ? '' : l.correspondenceType,
                  id: `B${run}-${String(i).padStart(6, '0')}`,
                  entryNo: entryNoOf(i),
                  segmentNo: header.no,
                  loggedSegmentId: loggedId,
                  loggedSegmentEntryNo: -(run + 1),
                })),
              );
              await plain.segmentLines.bulkDelete(lines.map((l) => l.id));
              await plain.criteriaActions.where('segmentId').equals(otherId).delete();
              await plain.segments.delete(otherId);
            },
          ),
        ),
      );
      check(blockers === 0, `baseline: ${blockers} lines without their contact`);
      check((await plain.interactionLog.where('loggedSegmentId').equals(loggedId).count()) === L, 'baseline entries');
      await plain.interactionLog.where('loggedSegmentId').equals(loggedId).delete();
      await plain.loggedSegments.delete(loggedId);
      bare.detail = f.detail;
      {
        const again = await ws.segments.create({ description: `Bare ${run}` });
        await ws.segments.addContactList(again.no, lineNos);
        const againId = (await plain.segments.where('no').equals(again.no).first())!.id;
        const entries = template.map((e, i) => ({
          ...e,
          id: `BB${run}-${String(i).padStart(6, '0')}`,
          entryNo: entryNoOf(i),
        }));
        bare.plain.push(
          await time(() =>
            plain.transaction('rw', [plain.interactionLog, plain.segmentLines], async () => {
              await plain.interactionLog.bulkAdd(entries);
              await plain.segmentLines.where('segmentId').equals(againId).delete();
            }),
          ),
        );
        await plain.interactionLog.bulkDelete(entries.map((e) => e.id));
        await ws.segments.remove(again.no);
      }
    }
    figures.push(f, bare);
    say('log done');
  }

  // 8. The Segments list with `segments` segments (every `bigSegmentEvery`-th one of `segmentLines` lines,
  // the others of `smallSegmentLines`), against the headers and a native count of each one's lines.
  if (asked.has('list')) {
    check(lineTemplate !== undefined, 'a line to copy for the Segments list');
    const existing = await plain.segments.toArray();
    for (const s of existing) await ws.segments.remove(s.no);
    let total = 0;
    for (let i = 0; i < sizes.segments; i++) {
      const seg = await ws.segments.create({ description: `Segment ${i + 1}` });
      const id = (await plain.segments.where('no').equals(seg.no).first())!.id;
      const count = i % sizes.bigSegmentEvery === 0 ? L : sizes.smallSegmentLines;
      const lines: SegmentLine[] = [];
      for (let n = 0; n < count; n++)
        lines.push({
          ...lineTemplate!,
          id: `S${i}-${n}`,
          segmentId: id,
          segmentNo: seg.no,
          lineNo: (n + 1) * 10000,
          contactNo: nos[n % N],
        });
      await plain.segmentLines.bulkAdd(lines);
      total += count;
    }
    // The lines were written past the store: their segments' stored figures are counted once, as a restore does.
    await fillFigures(plain);
    say(`${sizes.segments} segments with ${total} lines built`);
    const f: EngineFigure = {
      what: `Segments list, ${sizes.segments} segments`,
      detail: `${total} lines in all`,
      store: [],
      plain: [],
      plainWhat: "headers + native count of each one's lines",
      pageGoalMs: 100,
    };
    for (let run = 0; run < sizes.runs; run++) {
      const listed = await timeList(() => ws.segments.list(), linesShown);
      const [n, lines] = [listed.n, listed.sum];
      f.store.push(listed.ms);
      check(n === sizes.segments, `the list shows ${n} segments`);
      check(lines === total, `the list shows ${lines} lines of ${total}`);
      f.plain.push(
        await time(() =>
          plain.transaction('r', [plain.segments, plain.segmentLines], async () => {
            const hs = await plain.segments.toArray();
            await Promise.all(hs.map((h) => plain.segmentLines.where('segmentId').equals(h.id).count()));
          }),
        ),
      );
    }
    figures.push(f);
    for (const s of await plain.segments.toArray()) await plain.segmentLines.where('segmentId').equals(s.id).delete();
    await plain.segments.clear();
  }

  // 9. Interaction Log Entries on a `logEntries`-entry log: filtered by contact and by segment; the
  // Logged Segments page's counts. Entries: copies of a real one, each logged segment of `segmentLines`.
  if (asked.has('entries')) {
    const have = await plain.interactionLog.count();
    const [entry] = template;
    const perSegment = L;
    const extra: InteractionLogEntry[] = [];
    const maxNo = (await plain.interactionLog.orderBy('entryNo').last())?.entryNo ?? 0;
    const logged = await plain.loggedSegments.toArray();
    for (let i = have; i < sizes.logEntries; i++) {
      const k = Math.floor(i / perSegment);
      const ls = logged[k % logged.length];
      extra.push({
        ...entry,
        id: `E${String(i).padStart(8, '0')}`,
        entryNo: maxNo + 1 + i,
        contactNo: nos[(i * 7919) % Math.min(N, 10_000)],
        segmentNo: `LOGSEG${k}`,
        loggedSegmentId: ls.id,
        loggedSegmentEntryNo: ls.entryNo,
      });
    }
    for (let i = 0; i < extra.length; i += 10_000) await plain.interactionLog.bulkAdd(extra.slice(i, i + 10_000));
    await fillFigures(plain);
    const count = await plain.interactionLog.count();
    say(`interaction log of ${count} entries built`);
    check(extra.length > 0, 'the log to build');
    const { contactNo } = extra[0];
    const { segmentNo } = extra[Math.floor(extra.length / 2)];
    const v1Read = (field: 'contactNo' | 'segmentNo', value: string) => async () =>
      (
        await plain.interactionLog
          .where(field)
          .equals(value)
          .filter((e) => e[field] === value)
          .toArray()
      ).sort((a, b) => a.entryNo - b.entryNo);
    for (const [field, value] of [['contactNo', contactNo]] as const) {
      const f: EngineFigure = {
        what: `Interaction Log Entries by ${field === 'contactNo' ? 'contact' : 'segment'}`,
        detail: '',
        store: [],
        plain: [],
        before: [],
        plainWhat: `[${field}+entryNo] range read`,
        pageGoalMs: 100,
      };
      for (let run = 0; run < sizes.runs; run++) {
        let n = 0;
        f.store.push(await time(async () => (n = (await ws.interactionLog.list({ [field]: value })).length)));
        f.detail = `${n} of ${count} entries`;
        check(n > 0, `no entries for ${field} ${value}`);
        f.plain.push(
          await time(() =>
            plain.interactionLog
              .where(`[${field}+entryNo]`)
              .between([value, Dexie.minKey], [value, Dexie.maxKey])
              .toArray(),
          ),
        );
        let m = 0;
        f.before!.push(await time(async () => (m = (await v1Read(field, value)()).length)));
        check(m === n, `v1 read ${m}, store ${n}`);
      }
      figures.push(f);
    }
    // By segment: the page the list opens with (its first PAGE entries and whether more follow), and for
    // reference the segment's count and its whole list as the page read it before.
    {
      const f: EngineFigure = {
        what: `Interaction Log Entries by segment, first ${PAGE}`,
        detail: '',
        store: [],
        plain: [],
        before: [],
        plainWhat: `[segmentNo+entryNo] range read, limit ${PAGE + 1}`,
        pageGoalMs: 100,
      };
      const counted: EngineFigure = {
        what: '  (count of the segment)',
        detail: '',
        store: [],
        plain: [],
        plainWhat: '[segmentNo+entryNo] range count',
      };
      const whole: EngineFigure = {
        what: '  (whole list of the segment)',
        detail: '',
        store: [],
        plain: [],
        plainWhat: '[segmentNo+entryNo] range read',
      };
      const range = () =>
        plain.interactionLog.where('[segmentNo+entryNo]').between([segmentNo, Dexie.minKey], [segmentNo, Dexie.maxKey]);
      for (let run = 0; run < sizes.runs; run++) {
        let page = { entries: [] as InteractionLogEntry[], more: false };
        // The same 51 entries read by both: whichever reads second finds them in the database's cache, so
        // the two take turns at reading first.
        const storePage = async () =>
          f.store.push(await time(async () => (page = await ws.interactionLog.page({ segmentNo }, PAGE))));
        const plainPage = async () =>
          f.plain.push(
            await time(() =>
              range()
                .limit(PAGE + 1)
                .toArray(),
            ),
          );
        if (run % 2 === 0) {
          await storePage();
          await plainPage();
        } else {
          await plainPage();
          await storePage();
        }
        let total = 0;
        counted.store.push(await time(async () => (total = await ws.interactionLog.count({ segmentNo }))));
        counted.plain.push(await time(() => range().count()));
        let n = 0;
        whole.store.push(await time(async () => (n = (await ws.interactionLog.list({ segmentNo })).length)));
        whole.plain.push(await time(() => range().toArray()));
        f.before!.push(await time(v1Read('segmentNo', segmentNo)));
        check(
          total === n && page.entries.length === Math.min(PAGE, n) && page.more === n > PAGE,
          `page ${page.entries.length} (more: ${page.more}), count ${total}, list ${n}`,
        );
        f.detail = `${page.entries.length} of ${count} entries${page.more ? ', more follow' : ''}`;
        counted.detail = `${total} of ${count} entries`;
        whole.detail = `${n} of ${count} entries`;
      }
      figures.push(f, counted, whole);
    }
    const ls: EngineFigure = {
      what: 'Logged Segments list (counts)',
      detail: '',
      store: [],
      plain: [],
      plainWhat: "headers + native count of each one's entries",
      pageGoalMs: 100,
    };
    for (let run = 0; run < sizes.runs; run++) {
      const listed = await timeList(() => ws.loggedSegments.list(), interactionsShown);
      ls.store.push(listed.ms);
      const [n, shown] = [listed.n, listed.sum];
      check(shown === count, `the list shows ${shown} interactions of ${count}`);
      ls.detail = `${n} logged segments, ${count} entries`;
      ls.plain.push(
        await time(() =>
          plain.transaction('r', [plain.loggedSegments, plain.interactionLog], async () => {
            const hs = await plain.loggedSegments.toArray();
            await Promise.all(hs.map((h) => plain.interactionLog.where('loggedSegmentId').equals(h.id).count()));
          }),
        ),
      );
    }
    figures.push(ls);
  }

  plain.close();
  const name = ws.ctx.db.name;
  ws.close();
  await Dexie.delete(name);
  say('done');
  return figures;
};

say('ready');
