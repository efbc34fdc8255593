// A component of a chunk that is not part of the first load: it renders the real one when its chunk is
// here, and waits for it inside itself otherwise, so it needs no Suspense boundary around it.
import { Suspense, lazy, type ComponentType } from 'react';

/**
 * A chunk fetched once, on the first `load`: `loaded` gives it when it is here. A failed fetch (the
 * network) is tried again on the next `load`.
 */
export function laterChunk<M>(fetch: () => Promise<M>, arrived?: (m: M) => void) {
  let value: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load(): Promise<M> {
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
    },
    loaded: (): M | undefined => value,
  };
}

export function laterPart<M, P extends object>(
  name: string,
  load: () => Promise<M>,
  loaded: () => M | undefined,
  pick: (m: M) => ComponentType<P>,
): ComponentType<P> {
  const Later = lazy(async () => ({ default: pick(await load()) }));
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
