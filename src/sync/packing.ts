// Packs pending changesets into push bodies under the server's body cap; a changeset larger than the
// cap travels alone, in numbered parts that the server applies when the last one arrives. Each change is
// serialised once: its size is measured on that text, and the body is joined from the same texts. The
// work can run in slices (`packForPush`), handing the thread back between them, so that packing a
// 10,000-line segment never holds the pane for long.
import type { Changeset } from '../domain/syncProtocol';
import type { PendingChangeset } from '../store/syncPort';

/** Room for the envelope ({ schemaVersion, clientId, changesets: [...] }) and each changeset's frame. */
const ENVELOPE = 512;
/** Work done between two checks of the clock while packing in slices. */
const CHECK_EVERY = 200;

/** A pending changeset, with what its action read when it chose rows by reading others. */
export type Outgoing = PendingChangeset & { read?: Changeset['read'] };

/** One push request's `changesets`, and the same as JSON text (what is sent). */
export interface PackedBody {
  changesets: Changeset[];
  json: string;
  /**
   * The same text as UTF-8, in chunks encoded in slices (`packForPush`): a body of megabytes handed over
   * as one string held the pane for tens of milliseconds while it was encoded.
   */
  utf8?: Uint8Array[];
  /** The same bytes as one Blob, grown a chunk at a time (a Blob made of Blobs holds them by reference). */
  blob?: Blob;
}

/** Characters of a body encoded at once (one short step). */
const ENCODE_CHUNK = 64 * 1024;

/** Bytes of a string as UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** Each element is the `changesets` of one push request, in order. */
export function packChangesets(pending: Outgoing[], cap: number): Changeset[][] {
  const run = pack(pending, cap);
  for (let r = run.next(); ; r = run.next()) if (r.done) return r.value.map((b) => b.changesets);
}

/**
 * The same packing in slices: between slices of about `sliceMs` the thread is handed back (`pause`,
 * a macrotask by default), so the pane stays responsive while a large changeset is serialised.
 */
export async function packForPush(
  pending: Outgoing[],
  cap: number,
  sliceMs = 20,
  pause: () => Promise<void> = macrotask,
): Promise<PackedBody[]> {
  const run = pack(pending, cap);
  let slice = performance.now();
  const breathe = async () => {
    if (performance.now() - slice > sliceMs) {
      await pause();
      slice = performance.now();
    }
  };
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) {
      if (typeof TextEncoder !== 'function') return r.value;
      for (const body of r.value) {
        body.utf8 = [];
        for (const chunk of utf8Chunks(body.json)) {
          body.utf8.push(chunk);
          if (typeof Blob === 'function')
            body.blob = new Blob(body.blob ? [body.blob, chunk as BlobPart] : [chunk as BlobPart]);
          await breathe();
        }
      }
      return r.value;
    }
    await breathe();
  }
}

/** `text` as UTF-8, `chunk` characters at a time, never cutting a surrogate pair (each half would become U+FFFD). */
export function* utf8Chunks(text: string, chunk = ENCODE_CHUNK): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + chunk);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
    yield encoder.encode(text.slice(from, to));
    from = to;
  }
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface Text {
  json: string;
  bytes: number;
}

const frame = (cs: Pick<Changeset, 'id' | 'action' | 'read' | 'part'>, changes: string): string => {
  let head = `{"id":${JSON.stringify(cs.id)}`;
  if (cs.action) head += `,"action":${JSON.stringify(cs.action)}`;
  if (cs.read) head += `,"read":${JSON.stringify(cs.read)}`;
  if (cs.part) head += `,"part":${JSON.stringify(cs.part)}`;
  return `${head},"changes":[${changes}]}`;
};

/** The packing, yielding every CHECK_EVERY changes so a caller may pause between slices. */
function* pack(pending: Outgoing[], cap: number): Generator<void, PackedBody[]> {
  const budget = cap - ENVELOPE;
  if (!(budget > 1024)) throw new Error(`the body cap ${cap} is too small to push anything`);
  const bodies: PackedBody[] = [];
  let current: Changeset[] = [];
  let texts: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length) bodies.push({ changesets: current, json: `[${texts.join(',')}]` });
    current = [];
    texts = [];
    used = 0;
  };
  let work = 0;
  for (const p of pending) {
    const cs: Changeset = { id: p.id, action: p.action, ...(p.read ? { read: p.read } : {}), changes: p.changes };
    const changes: Text[] = [];
    let total = 0;
    for (const c of p.changes) {
      const json = JSON.stringify(c);
      const bytes = utf8Length(json);
      changes.push({ json, bytes });
      total += bytes + 1;
      if (++work % CHECK_EVERY === 0) yield;
    }
    const head = utf8Length(frame(cs, ''));
    const n = head + total + 2;
    if (n <= budget) {
      if (used + n > budget) flush();
      current.push(cs);
      texts.push(frame(cs, changes.map((c) => c.json).join(',')));
      used += n;
      continue;
    }
    flush();
    yield* splitIntoParts(cs, changes, budget, bodies);
  }
  flush();
  return bodies;
}

function* splitIntoParts(cs: Changeset, texts: Text[], budget: number, bodies: PackedBody[]): Generator<void> {
  const actionSize =
    (cs.action ? utf8Length(JSON.stringify(cs.action)) : 0) + (cs.read ? utf8Length(JSON.stringify(cs.read)) : 0);
  if (actionSize + 256 > budget)
    throw new Error(`changeset ${cs.id}: its action (${cs.action?.name}) alone is larger than the body cap`);
  const groups: number[][] = [[]];
  let used = actionSize + 256;
  texts.forEach((t, i) => {
    const n = t.bytes + 1;
    const c = cs.changes[i];
    if (n + 256 > budget)
      throw new Error(`changeset ${cs.id}: the row ${c.table} ${c.id} alone is larger than the body cap`);
    if (used + n > budget) {
      groups.push([]);
      used = 256;
    }
    groups[groups.length - 1].push(i);
    used += n;
  });
  for (let g = 0; g < groups.length; g++) {
    const part: Changeset = {
      id: cs.id,
      ...(g === 0 && cs.action ? { action: cs.action } : {}),
      ...(g === 0 && cs.read ? { read: cs.read } : {}),
      changes: groups[g].map((i) => cs.changes[i]),
      part: { no: g + 1, of: groups.length },
    };
    bodies.push({ changesets: [part], json: `[${frame(part, groups[g].map((i) => texts[i].json).join(','))}]` });
    yield;
  }
}
