// The sample workspace's load and removal, shared by the welcome and Setup: whether any of its records is in
// the workspace (live, so both places follow a load or removal made in the other), one action each with
// the outcome as a toast, and removal asked first. On a team server with roles only an administrator
// removes it: removal deletes codes (salespeople, groups, templates), which a member may not delete.
import { useState } from 'react';
import type { SampleWorkspaceResult } from '../../domain/sampleWorkspace';
import { localeForLanguage, type UiLanguage } from '../../domain/setup';
import type { Workspace } from '../../domain/workspace';
import { useConfirm } from '../common/confirm';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { useLiveQuery } from '../common/useLiveQuery';
import { useRole } from '../common/useRole';

/**
 * A new workspace takes the user's locale when it is first set up: only while its Setup was never saved.
 * Not set (no right to change Setup, the workspace not open): the workspace keeps its default, and the
 * pane shows and reads dates in it all the same.
 */
export async function setUpLocale(workspace: Workspace, language: UiLanguage): Promise<void> {
  try {
    const setup = await workspace.setup.get();
    if (setup.updatedAt === '') await workspace.setup.update({ locale: localeForLanguage(language) });
  } catch {
    // the way in goes on: what it does says its own failures
  }
}

const total = (r: SampleWorkspaceResult) => Object.values(r.counts).reduce((a, b) => a + b, 0);

export interface SampleWorkspaceState {
  /** Any record of the sample is in the workspace; undefined while reading. */
  loaded: boolean | undefined;
  busy: boolean;
  /** This user may remove it (an administrator, or no roles). */
  mayRemove: boolean;
  load(): Promise<void>;
  /** Asks first; nothing happens on No. */
  remove(): Promise<void>;
}

export function useSampleWorkspace(): SampleWorkspaceState {
  const { t, formatNumber, language } = useI18n();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  const [busy, setBusy] = useState(false);
  const status = useLiveQuery(() => workspace.sampleWorkspace.status(), [workspace]);
  const run = async (remove: boolean) => {
    if (remove && !(await confirm({ title: t('firstRun.sample.remove'), text: t('firstRun.sample.removeConfirm') })))
      return;
    setBusy(true);
    try {
      if (!remove) await setUpLocale(workspace, language);
      const r = remove ? await workspace.sampleWorkspace.remove() : await workspace.sampleWorkspace.load();
      const vars = { contacts: formatNumber(r.counts.contacts), n: formatNumber(total(r)) };
      notify.success(t(remove ? 'firstRun.sample.removed' : 'firstRun.sample.loaded', vars));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  return {
    loaded: status?.loaded,
    busy,
    mayRemove: rights.changeCodes,
    load: () => run(false),
    remove: () => run(true),
  };
}
