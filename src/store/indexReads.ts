// Reading the records whose index key is one of many values, without a cursor that jumps from key to
// key (Dexie's anyOf): every jump is a round trip, and in fake-indexeddb (tests, bench) each step of an
// index cursor walks the index from its start, so a 10,000-key anyOf took tens of seconds.
import type { IndexableType, Table } from 'dexie';

/** When the keys' range holds at most this many records per wanted key, one range read beats per-key reads. */
const RANGE_READ_FACTOR = 4;

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records whose `index` value is one of `keys` (strings or numbers), in the order anyOf gives:
 * by index key, then by primary key. Reads the keys' whole range at once when it is dense (one
 * request), else each key on its own (parallel requests in the caller's transaction).
 */
export async function readByIndexKeys<T>(
  table: Table<T, string>,
  index: string,
  keys: Iterable<string | number>,
): Promise<T[]> {
  const wanted = [...new Set(keys)].sort(cmp);
  if (wanted.length === 0) return [];
  if (wanted.length === 1) return table.where(index).equals(wanted[0]).toArray();
  const lower = wanted[0] as IndexableType;
  const upper = wanted[wanted.length - 1] as IndexableType;
  const inRange = await table.where(index).between(lower, upper, true, true).count();
  if (inRange <= wanted.length * RANGE_READ_FACTOR) {
    const set = new Set<unknown>(wanted);
    const rows = await table.where(index).between(lower, upper, true, true).toArray();
    return rows.filter((r) => set.has((r as Record<string, unknown>)[index]));
  }
  const perKey = await Promise.all(wanted.map((k) => table.where(index).equals(k).toArray()));
  return perKey.flat();
}
