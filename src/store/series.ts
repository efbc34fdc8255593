// Number series: the last number used is stored, so a number is never issued twice.
import type { Table } from 'dexie';
import { nextNo } from '../domain/series';
import type { SeriesKind } from '../domain/setup';
import type { ActionScope } from './action';
import type { StoreContext } from './context';

/** The next number of a pattern-based series (segments, contacts), skipping numbers already in use. */
export async function takeNo(
  ctx: StoreContext,
  s: ActionScope,
  kind: SeriesKind,
  pattern: string,
  inUse: (no: string) => Promise<boolean>,
): Promise<string> {
  const rec = await ctx.db.series.get(kind);
  let no = nextNo(pattern, rec?.lastNo);
  while (await inUse(no)) no = nextNo(pattern, no);
  await ctx.db.series.put({ id: kind, lastNo: no, updatedAt: s.stamp });
  return no;
}

/** `count` numbers in a row from a pattern-based series. */
export async function takeNos(
  ctx: StoreContext,
  s: ActionScope,
  kind: SeriesKind,
  pattern: string,
  count: number,
  inUse: (nos: string[]) => Promise<Set<string>>,
): Promise<string[]> {
  const rec = await ctx.db.series.get(kind);
  const out: string[] = [];
  let last = rec?.lastNo;
  while (out.length < count) {
    const batch: string[] = [];
    while (batch.length < count - out.length) {
      last = nextNo(pattern, last);
      batch.push(last);
    }
    const used = await inUse(batch);
    out.push(...batch.filter((n) => !used.has(n)));
  }
  if (count > 0) await ctx.db.series.put({ id: kind, lastNo: last!, updatedAt: s.stamp });
  return out;
}

/** A table numbered by an integer series, read through its `entryNo` index. */
type EntryNumbered = Table<{ entryNo: number }, string>;

/**
 * The next entry numbers (1, 2, …) of an integer series: after the series' last number and after every
 * number `table` already holds (rows pulled from another pane or restored may be ahead of the series).
 * The numbers held are read forward from the series' last one, where there normally is nothing: never
 * through a cursor walking back from the top of the index, which in a read-write transaction Chromium
 * moves one seek per deleted entry (after 10,000 entries were deleted, the next log waited minutes).
 */
export async function takeEntryNos(
  ctx: StoreContext,
  s: ActionScope,
  kind: 'loggedSegment' | 'interactionLogEntry',
  count: number,
  table: EntryNumbered,
): Promise<number[]> {
  const rec = await ctx.db.series.get(kind);
  let last = Number(rec?.lastNo ?? 0) || 0;
  for (const no of (await table.where('entryNo').above(last).keys()) as number[]) if (no > last) last = no;
  const start = last + 1;
  const nos = Array.from({ length: count }, (_, i) => start + i);
  if (count > 0) await ctx.db.series.put({ id: kind, lastNo: String(start + count - 1), updatedAt: s.stamp });
  return nos;
}
