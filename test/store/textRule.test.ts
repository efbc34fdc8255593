// Issue 11, finding 6: one text rule for everything stored. Every schema of a stored row refuses a
// string that breaks it (extra fields, letters and filters included), every action refuses arguments
// that break it, and an import names the cell.
import { expect, test } from 'vitest';
import { storedRowSchemas } from '../../src/domain/storedRows';
import { findTextRuleViolation } from '../../src/domain/text';
import type { SyncTable } from '../../src/domain/syncProtocol';
import type { RecordedAction } from '../../src/store/index';
import { outboxMiddleware } from '../../src/store/outbox';
import { everyAction, type Ws } from './everyAction';
import { actionRecorder, makeWorkspace, seedMarket } from './helpers';

const BAD = ['\u0000', '\ud800', '\u0007'];

/** Every path to a string leaf of a row, and every key of an object that holds such leaves. */
function stringPaths(v: unknown, path: (string | number)[] = []): { path: (string | number)[]; key: boolean }[] {
  if (typeof v === 'string') return [{ path, key: false }];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [{ path: [...path, k], key: true }, ...stringPaths(x, [...path, k])]);
  return [];
}

function mutate(row: unknown, at: { path: (string | number)[]; key: boolean }, bad: string): unknown {
  const copy = structuredClone(row) as Record<string | number, unknown>;
  let parent = copy;
  for (const p of at.path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = at.path.at(-1)!;
  if (at.key) {
    parent[`${String(last)}${bad}`] = parent[last];
    delete parent[last];
  } else parent[last] = `${String(parent[last])}${bad}`;
  return copy;
}

async function fullWorkspace(): Promise<Ws> {
  const writes: { table: string; action: RecordedAction }[] = [];
  const ws = await makeWorkspace({
    dbCoreMiddlewares: [actionRecorder(writes)],
  });
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  await ws.contacts.upsert([{ no: 'P101', extra: { Note: 'Cliente storico', Visits: 3 } }]);
  await everyAction(ws, writes);
  await ws.territories.upsert([{ code: 'NORD', name: 'Nord-Est' }]);
  const no = (
    await ws.segments.create({
      description: 'Kept',
      interactionTemplateCode: 'ABSTRACT',
      letters: { ITA: { subject: 'Oggetto', ooxml: '<w:p/>' } },
    })
  ).no;
  await ws.segments.addContacts(no, {
    contact: { city: 'Roma' },
    interactionLog: { date: '<=t' },
  });
  await ws.segments.saveCriteria(no, 'KEEP', 'Kept criteria');
  const lineNo = (await ws.segments.get(no))!.lines[0].lineNo;
  await ws.segments.log(no, {
    letters: [{ lineNo, ooxml: '<w:p><w:r><w:t>Caro</w:t></w:r></w:p>' }],
  });
  return ws;
}

test('every stored row schema refuses a value that breaks the text rule, anywhere in the row', async () => {
  const ws = await fullWorkspace();
  const escapes: string[] = [];
  let checked = 0;
  for (const [table, schema] of Object.entries(storedRowSchemas) as [
    SyncTable,
    (typeof storedRowSchemas)[SyncTable],
  ][]) {
    const rows = (await ws.ctx.db.table(table).toArray()).slice(0, 5);
    expect(rows.length, `rows of ${table}`).toBeGreaterThan(0);
    for (const row of rows) {
      const ok = schema.safeParse(row);
      expect(ok.success, `${table} ${JSON.stringify(ok.error?.issues)}`).toBe(true);
      for (const at of stringPaths(row)) {
        for (const bad of BAD) {
          const r = schema.safeParse(mutate(row, at, bad));
          checked++;
          // A string must be refused; a key may also be dropped (fixed shapes strip unknown keys), never kept.
          if (at.key ? r.success && findTextRuleViolation(r.data) : r.success)
            escapes.push(`${table}.${at.path.join('.')}${at.key ? ' (key)' : ''} with ${JSON.stringify(bad)}`);
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect(escapes).toEqual([]);
});

test('an extra field with a NUL is refused row by row on import, and the recorded action carries only the rows taken', async () => {
  const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware()] });
  const report = await ws.contacts.upsert([
    { no: 'T1', name: 'Good', extra: { Note: 'fine' } },
    { no: 'T2', name: 'Bad', extra: { Note: 'a\u0000b' } },
    { no: 'T3', name: 'Bad key', extra: { 'No\u0000te': 'x' } },
    { no: 'T4', name: 'Broken \ud83d' },
  ]);
  expect(report.inserted).toBe(1);
  expect(report.rejected.map((r) => [r.index, r.issues.join('; ')])).toEqual([
    [1, expect.stringMatching(/^extra\.Note: contains a NUL character/)],
    [2, expect.stringMatching(/^extra/)],
    [3, expect.stringMatching(/^name: contains a broken character/)],
  ]);
  const outbox = await ws.ctx.db.outbox.toArray();
  expect(outbox.length).toBeGreaterThan(0);
  expect(findTextRuleViolation(outbox.map((o) => [o.value, o.before, o.action]))).toBeUndefined();
});

test('an action whose arguments break the text rule is refused and writes nothing', async () => {
  const ws = await makeWorkspace({ dbCoreMiddlewares: [outboxMiddleware()] });
  await seedMarket(ws);
  const no = (await ws.segments.create({ description: 'Text' })).no;
  await ws.segments.addLine(no, 'P101');
  const before = await ws.ctx.db.outbox.count();
  await expect(ws.segments.updateLine(no, 10000, { comment: 'ciao \ud800' })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
    details: { field: 'comment' },
  });
  await expect(ws.segments.addContacts(no, { contact: { 'extra.Note': 'x\u0000' } })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
    details: { textProblem: 'nul' },
  });
  await expect(
    ws.segments.log(no, {
      letters: [{ lineNo: 10000, ooxml: '<w:t>\u0001</w:t>' }],
    }),
  ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  await expect(ws.segments.saveCriteria(no, 'C\u0000', '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  expect(await ws.ctx.db.outbox.count()).toBe(before);
  expect((await ws.segments.get(no))!.lines[0].comment).toBe('');
});
