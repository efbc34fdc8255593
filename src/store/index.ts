// The workspace (workspace-api.md): the one door to the data. Everything the panes do to segments goes
// through it; nothing else opens the database. The rooms behind it (one API module per idea, the
// store-internal modules they share) are the store's own business.
export { openWorkspace, loadReplayCode, type StoreOptions, type WorkspaceHandle } from './openWorkspace';
export { replayAction, rerunAction } from './replay';
export { SegmentsError, isSegmentsError } from '../domain/errors';
export type { SegmentsErrorCode } from '../domain/errors';
export { actionNames, allActionNames, type ActionName } from '../domain/actionNames';
export type { RecordedAction } from './action';
export type { StoreContext } from './context';
