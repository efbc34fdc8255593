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

/** A segment of the market's P101 and P201 (or the given contacts) with template MEMO and salesperson JR unless
 * told otherwise, logged. */
export async function logSegment(
  ws: TestWorkspace,
  description: string,
  header: { interactionTemplateCode?: string; salespersonCode?: string } = {},
  contactNos = ['P101', 'P201'],
) {
  const h = await ws.segments.create({
    description,
    interactionTemplateCode: 'MEMO',
    salespersonCode: 'JR',
    ...header,
  });
  await ws.segments.addContactList(h.no, contactNos);
  return ws.segments.log(h.no);
}
