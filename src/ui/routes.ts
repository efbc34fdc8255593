// The pages of the pane and how to name them. Navigation is plain state in the shell (no router): a
// narrow pane has one page at a time, with a Back button and a menu of pages.
import type { InteractionLogFilter } from '../domain/workspace';
import type { CodeListName } from './hooks/useCodeList';

export type Route =
  | { page: 'segments' }
  | { page: 'segment'; no: string }
  | { page: 'loggedSegments' }
  | { page: 'interactionLog'; filter?: InteractionLogFilter }
  | { page: 'savedCriteria' }
  | { page: 'contacts' }
  | { page: 'templates' }
  | { page: 'codeList'; list: Exclude<CodeListName, 'interactionTemplates'> }
  | { page: 'setup' }
  | { page: 'officeCheck' }
  | { page: 'profile' }
  | { page: 'transfer' }
  | { page: 'csvImport' }
  | { page: 'excelImport'; segmentNo?: string }
  | { page: 'mailMerge' };

export type Navigate = (to: Route) => void;

const codeListKeys: Record<Exclude<CodeListName, 'interactionTemplates'>, string> = {
  salespeople: 'nav.salespeople',
  interactionGroups: 'nav.interactionGroups',
  mailingGroups: 'nav.mailingGroups',
  industryGroups: 'nav.industryGroups',
  jobResponsibilities: 'nav.jobResponsibilities',
  businessRelations: 'nav.businessRelations',
  languages: 'nav.languages',
};

/** The catalog key and variables of a page's title. */
export function routeTitle(r: Route): [string, Record<string, string>?] {
  switch (r.page) {
    case 'segment':
      return ['nav.segment', { no: r.no }];
    case 'codeList':
      return [codeListKeys[r.list]];
    default:
      return [`nav.${r.page}`];
  }
}
