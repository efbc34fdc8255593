// Packing pending changesets into push bodies: in slices that hand the thread back (a 10,000-line
// segment must not hold the pane while it is serialised), each body under the cap, its text exactly the
// changesets it names.
import { expect, test } from 'vitest';
import type { Changeset } from '../../src/domain/syncProtocol';
import { packChangesets, packForPush, utf8Chunks, utf8Length, type Outgoing } from '../../src/sync/packing';

const encoder = new TextEncoder();

function bigChangeset(lines: number): Outgoing {
  return {
    id: 'CS-big',
    action: { name: 'segments.addContactList', args: ['SEG00001'], at: '2026-12-05T10:00:00.000Z', ids: [] },
    changes: Array.from({ length: lines }, (_, i) => ({
      table: 'segmentLines' as const,
      id: `L${i}`,
      op: 'put' as const,
      baseRev: 0,
      value: {
        id: `L${i}`,
        segmentId: 'S1',
        lineNo: (i + 1) * 10000,
        contactNo: `C${i}`,
        name: `Città ${i} 😀 Ünïcode`,
      },
    })),
  } as unknown as Outgoing;
}

test('UTF-8 length without encoding: ASCII, accents, CJK, pairs and a lone surrogate', () => {
  for (const s of ['', 'abc', 'Città', '東京', '😀x', 'a\ud800b', 'end\udc00', JSON.stringify({ n: 'Ünï 😀' })])
    expect(utf8Length(s)).toBe(encoder.encode(s).length);
});

test('a 10,000-line changeset is packed in slices, handing the thread back between them', async () => {
  let pauses = 0;
  const bodies = await packForPush([bigChangeset(10_000)], 1024 * 1024, 0, async () => void pauses++);
  expect(bodies.length).toBeGreaterThan(1);
  expect(pauses).toBeGreaterThanOrEqual(10_000 / 200);
});

test('each body is under the cap and its text is exactly the changesets it names, as the one-go packing gives', async () => {
  const cap = 256 * 1024;
  const small: Outgoing = { id: 'CS-small', changes: bigChangeset(3).changes };
  const pending = [small, bigChangeset(2_000), { ...small, id: 'CS-after' }];
  const bodies = await packForPush(pending, cap);
  expect(bodies.map((b) => b.changesets)).toEqual(packChangesets(pending, cap));
  const whole: Changeset['changes'] = [];
  for (const b of bodies) {
    expect(JSON.parse(b.json)).toEqual(JSON.parse(JSON.stringify(b.changesets)));
    const envelope = `{"schemaVersion":1,"clientId":"pane-0123456789","changesets":${b.json}}`;
    expect(encoder.encode(envelope).length).toBeLessThanOrEqual(cap);
    for (const cs of b.changesets) if (cs.id === 'CS-big') whole.push(...cs.changes);
  }
  expect(whole).toEqual(pending[1].changes);
  const parts = bodies.flatMap((b) => b.changesets).filter((c) => c.part);
  expect(parts.map((p) => p.part!.no)).toEqual(parts.map((_, i) => i + 1));
  expect(parts[0].action?.name).toBe('segments.addContactList');
  expect(parts.slice(1).every((p) => p.action === undefined)).toBe(true);
});

test('UTF-8 in chunks: the bytes of the whole text, a surrogate pair never cut in two', () => {
  for (const text of ['a😀b😀😀c', '😀😀😀', 'abc', '', 'x\ud800y', JSON.stringify({ n: 'Città 😀 東京' })])
    for (const size of [1, 2, 3, 5, 64])
      expect(Buffer.concat([...utf8Chunks(text, size)]).equals(Buffer.from(encoder.encode(text)))).toBe(true);
});

test('each body is also encoded as UTF-8 in chunks, between pauses, byte for byte its text', async () => {
  let pauses = 0;
  const bodies = await packForPush([bigChangeset(6_000)], 4 * 1024 * 1024, 0, async () => void pauses++);
  let chunks = 0;
  for (const b of bodies) {
    expect(b.utf8!.length).toBeGreaterThan(1);
    chunks += b.utf8!.length;
    expect(Buffer.concat(b.utf8!).equals(Buffer.from(encoder.encode(b.json)))).toBe(true);
    expect(await b.blob!.text()).toBe(b.json);
  }
  expect(pauses).toBeGreaterThanOrEqual(6_000 / 200 + chunks - 1);
});
