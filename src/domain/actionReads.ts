// Actions that choose rows by reading others (sync.md, "Reads are checked too"): the tables each one
// reads beyond the rows it writes. A changeset of such an action carries the revision its pane last
// pulled and these tables; the server answers `stale` when any of them changed after that revision, and
// the pane pulls, replays the action against what it now sees, and pushes again.
import type { SyncTable } from './syncProtocol';

/** The criteria filters read contacts and the interaction log; new lines take the template's defaults. */
const criteriaStep: readonly SyncTable[] = ['contacts', 'interactionLog', 'loggedSegments', 'interactionTemplates'];

export const actionReads: Readonly<Record<string, readonly SyncTable[]>> = {
  'segments.addContacts': criteriaStep,
  'segments.reduceContacts': criteriaStep,
  'segments.refineContacts': criteriaStep,
  'segments.reuseCriteria': [...criteriaStep, 'savedCriteria'],
  'segments.reuseLoggedSegment': ['contacts', 'interactionLog', 'loggedSegments', 'interactionTemplates'],
  'segments.addContactList': ['contacts', 'interactionTemplates'],
  // Which contacts get the group: the segment's lines (the header is not rewritten) and the contacts.
  'segments.applyMailingGroup': ['contacts', 'mailingGroups', 'segmentLines'],
  // The entries copy the contacts and the templates; a follow-up segment reads the logged entries.
  'segments.log': ['contacts', 'interactionTemplates', 'loggedSegments', 'interactionLog'],
};

/** The tables the action `name` reads to choose its rows; empty for actions that read only what they write. */
export function tablesReadBy(name: string | undefined): readonly SyncTable[] {
  return (name !== undefined && Object.hasOwn(actionReads, name) ? actionReads[name] : undefined) ?? [];
}
