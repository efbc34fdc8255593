// The workspace (workspace-api.md): the one door to the data. Everything the panes do to segments goes
// through it; nothing else opens the database.
import type { DBCore, Middleware } from 'dexie';
import { SegmentsError } from '../domain/errors';
import type { OpenWorkspaceOptions, Workspace } from '../domain/workspace';
import { runAction, withPinned, type RecordedAction } from './action';
import { codeListsApis } from './codeListsApi';
import { contactsApi } from './contactsApi';
import type { StoreContext } from './context';
import { criteriaApi } from './criteriaApi';
import { DEFAULT_DB_NAME, SegmentsDb } from './db';
import { interactionLogApi, logApi, loggedSegmentsApi } from './logApi';
import { segmentsCoreApi } from './segmentsApi';
import type * as SegmentPackageModule from './segmentPackage';
import type { SegmentPackage, SegmentPackageReport } from './segmentPackage';
import { sampleWorkspaceApi } from './sampleWorkspace';
import { profileApi, setupApi } from './setupProfile';
import { createUlidFactory } from './ulid';

export { SegmentsError, isSegmentsError } from '../domain/errors';
export type { SegmentsErrorCode } from '../domain/errors';
export type { RecordedAction } from './action';
export type { StoreContext } from './context';

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
  const db = new SegmentsDb(options.name ?? DEFAULT_DB_NAME, { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange });
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
  const segments = { ...segmentsCoreApi(ctx), ...criteriaApi(ctx), ...logApi(ctx) };
  const workspace: WorkspaceHandle = {
    ctx,
    close: () => db.close(),
    setup: setupApi(ctx),
    profile: profileApi(ctx),
    contacts: contactsApi(ctx),
    ...codeListsApis(ctx),
    segments,
    savedCriteria: {
      list: () => db.savedCriteria.orderBy('code').toArray(),
      get: (code: string) => db.savedCriteria.where('code').equals(code).first(),
      remove: async (code: string) => {
        return runAction(ctx, 'savedCriteria.remove', [code], async () => {
          const r = await db.savedCriteria.where('code').equals(code).first();
          if (!r) throw new SegmentsError('NOT_FOUND', `Saved segment criteria ${code} do not exist`, { code });
          await db.savedCriteria.delete(r.id);
        });
      },
    },
    loggedSegments: loggedSegmentsApi(ctx),
    interactionLog: interactionLogApi(ctx),
    sampleWorkspace: sampleWorkspaceApi(ctx),
    packages: {
      export: async (segmentNo) => (await loadPackages()).exportSegmentPackage(ctx, segmentNo),
      // Once loaded, no wait before the action (a replay calls it inside its transaction).
      import: (text) => (packagesModule ? packagesModule.importSegmentPackage(ctx, text) : loadPackages().then((m) => m.importSegmentPackage(ctx, text))),
    },
  };
  return workspace;
}

/**
 * Runs a recorded action again, with its recorded clock and ids (the shared workspace's replay).
 * `name` is `<area>.<method>` as recorded, e.g. `segments.addContacts`.
 */
export async function replayAction(workspace: WorkspaceHandle, recorded: Pick<RecordedAction, 'name' | 'args' | 'at' | 'ids'>): Promise<unknown> {
  const [area, method] = recorded.name.split('.');
  const target = (workspace as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[area]?.[method];
  if (typeof target !== 'function') throw new SegmentsError('INVALID_INPUT', `Unknown action ${recorded.name}`, { field: 'name' });
  return withPinned(workspace.ctx, { at: recorded.at, ids: recorded.ids }, () => target(...recorded.args));
}
