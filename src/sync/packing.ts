// Packs pending changesets into push bodies under the server's body cap; a changeset larger than the
// cap travels alone, in numbered parts that the server applies when the last one arrives.
import type { Changeset } from '../domain/syncProtocol';
import type { PendingChangeset } from '../store/syncPort';

const encoder = new TextEncoder();
const size = (v: unknown) => encoder.encode(JSON.stringify(v)).length;
/** Room for the envelope ({ schemaVersion, clientId, changesets: [...] }) and each changeset's frame. */
const ENVELOPE = 512;

/** A pending changeset, with what its action read when it chose rows by reading others. */
export type Outgoing = PendingChangeset & { read?: Changeset['read'] };

/** Each element is the `changesets` of one push request, in order. */
export function packChangesets(pending: Outgoing[], cap: number): Changeset[][] {
  const budget = cap - ENVELOPE;
  if (!(budget > 1024)) throw new Error(`the body cap ${cap} is too small to push anything`);
  const bodies: Changeset[][] = [];
  let current: Changeset[] = [];
  let used = 0;
  const flush = () => {
    if (current.length) bodies.push(current);
    current = [];
    used = 0;
  };
  for (const p of pending) {
    const cs: Changeset = { id: p.id, action: p.action, ...(p.read ? { read: p.read } : {}), changes: p.changes };
    const n = size(cs) + 2;
    if (n <= budget) {
      if (used + n > budget) flush();
      current.push(cs);
      used += n;
      continue;
    }
    flush();
    for (const part of splitIntoParts(cs, budget)) bodies.push([part]);
  }
  flush();
  return bodies;
}

function splitIntoParts(cs: Changeset, budget: number): Changeset[] {
  const actionSize = (cs.action ? size(cs.action) : 0) + (cs.read ? size(cs.read) : 0);
  if (actionSize + 256 > budget)
    throw new Error(`changeset ${cs.id}: its action (${cs.action?.name}) alone is larger than the body cap`);
  const groups: Changeset['changes'][] = [[]];
  let used = actionSize + 256;
  for (const c of cs.changes) {
    const n = size(c) + 1;
    if (n + 256 > budget)
      throw new Error(`changeset ${cs.id}: the row ${c.table} ${c.id} alone is larger than the body cap`);
    if (used + n > budget) {
      groups.push([]);
      used = 256;
    }
    groups[groups.length - 1].push(c);
    used += n;
  }
  return groups.map((changes, i) => ({
    id: cs.id,
    ...(i === 0 && cs.action ? { action: cs.action } : {}),
    ...(i === 0 && cs.read ? { read: cs.read } : {}),
    changes,
    part: { no: i + 1, of: groups.length },
  }));
}
