// The workspace (workspace-api.md): the one door to the data. Everything the panes do to segments goes
// through it; nothing else opens the database.
import type { DBCore, Middleware } from 'dexie';
import { SegmentsError } from '../domain/errors';
import type { OpenWorkspaceOptions, Workspace } from '../domain/workspace';
import { actionNames, isActionName } from '../domain/actionNames';
import { defineAction, RECORDED_FORMAT, registerReplayer, replayerOf, withPinned, type RecordedAction, type Replayer } from './action';
import { codeListsApis } from './codeListsApi';
import { contactsApi } from './contactsApi';
import type { StoreContext } from './context';
import { criteriaApi, savedByCode } from './criteriaApi';
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
export { actionNames, allActionNames, type ActionName } from '../domain/actionNames';
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
  const removeSavedCriteria = defineAction(ctx, {
    name: actionNames.savedCriteria.remove,
    resolve: async (code: string) => [(await savedByCode(ctx, code)).id] as [string],
    body: async (s, savedCriteriaId) => {
      const r = await db.savedCriteria.get(savedCriteriaId);
      if (!r) throw new SegmentsError('NOT_FOUND', 'The saved segment criteria this action was about no longer exist', { savedCriteriaId });
      s.action.about = r.code;
      await db.savedCriteria.delete(r.id);
    },
  });
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
      remove: removeSavedCriteria,
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
  registerReplayer(ctx, actionNames.packages.import, (text) => workspace.packages.import(text as string));
  return workspace;
}

/** The function that runs action `name` from its recorded arguments, or a refusal naming it. */
function replayerFor(workspace: WorkspaceHandle, recorded: { name: string; v?: number }): Replayer {
  const { name } = recorded;
  let run: Replayer | undefined;
  if (recorded.v === RECORDED_FORMAT) run = isActionName(name) ? replayerOf(workspace.ctx, name) : undefined;
  else {
    // Recorded by an earlier version (pending in the outbox when the pane was updated): its arguments
    // are the public method's, numbers included; the method records it anew, by id.
    const [area, method] = name.split('.');
    const target = (workspace as unknown as Record<string, Record<string, Replayer> | undefined>)[area]?.[method];
    if (typeof target === 'function') run = target;
  }
  if (!run) throw new SegmentsError('INVALID_INPUT', `Unknown action ${name}`, { field: 'name' });
  return run;
}

/**
 * Runs a recorded action again, with its recorded clock and ids (the shared workspace's replay). The
 * arguments are the recorded ones (records by id, states by value), never the public method's.
 */
export async function replayAction(workspace: WorkspaceHandle, recorded: Pick<RecordedAction, 'args' | 'at' | 'ids' | 'v'> & { name: string }): Promise<unknown> {
  const run = replayerFor(workspace, recorded);
  return withPinned(workspace.ctx, { at: recorded.at, ids: recorded.ids }, () => run(...recorded.args));
}

/** Runs a recorded action again now, with a fresh clock and new ids (Retry of a failed action). */
export async function rerunAction(workspace: WorkspaceHandle, recorded: Pick<RecordedAction, 'args' | 'v'> & { name: string }): Promise<unknown> {
  return replayerFor(workspace, recorded)(...recorded.args);
}
