// Database requests issued a slice at a time inside the caller's transaction, two slices in flight: the
// next slice is issued once the one before the last is done, so each task issues one slice and the
// database always has one to work on. Dexie issues a slice's requests synchronously, so the time `run`
// takes to return is what the slice held the thread: unless the size is fixed, the next slice is sized
// from it (a busy machine gets smaller slices), never more than twice the last one.

export interface SliceSizes {
  /** Items of the first slice, before the clock has said anything. */
  first: number;
  /** Items a slice never exceeds. */
  max: number;
  /** The time issuing one slice should take, in milliseconds. */
  ms: number;
  /** Items per slice, whatever the time: the size is not adapted. */
  fixed?: number;
}

export async function inSlices<T>(
  items: readonly T[],
  sizes: SliceSizes,
  run: (slice: T[], from: number, to: number) => PromiseLike<unknown>,
): Promise<void> {
  let size = sizes.fixed ?? sizes.first;
  let previous: PromiseLike<unknown> | undefined;
  for (let from = 0; from < items.length;) {
    const to = Math.min(items.length, from + size);
    const start = performance.now();
    const current = Promise.resolve(run(items.slice(from, to), from, to));
    // Its failure is thrown when it is awaited, below; until then it must not count as unhandled.
    current.catch(() => undefined);
    if (sizes.fixed === undefined) {
      const took = Math.max(0.25, performance.now() - start);
      size = Math.max(10, Math.min(sizes.max, Math.round(Math.min(2 * size, (size * sizes.ms) / took))));
    }
    from = to;
    if (previous) await previous;
    previous = current;
  }
  if (previous) await previous;
}
