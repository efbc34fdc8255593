// The caption of each code list, written once: the menu, the page titles and the shared workspace's
// "could not apply" texts name a list by it.
import type { CodeListName } from './useCodeList';

export const codeListTitleKeys: Record<CodeListName, string> = {
  salespeople: 'nav.salespeople',
  interactionGroups: 'nav.interactionGroups',
  mailingGroups: 'nav.mailingGroups',
  industryGroups: 'nav.industryGroups',
  jobResponsibilities: 'nav.jobResponsibilities',
  businessRelations: 'nav.businessRelations',
  languages: 'nav.languages',
  territories: 'nav.territories',
  interactionTemplates: 'nav.templates',
};

/** The code lists that have their own page (templates have theirs), in the order of the menu. */
export const codeListPages = [
  'interactionGroups',
  'salespeople',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
  'languages',
  'territories',
] as const satisfies readonly Exclude<CodeListName, 'interactionTemplates'>[];
