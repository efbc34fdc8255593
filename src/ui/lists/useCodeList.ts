// One code list (salespeople, groups, languages…), live.
import { useLiveQuery } from '../common/useLiveQuery';
import type { CodeDescription, Language, Salesperson, Territory } from '../../domain/codes';
import type { InteractionTemplate } from '../../domain/interaction';
import type { Workspace } from '../../domain/workspace';
import { useWorkspace } from '../common/services';

export type CodeListName =
  | 'salespeople'
  | 'interactionGroups'
  | 'mailingGroups'
  | 'industryGroups'
  | 'jobResponsibilities'
  | 'businessRelations'
  | 'languages'
  | 'territories'
  | 'interactionTemplates';

export type CodeRecord = CodeDescription | Salesperson | Language | Territory | InteractionTemplate;

export function codeListApi(workspace: Workspace, list: CodeListName) {
  return workspace[list] as Workspace['mailingGroups'] & {
    list(): Promise<CodeRecord[]>;
    upsert: Workspace['mailingGroups']['upsert'];
  };
}

/** `undefined` while loading. */
export function useCodeList(list: CodeListName): CodeRecord[] | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => codeListApi(workspace, list).list(), [workspace, list]);
}
