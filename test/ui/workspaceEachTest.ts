// A fresh workspace (fake-indexeddb) for each test of a file, handed to `use` before the test; after it
// the rendered pane is cleaned up and the workspace closed.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { makeWorkspace } from '../store/helpers';

export type TestWorkspace = Awaited<ReturnType<typeof makeWorkspace>>;

export function workspaceEachTest(use: (ws: TestWorkspace) => void | Promise<void>) {
  let ws: TestWorkspace | undefined;
  beforeEach(async () => {
    ws = await makeWorkspace();
    await use(ws);
  });
  afterEach(() => {
    cleanup();
    ws?.close();
  });
}
