// Messages of the criteria dialogs: a filter row that does not say what it filters, an interaction log field
// named with its group, and the contacts Reuse Segment did not add.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'criteria.error.columnNameMissing':
    'The column name is missing: type the name of the imported column this filter is for.',
  'criteria.error.fieldMissing': 'The field is missing: choose the field this filter is for.',
  // BC's page of the entries (page 5076): the dropdown's group, named again once the field is chosen.
  'criteria.interactionLogField': 'Interaction Log Entries: {field}',
  'reuseSegment.skipped':
    '{skipped, plural, one {# contact already on the segment was not added: choose Allow Existing Contacts to add it again} other {# contacts already on the segment were not added: choose Allow Existing Contacts to add them again}}.',
};

const it: typeof en = {
  'criteria.error.columnNameMissing':
    'Manca il nome colonna: digitare il nome della colonna importata a cui si riferisce il filtro.',
  'criteria.error.fieldMissing': 'Manca il campo: scegliere il campo a cui si riferisce il filtro.',
  'criteria.interactionLogField': 'Movimenti log interazione: {field}',
  'reuseSegment.skipped':
    '{skipped, plural, one {# contatto già presente nel segmento non è stato aggiunto: per aggiungerlo di nuovo, scegliere Consenti contatti esistenti} other {# contatti già presenti nel segmento non sono stati aggiunti: per aggiungerli di nuovo, scegliere Consenti contatti esistenti}}.',
};

export const criteriaDialogMessages: MessageCatalog = { en, it };
