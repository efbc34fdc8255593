// Fluent's MessageBar for conditions the start page rarely shows (a list that cannot be read, a host page
// not wired in): fetched when one is first shown, not with the first load.
import type { MessageBarBodyProps, MessageBarProps } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { laterChunk, laterPart } from './laterPart';
import type * as Parts from './messageBarParts';

const bar = laterChunk(() => import(/* webpackChunkName: "message-bar" */ './messageBarParts'));

const part = <P extends object>(name: string, pick: (p: typeof Parts) => ComponentType<P>) =>
  laterPart(name, bar.load, bar.loaded, pick);

export const MessageBar = part<MessageBarProps>('MessageBar', (p) => p.MessageBar);
export const MessageBarBody = part<MessageBarBodyProps>('MessageBarBody', (p) => p.MessageBarBody);
