// The names of every recorded workspace action, in one typed map (issue 9): the store records them,
// replay dispatches on them, and the message catalogs key the action's caption on them
// (`sync.action.<name>`). A name is `<area>.<verb>`; the area is the workspace's (workspace-api.md).

/** The code lists that share one upsert/remove pair of actions. */
export const codeListAreas = [
  'salespeople',
  'interactionGroups',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
  'languages',
  'territories',
  'interactionTemplates',
] as const;
export type CodeListArea = (typeof codeListAreas)[number];

type CodeListActions = {
  [K in CodeListArea]: { upsert: `${K}.upsert`; remove: `${K}.remove` };
};

const codeListActions = Object.fromEntries(
  codeListAreas.map((a) => [a, { upsert: `${a}.upsert`, remove: `${a}.remove` }]),
) as CodeListActions;

export const actionNames = {
  setup: { update: 'setup.update' },
  contacts: {
    upsert: 'contacts.upsert',
    importRows: 'contacts.importRows',
    nextNos: 'contacts.nextNos',
    remove: 'contacts.remove',
  },
  segments: {
    create: 'segments.create',
    updateHeader: 'segments.updateHeader',
    addLine: 'segments.addLine',
    updateLine: 'segments.updateLine',
    removeLine: 'segments.removeLine',
    remove: 'segments.remove',
    addContacts: 'segments.addContacts',
    addContactList: 'segments.addContactList',
    reduceContacts: 'segments.reduceContacts',
    refineContacts: 'segments.refineContacts',
    goBack: 'segments.goBack',
    saveCriteria: 'segments.saveCriteria',
    reuseCriteria: 'segments.reuseCriteria',
    reuseLoggedSegment: 'segments.reuseLoggedSegment',
    applyMailingGroup: 'segments.applyMailingGroup',
    log: 'segments.log',
  },
  savedCriteria: { remove: 'savedCriteria.remove' },
  loggedSegments: {
    setCanceled: 'loggedSegments.setCanceled',
    createFollowUp: 'loggedSegments.createFollowUp',
    deleteCanceled: 'loggedSegments.deleteCanceled',
  },
  interactionLog: {
    setCanceled: 'interactionLog.setCanceled',
    setEvaluation: 'interactionLog.setEvaluation',
    setDeliveryStatus: 'interactionLog.setDeliveryStatus',
    deleteCanceled: 'interactionLog.deleteCanceled',
  },
  packages: { import: 'packages.import' },
  sampleWorkspace: { load: 'sampleWorkspace.load', remove: 'sampleWorkspace.remove' },
  ...codeListActions,
} as const;

type Leaves<T> = {
  [K in keyof T]: T[K] extends string ? T[K] : Leaves<T[K]>;
}[keyof T];

/** The name of a recorded action, e.g. `segments.addContacts`. */
export type ActionName = Leaves<typeof actionNames>;

/** Every action name, once. */
export const allActionNames: readonly ActionName[] = Object.values(actionNames).flatMap(
  (area) => Object.values(area) as ActionName[],
);

const known = new Set<string>(allActionNames);
export function isActionName(name: string): name is ActionName {
  return known.has(name);
}
