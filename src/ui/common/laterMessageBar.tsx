// Fluent's MessageBar for conditions the start page rarely shows (a list that cannot be read, a host page
// not wired in): fetched when one is first shown, not with the first load. Each part waits for its chunk
// inside itself, so it needs no Suspense boundary around it.
import type { MessageBarBodyProps, MessageBarProps } from '@fluentui/react-components';
import { Suspense, lazy, type ComponentType } from 'react';
import type * as Parts from './messageBarParts';

let parts: typeof Parts | undefined;
const load = () => import(/* webpackChunkName: "message-bar" */ './messageBarParts').then((m) => (parts = m));

function part<P extends object>(name: string, pick: (p: typeof Parts) => ComponentType<P>): ComponentType<P> {
  const Later = lazy(async () => ({ default: pick(await load()) }));
  function Part(props: P) {
    if (parts) {
      const Real = pick(parts);
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

export const MessageBar = part<MessageBarProps>('MessageBar', (p) => p.MessageBar);
export const MessageBarBody = part<MessageBarBodyProps>('MessageBarBody', (p) => p.MessageBarBody);
