// The store's live side door: what a live query needs of the store's database library, without the store.
// liveQuery runs a read and runs it again when the tables it read change; liveWait is a wait that a live
// query can make without losing track of what it reads (the library carries the live query's context
// only through its own promises). The pane fetches this door as its own small chunk (src/ui/common/
// useLiveQuery.ts), so that neither the pages' start path nor the stand-in workspace loads Dexie itself.
import Dexie, { liveQuery } from 'dexie';

export { liveQuery };

export function liveWait<T>(p: Promise<T>): PromiseLike<T> {
  return Dexie.Promise.resolve(p) as PromiseLike<T>;
}
