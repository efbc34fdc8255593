// The pane shows its start page before the workspace has opened (the store, its schemas and the shared
// workspace's client are a chunk fetched beside the first page): the pages call a workspace that waits
// for the real one. A live query started before the workspace opened still follows the data, a call
// made before it opened runs once it has, and a workspace that fails to open fails every call with why.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { liveQuery } from 'dexie';
import { describe, expect, test } from 'vitest';
import { openWorkspace, type WorkspaceHandle } from '../../src/store/index';
import type { SegmentHeader } from '../../src/domain/segment';
import { deferredWorkspace } from '../../src/taskpane/deferredWorkspace';
import { loadLiveQueries } from '../../src/ui/common/useLiveQuery';

let n = 0;
const open = () => openWorkspace({ name: `deferred-${++n}`, indexedDB: new IDBFactory(), IDBKeyRange });

function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(f()).toBe(true);
};

describe('the workspace the pages get before it has opened', () => {
  test('a live query subscribed before the workspace opened sees later changes', async () => {
    // The pages' live queries run once their code is here (useLiveQuery.ts); the stand-in waits through it then.
    await loadLiveQueries();
    const opening = later<WorkspaceHandle>();
    const ws = deferredWorkspace(opening.promise);
    const seen: SegmentHeader[][] = [];
    const sub = liveQuery(() => ws.segments.list()).subscribe({ next: (v) => void seen.push(v) });
    try {
      await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([]); // nothing until the workspace is there
      const real = await open();
      opening.resolve(real);
      await until(() => seen.length === 1);
      expect(seen[0]).toEqual([]);
      await ws.segments.create({ description: 'Spring mailing' });
      await until(() => seen.at(-1)?.length === 1);
      expect(seen.at(-1)?.[0].description).toBe('Spring mailing');
      real.close();
    } finally {
      sub.unsubscribe();
    }
  });

  test('a write asked for before the workspace opened runs, validated, once it has', async () => {
    const opening = later<WorkspaceHandle>();
    const ws = deferredWorkspace(opening.promise);
    const created = ws.segments.create({ description: 'Early' });
    const refused = ws.segments.create({ description: 'x'.repeat(500) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const real = await open();
    opening.resolve(real);
    expect((await created).description).toBe('Early');
    expect(String(await refused)).toMatch(/description: is longer than 100 characters/);
    expect((await real.segments.list()).map((s) => s.description)).toEqual(['Early']);
    real.close();
  });

  test('a workspace that cannot open fails each call with the reason', async () => {
    const opening = later<WorkspaceHandle>();
    const ws = deferredWorkspace(opening.promise);
    const call = ws.segments.list();
    opening.reject(new Error('the database is blocked'));
    await expect(call).rejects.toThrow('the database is blocked');
    await expect(ws.profile.get()).rejects.toThrow('the database is blocked');
  });
});
