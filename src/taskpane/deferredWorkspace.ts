// The workspace the pages get while the real one opens: the store (its rooms, their schemas) and the
// shared workspace's client are a chunk fetched beside the first page, so the shell and its start page
// show before the database is open. Every method waits for the real workspace, then calls it; once it is
// open, calls go straight through. A call made inside a live query waits through the live queries' own wait
// (src/ui/common/useLiveQuery.ts), which keeps the live query's context across it: the reads after it are
// observed, so the page follows the data.
import { liveWait } from '../ui/common/useLiveQuery';
import type { Workspace } from '../domain/workspace';

type Method = (...args: unknown[]) => unknown;
type Rooms = Record<PropertyKey, Record<PropertyKey, Method>>;

export function deferredWorkspace<W extends Workspace>(opening: Promise<W>): W {
  let opened: Rooms | undefined;
  opening.then(
    (w) => void (opened = w as unknown as Rooms),
    () => undefined, // each call says why (below)
  );
  const room = (name: PropertyKey) => {
    const methods = new Map<PropertyKey, Method>();
    return new Proxy(
      {},
      {
        get(_target, method) {
          let m = methods.get(method);
          if (!m) {
            m = (...args) => {
              if (opened) return opened[name][method](...args);
              // A failure to open is each call's to report (its caller gets why).
              return liveWait(opening).then((w) => (w as unknown as Rooms)[name][method](...args));
            };
            methods.set(method, m);
          }
          return m;
        },
      },
    );
  };
  const rooms = new Map<PropertyKey, unknown>();
  return new Proxy({} as W, {
    get(_target, name) {
      // Closing is the pane's (Boot closes what it opened); a page never closes the workspace.
      if (name === 'close') return () => void opening.then((w) => w.close()).catch(() => undefined);
      // Not a thenable: `await workspace` must not wait on a method.
      if (name === 'then') return undefined;
      let r = rooms.get(name);
      if (!r) rooms.set(name, (r = room(name)));
      return r;
    },
  });
}
