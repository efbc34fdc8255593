// A component of a chunk that is not part of the first load: it renders the real one when its chunk is
// here, and waits for it inside itself otherwise, so it needs no Suspense boundary around it.
// Every such chunk is also listed here (laterLoads): once the pane is interactive and idle it fetches them
// all in the background (src/taskpane/backgroundParts.ts), so that a page opens while the server is away.
import { Suspense, lazy, type ComponentProps, type ComponentType } from 'react';

const loads = new Set<() => Promise<unknown>>();
/** The parts the user is waiting for now (a part rendered before its chunk was here). */
let waiting = 0;

/** Every chunk of the pane declared so far (each module declares its own as it is evaluated). */
export const laterLoads = (): (() => Promise<unknown>)[] => [...loads];
/** Whether the user waits for a part now: the background fetch leaves the way to it. */
export const userWaiting = (): boolean => waiting > 0;

/** A chunk fetched in the background once the pane is idle (a failed fetch is tried again later). */
export function laterLoad<T>(load: () => Promise<T>): () => Promise<T> {
  loads.add(load);
  return load;
}

/** A fetch the user waits for: counted while it runs. */
async function asked<T>(load: () => Promise<T>): Promise<T> {
  waiting++;
  try {
    return await load();
  } finally {
    waiting--;
  }
}

/**
 * Parts whose chunk could not be fetched, each with how to make it fetch again. A failed part keeps its
 * failure until the user asks again (its boundary's Try again: retryParts): were it to fetch again on its
 * own, React's own retry of the failed render would start a new fetch, suspend, and never show the error.
 */
const failed = new Set<() => void>();

/** The parts that failed fetch their chunk again on their next render (Try again). */
export function retryParts(): void {
  for (const reset of [...failed]) reset();
  failed.clear();
}

/**
 * A chunk fetched once, on the first `load`: `loaded` gives it when it is here. A failed fetch (the
 * network) is tried again on the next `load`.
 */
export function laterChunk<M>(fetch: () => Promise<M>, arrived?: (m: M) => void) {
  let value: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: laterLoad((): Promise<M> => {
      loading ??= fetch().then(
        (m) => {
          value = m;
          arrived?.(m);
          return m;
        },
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      );
      return loading;
    }),
    loaded: (): M | undefined => value,
  };
}

/**
 * React's lazy, tried again: React keeps a lazy component's failure for ever, so a part whose chunk could not
 * be fetched (the server away) could not be shown again without reloading the pane. Here the part's
 * boundary's Try again (retryParts) gives it a new lazy component, and a chunk fetched in the background
 * (before the part was ever shown, or after it failed) renders at once, without suspending.
 */
// `any` as React's own lazy has it: a component of any props (each part's props are checked where it is used).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPart<C extends ComponentType<any>>(
  fetch: () => Promise<{ default: C }>,
): ComponentType<ComponentProps<C>> {
  type P = ComponentProps<C>;
  let rendered = false;
  const chunk = laterChunk(fetch, (m) => {
    if (!rendered) Shown = m.default as ComponentType<P>;
  });
  const reset = () => {
    if (!chunk.loaded()) Shown = fresh();
  };
  const fresh = (): ComponentType<P> =>
    lazy<ComponentType<P>>(async () => {
      rendered = true;
      try {
        return await asked(chunk.load);
      } catch (e) {
        rendered = false;
        failed.add(reset);
        throw e;
      }
    });
  let Shown: ComponentType<P> = fresh();
  function Part(props: P) {
    return <Shown {...props} />;
  }
  return Part;
}

export function laterPart<M, P extends object>(
  name: string,
  load: () => Promise<M>,
  loaded: () => M | undefined,
  pick: (m: M) => ComponentType<P>,
): ComponentType<P> {
  // A failed fetch gets a new lazy component when the user asks again (retryParts).
  const reset = () => {
    Later = fresh();
  };
  const fresh = (): ComponentType<P> =>
    lazy(async () => {
      try {
        return { default: pick(await asked(load)) };
      } catch (e) {
        failed.add(reset);
        throw e;
      }
    });
  let Later = fresh();
  function Part(props: P) {
    const m = loaded();
    if (m) {
      const Real = pick(m);
      return <Real {...props} />;
    }
    return (
      <Suspense fallback={null}>
        <Later {...props} />
      </Suspense>
    );
  }
  Part.displayName = name;
  return Part;
}
