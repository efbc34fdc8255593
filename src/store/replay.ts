// Running a recorded action again (the shared workspace's replay, and Retry of a failed action).
import { SegmentsError } from '../domain/errors';
import { isActionName } from '../domain/actionNames';
import { RECORDED_FORMAT, replayerOf, withPinned, type RecordedAction, type Replayer } from './action';
import type { WorkspaceHandle } from './openWorkspace';

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
export async function replayAction(
  workspace: WorkspaceHandle,
  recorded: Pick<RecordedAction, 'args' | 'at' | 'ids' | 'v'> & { name: string },
): Promise<unknown> {
  const run = replayerFor(workspace, recorded);
  return withPinned(workspace.ctx, { at: recorded.at, ids: recorded.ids }, () => run(...recorded.args));
}

/** Runs a recorded action again now, with a fresh clock and new ids (Retry of a failed action). */
export async function rerunAction(
  workspace: WorkspaceHandle,
  recorded: Pick<RecordedAction, 'args' | 'v'> & { name: string },
): Promise<unknown> {
  return replayerFor(workspace, recorded)(...recorded.args);
}
