// A wait that a live query can make without losing track of what it reads: the store's database library
// carries the live query's context only through its own promises. The pane's stand-in workspace
// (src/taskpane) waits for the real one through this, so that Dexie stays inside the store.
import Dexie from 'dexie';

export function liveWait<T>(p: Promise<T>): PromiseLike<T> {
  return Dexie.Promise.resolve(p) as PromiseLike<T>;
}
