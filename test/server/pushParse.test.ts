// A push body is read as the push schema reads it, with the bulk of it (the changes) checked by hand:
// the same result for a good body, key for key (the digest of a retried changeset prints it), and for
// a bad one the same message, naming where.
import { expect, test } from 'vitest';
import { describeIssues, parsePushRequest, plainChanges, pushRequestSchema } from '../../src/domain/syncProtocol';
import { line, newId, segment } from './fixtures';

function body(changes: unknown[], patch: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    clientId: 'pane-1',
    changesets: [
      {
        id: newId('CS'),
        action: { name: 'segments.addContactList', args: ['S1', ['C1']], at: '2026-12-06T09:00:00.000Z', ids: [] },
        changes,
        read: { rev: 3, tables: ['contacts'] },
      },
      { id: newId('CS'), changes: [{ table: 'contacts', id: 'C9', op: 'delete', baseRev: 2 }], part: { no: 1, of: 2 } },
    ],
    ...patch,
  };
}

const s = segment(newId('SG'), 'SEG01');
const lines = Array.from({ length: 10_000 }, (_, i) => ({
  table: 'segmentLines',
  id: `L${i}`,
  op: 'put',
  // Keys in another order than the schema's: the result has the schema's order.
  baseRev: i % 3,
  value: line(`L${i}`, s.id, s.no, (i + 1) * 10_000, `C${i}`),
}));
const good = [{ op: 'put', value: s, table: 'segments', id: s.id, baseRev: 0 }, ...lines];

test('a push of 10,000 lines is read by hand, to exactly what the schema makes of it', () => {
  const b = JSON.parse(JSON.stringify(body(good)));
  expect(plainChanges(b.changesets[0].changes)).toHaveLength(10_001);
  const fast = parsePushRequest(b);
  const schema = pushRequestSchema.safeParse(b);
  expect(fast.success).toBe(true);
  expect(fast.data).toEqual(schema.data);
  expect(JSON.stringify(fast.data)).toBe(JSON.stringify(schema.data));
});

const change = { table: 'segmentLines', id: 'L1', op: 'put', baseRev: 0, value: { id: 'L1', lineNo: 1 } };
test.each<[string, unknown]>([
  ['a table that is not a workspace table', { ...change, table: 'users' }],
  ['an id with a space', { ...change, id: 'L 1', value: { id: 'L 1' } }],
  ['an empty id', { ...change, id: '', value: { id: '' } }],
  ['an id of 65 characters', { ...change, id: 'x'.repeat(65), value: { id: 'x'.repeat(65) } }],
  ['an id that is a number', { ...change, id: 1, value: { id: 1 } }],
  ['an unknown field', { ...change, extra: 1 }],
  ['a put without a value', { table: 'segmentLines', id: 'L1', op: 'put', baseRev: 0 }],
  ['a delete with a value', { ...change, op: 'delete' }],
  ['a value of another row', { ...change, value: { id: 'L2' } }],
  ['a value that is a list', { ...change, value: ['L1'] }],
  ['a value that is null', { ...change, value: null }],
  ['an operation that is neither', { ...change, op: 'patch' }],
  ['a negative base revision', { ...change, baseRev: -1 }],
  ['a fractional base revision', { ...change, baseRev: 1.5 }],
  ['a base revision as text', { ...change, baseRev: '1' }],
  ['a change that is null', null],
  ['a change that is a list', [change]],
])('%s is refused with the message the schema gives, naming the change', (_, bad) => {
  const changes = [...lines.slice(0, 5), bad, ...lines.slice(5, 10)];
  expect(plainChanges(changes)).toBeUndefined();
  const b = body(changes);
  const fast = parsePushRequest(b);
  expect(fast.success).toBe(false);
  const message = describeIssues(fast.error!);
  expect(message).toBe(describeIssues(pushRequestSchema.safeParse(b).error!));
  expect(message).toContain('changesets.0.changes.5');
});

test.each<[string, Record<string, unknown>]>([
  ['another schema version', { schemaVersion: 2 }],
  ['a client id with a slash', { clientId: 'a/b' }],
  ['an unknown field', { extra: true }],
  ['no changesets', { changesets: [] }],
])('good changes in a body with %s: the schema says what is wrong', (_, patch) => {
  const b = body(lines.slice(0, 20), patch);
  const fast = parsePushRequest(b);
  expect(fast.success).toBe(false);
  expect(describeIssues(fast.error!)).toBe(describeIssues(pushRequestSchema.safeParse(b).error!));
});

test('a changeset with a part beyond its number of parts, or changes that are not a list, is refused as the schema refuses it', () => {
  for (const b of [
    { schemaVersion: 1, clientId: 'p', changesets: [{ id: 'C1', changes: lines.slice(0, 3), part: { no: 3, of: 2 } }] },
    { schemaVersion: 1, clientId: 'p', changesets: [{ id: 'C1', changes: { 0: lines[0] } }] },
    { schemaVersion: 1, clientId: 'p', changesets: [{ id: 'C1', changes: lines.slice(0, 3), extra: 1 }] },
  ]) {
    const fast = parsePushRequest(b);
    expect(fast.success).toBe(false);
    expect(describeIssues(fast.error!)).toBe(describeIssues(pushRequestSchema.safeParse(b).error!));
  }
});

test('a value holding a "__proto__" field goes through the schema', () => {
  const value = JSON.parse('{"id":"L1","__proto__":{"x":1}}');
  const c = { table: 'segmentLines', id: 'L1', op: 'put', baseRev: 0, value };
  expect(plainChanges([c])).toBeUndefined();
  const b = body([c]);
  expect(JSON.stringify(parsePushRequest(b))).toBe(JSON.stringify(pushRequestSchema.safeParse(b)));
});
