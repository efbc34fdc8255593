// One browser with its own profile and the production build served over HTTPS, for a test file's tests:
// started before them, stopped and removed after.
import { afterAll, beforeAll } from 'vitest';
import { launch, removeProfile, type BrowserSession } from './browser';
import { serveDist } from './staticServer';

export interface PaneSession {
  /** The pane's address: https://localhost:<port>/taskpane.html */
  readonly url: string;
  readonly session: BrowserSession;
}

export function usePaneSession(): PaneSession {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    server = await serveDist();
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    if (session) removeProfile(session.profileDir);
    await server?.close();
  });
  return {
    get url() {
      return `${server!.url}/taskpane.html`;
    },
    get session() {
      return session!;
    },
  };
}
