// The fields of BC's Interaction Log Entry, as its card shows them: grouped as the Segment page groups an
// interaction (General, Interaction, Campaign), each with BC's caption and its value as the user reads it
// (dates, times and amounts in the workspace locale, options in BC's captions, a blank option blank).
import type { InteractionLogEntry } from '../../domain/log';
import { optionCaption } from '../common/errorText';
import type { useI18n } from '../common/i18n';

type I18n = ReturnType<typeof useI18n>;

export interface EntryCardGroup {
  /** Catalog key of the group's heading. */
  heading: string;
  /** Caption (shown) and value of each field. */
  fields: [string, string][];
}

/** `contactName`: the contact's name as the workspace holds it now ('' when the contact is gone). */
export function entryCardGroups(e: InteractionLogEntry, contactName: string, i18n: I18n): EntryCardGroup[] {
  const { t, formatDate, formatNumber, locale } = i18n;
  const yesNo = (b: boolean) => t(b ? 'option.yes' : 'option.no');
  const option = (v: string) => (v === '' ? '' : optionCaption(t, v));
  // BC shows the time of interaction with its seconds; stored as HH:MM:SS, read as such whatever the zone.
  const time = e.time
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`1970-01-01T${e.time}Z`),
      )
    : '';
  const f = (key: string, value: string): [string, string] => [t(key), value];
  return [
    {
      heading: 'entryCard.general',
      fields: [
        f('field.entryNo', String(e.entryNo)),
        f('field.contactNo', e.contactNo),
        f('field.contactName', contactName),
        f('field.contactCompanyNo', e.contactCompanyNo),
        f('field.date', formatDate(e.date)),
        f('field.time', time),
        f('field.description', e.description),
        f('field.subject', e.subject),
        f('field.comment', e.comment),
        f('field.canceled', yesNo(e.canceled)),
        f('field.userId', e.userId),
      ],
    },
    {
      heading: 'entryCard.interaction',
      fields: [
        f('field.segmentNo', e.segmentNo),
        f('field.loggedSegmentEntryNo', e.loggedSegmentEntryNo ? String(e.loggedSegmentEntryNo) : ''),
        f('field.interactionTemplateCode', e.interactionTemplateCode),
        f('field.interactionGroupCode', e.interactionGroupCode),
        f('field.salespersonCode', e.salespersonCode),
        f('field.correspondenceType', option(e.correspondenceType)),
        f('entryCard.interactionLanguageCode', e.languageCode),
        f('field.informationFlow', option(e.informationFlow)),
        f('field.initiatedBy', option(e.initiatedBy)),
        f('field.cost', formatNumber(e.cost, { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
        f('field.duration', formatNumber(e.duration)),
        f('field.attemptFailed', yesNo(e.attemptFailed)),
        f('field.evaluation', option(e.evaluation)),
        f('field.deliveryStatus', option(e.deliveryStatus)),
      ],
    },
    {
      heading: 'entryCard.campaign',
      fields: [
        f('field.campaignNo', e.campaignNo),
        f('field.campaignTarget', yesNo(e.campaignTarget)),
        f('field.campaignResponse', yesNo(e.campaignResponse)),
      ],
    },
  ];
}
