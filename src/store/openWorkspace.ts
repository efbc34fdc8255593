// Opening the workspace: the database, the store's context, and every room behind the door (each API
// module works on the context; none calls another).
import type { DBCore, Middleware } from 'dexie';
import type { OpenWorkspaceOptions, Workspace } from '../domain/workspace';
import { actionNames } from '../domain/actionNames';
import { registerReplayer } from './action';
import { codeListsApis } from './codeListsApi';
import { contactsApi } from './contactsApi';
import type { StoreContext } from './context';
import { criteriaStepsApi } from './criteriaStepsApi';
import { DEFAULT_DB_NAME, SegmentsDb } from './db';
import { interactionLogApi } from './interactionLogApi';
import { logApi } from './logApi';
import { loggedSegmentsApi } from './loggedSegmentsApi';
import { mailingGroupApi } from './mailingGroupApi';
import { reuseSegmentApi } from './reuseSegmentApi';
import { savedCriteriaApi } from './savedCriteriaApi';
import { segmentsCoreApi } from './segmentsApi';
import type * as SegmentPackageModule from './segmentPackage';
import type { SegmentPackage, SegmentPackageReport } from './segmentPackage';
import { sampleWorkspaceApi } from './sampleWorkspace';
import { profileApi, setupApi } from './setupProfile';
import { createUlidFactory } from './ulid';

export interface StoreOptions extends OpenWorkspaceOptions {
  /** DBCore middlewares registered before the database opens (the shared workspace's outbox). */
  dbCoreMiddlewares?: Middleware<DBCore>[];
  /** Fault injection for tests. */
  faults?: StoreContext['faults'];
}

/** The workspace with the store's own handles, for the shared workspace and packages. */
export interface WorkspaceHandle extends Workspace {
  readonly ctx: StoreContext;
  /** Segment packages (segmentPackage.ts); an import is the action `packages.import`. */
  packages: {
    export(segmentNo: string): Promise<SegmentPackage>;
    import(text: string): Promise<SegmentPackageReport>;
  };
}

let packagesModule: typeof SegmentPackageModule | undefined;
async function loadPackages(): Promise<typeof SegmentPackageModule> {
  return (packagesModule ??= await import(/* webpackChunkName: "transfer-store" */ './segmentPackage'));
}

/**
 * Fetches the code of actions that load on first use (segment packages stay out of the pane's first
 * load). A replay runs inside a database transaction, which may wait on nothing but the database: the
 * shared workspace calls this before it replays.
 */
export async function loadReplayCode(): Promise<void> {
  await loadPackages();
}

export async function openWorkspace(options: StoreOptions = {}): Promise<WorkspaceHandle> {
  const db = new SegmentsDb(options.name ?? DEFAULT_DB_NAME, {
    indexedDB: options.indexedDB,
    IDBKeyRange: options.IDBKeyRange,
  });
  for (const m of options.dbCoreMiddlewares ?? []) db.use(m);
  await db.open();
  const now = options.now ?? (() => new Date());
  const ctx: StoreContext = {
    db,
    now,
    newId: options.newId ?? createUlidFactory(now),
    locale: options.locale ?? 'en-US',
    faults: options.faults,
  };
  const saved = savedCriteriaApi(ctx);
  const segments = {
    ...segmentsCoreApi(ctx),
    ...criteriaStepsApi(ctx),
    ...saved.segments,
    ...reuseSegmentApi(ctx),
    ...mailingGroupApi(ctx),
    ...logApi(ctx),
  };
  const workspace: WorkspaceHandle = {
    ctx,
    close: () => db.close(),
    setup: setupApi(ctx),
    profile: profileApi(ctx),
    contacts: contactsApi(ctx),
    ...codeListsApis(ctx),
    segments,
    savedCriteria: saved.savedCriteria,
    loggedSegments: loggedSegmentsApi(ctx),
    interactionLog: interactionLogApi(ctx),
    sampleWorkspace: sampleWorkspaceApi(ctx),
    packages: {
      export: async (segmentNo) => (await loadPackages()).exportSegmentPackage(ctx, segmentNo),
      // Once loaded, no wait before the action (a replay calls it inside its transaction).
      import: (text) =>
        packagesModule
          ? packagesModule.importSegmentPackage(ctx, text)
          : loadPackages().then((m) => m.importSegmentPackage(ctx, text)),
    },
  };
  registerReplayer(ctx, actionNames.packages.import, (text) => workspace.packages.import(text as string));
  return workspace;
}
