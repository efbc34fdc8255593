// What writing a 10,000-line segment into Chromium's IndexedDB costs, by how the lines are stored: one
// record per line (as segmentLines stores them, with and without its indexes, and with only the four fields
// the indexes read), against the same lines in 20 records of 500 and in one record. Plain IndexedDB, one
// readwrite transaction per write, each into a new database, the kinds taking turns.
// It answers one question of the cross-pane goal (a 10,000-line segment on the other pane in 1.5 s): how much
// of the receiving pane's write is the number of records, and how much their size and indexes.
//   npx tsx bench/idbRecords.ts [turns]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launch, removeProfile } from '../test/e2e/browser';
import { servePages } from './pageServer';

const TURNS = Number(process.argv[2] ?? 5);
const LINES = 10_000;

// The page's code is a string: the bench's own compiler would add helpers the page does not have.
const PAGE = `async (turns, lines) => {
  const open = (name, indexed) => new Promise((ok, fail) => {
    const q = indexedDB.open(name, 1);
    q.onupgradeneeded = () => {
      const s = q.result.createObjectStore('segmentLines', { keyPath: 'id' });
      if (indexed) {
        s.createIndex('segmentId', 'segmentId');
        s.createIndex('segmentId+lineNo', ['segmentId', 'lineNo'], { unique: true });
        s.createIndex('contactNo', 'contactNo');
      }
    };
    q.onsuccess = () => ok(q.result);
    q.onerror = () => fail(q.error);
  });
  // A line as segmentLines holds one: the interaction values of a letter campaign, the record's base fields.
  const line = (i) => ({
    id: '01JLINE' + String(i).padStart(19, '0'), segmentId: '01JSEGMENT0000000000000000', segmentNo: 'SEG00001',
    lineNo: i * 10000, contactNo: 'CT' + String(i).padStart(6, '0'), contactCompanyNo: 'CT000001',
    description: 'Spring campaign letter', salespersonCode: 'JR', interactionTemplateCode: 'LETTER',
    interactionGroupCode: 'SALES', correspondenceType: '', languageCode: 'ITA', subject: 'Our new offer', cost: 0,
    duration: 0, date: '', campaignNo: '', campaignTarget: false, campaignResponse: false,
    informationFlow: 'Outbound', initiatedBy: 'Us', evaluation: '', attemptFailed: false, comment: '',
    addedByAction: 1, createdAt: '2026-12-07T02:00:00.000Z', updatedAt: '2026-12-07T02:00:00.000Z',
  });
  const slim = (i) => ({ id: '01JLINE' + String(i).padStart(19, '0'), segmentId: '01JSEGMENT0000000000000000', lineNo: i * 10000, contactNo: 'CT' + String(i).padStart(6, '0') });
  const pages = (size) => Array.from({ length: lines / size }, (_, p) => ({
    id: 'page' + p, lines: Array.from({ length: size }, (_, i) => line(p * size + i + 1)),
  }));
  const kinds = {
    'one record per line, segmentLines indexes': [true, () => Array.from({ length: lines }, (_, i) => line(i + 1))],
    'one record per line, no index': [false, () => Array.from({ length: lines }, (_, i) => line(i + 1))],
    'one record per line of the 4 indexed fields, indexes': [true, () => Array.from({ length: lines }, (_, i) => slim(i + 1))],
    'one record per line of the 4 indexed fields, no index': [false, () => Array.from({ length: lines }, (_, i) => slim(i + 1))],
    '20 records of 500 lines': [false, () => pages(500)],
    'one record of every line': [false, () => pages(lines)],
  };
  const times = {};
  let n = 0;
  for (let t = 0; t < turns; t++) {
    const order = Object.keys(kinds);
    for (let k = 0; k < t % order.length; k++) order.push(order.shift());
    for (const kind of order) {
      const [indexed, records] = kinds[kind];
      const rows = records();
      const db = await open('idb-records-' + n++, indexed);
      const start = performance.now();
      await new Promise((ok, fail) => {
        const tx = db.transaction('segmentLines', 'readwrite');
        const store = tx.objectStore('segmentLines');
        for (const r of rows) store.put(r);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      (times[kind] ??= []).push(Math.round(performance.now() - start));
      db.close();
    }
  }
  return times;
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await servePages(resolve(import.meta.dirname, 'bare'));
const s = await launch();
try {
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (2 cores shared)`,
  );
  await s.page.goto(`${server.url}/bare.html`);
  const times = (await s.page.evaluate(`(${PAGE})(${TURNS}, ${LINES})`)) as Record<string, number[]>;
  const base = median(times['one record per line, segmentLines indexes']);
  for (const [kind, xs] of Object.entries(times))
    console.log(
      `${kind}: ${median(xs)} ms median of ${xs.length} (${xs.join(' / ')}) = ${(median(xs) / base).toFixed(2)}×`,
    );
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await s.close();
  removeProfile(s.profileDir);
  await server.close();
}
