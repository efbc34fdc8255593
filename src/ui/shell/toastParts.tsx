// The notes' Fluent parts (the Toaster, a Toast with its title, body and trigger) are not part of the first
// load: they come in one chunk (toaster.ts), fetched after the first paint or with the first note. The pane
// renders notes only in its own Toaster (Notes.tsx), which arrives with them, so a note's parts render at
// once; elsewhere (another Toaster) a note shows as soon as the chunk is here.
import type { ToastBodyProps, ToastProps, ToastTitleProps, ToastTriggerProps } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { laterChunk, laterPart } from '../common/laterPart';
import type * as ToasterModule from './toaster';

type Parts = typeof ToasterModule;

const notes = laterChunk(() => import(/* webpackChunkName: "notes" */ './toaster'));
/** The chunk, fetched once (a failed fetch, e.g. the network, is tried again on the next call). */
export const loadToastParts: () => Promise<Parts> = notes.load;
/** The parts when they are here. */
export const loadedToastParts: () => Parts | undefined = notes.loaded;

const part = <P extends object>(name: string, pick: (p: Parts) => ComponentType<P>) =>
  laterPart(name, loadToastParts, loadedToastParts, pick);

export const Toast = part<ToastProps>('Toast', (p) => p.Toast);
export const ToastBody = part<ToastBodyProps>('ToastBody', (p) => p.ToastBody);
export const ToastTitle = part<ToastTitleProps>('ToastTitle', (p) => p.ToastTitle);
export const ToastTrigger = part<ToastTriggerProps>('ToastTrigger', (p) => p.ToastTrigger);
