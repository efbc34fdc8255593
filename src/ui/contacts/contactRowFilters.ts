// The Contacts list's filter rows (BC's filter pane): which fields they offer, the filters they make, and
// the values a contact's row shows for them, so the user sees why the contact matched.
import type { Contact } from '../../domain/contact';
import { isSegmentsError } from '../../domain/errors';
import { optionCaption } from '../common/errorText';
import type { Translate } from '../common/i18n';
import { criteriaErrorText } from '../criteria/criteriaCaptions';
import { EXTRA_PREFIX, contactFilterFields, type FilterRow } from '../criteria/criteriaFilters';
import type { FilterRowError } from '../criteria/FilterRows';
import { extraValueText } from './extraValueText';

type Words = Parameters<typeof extraValueText>[0];

/** Name and City have their own boxes above the rows: a row on either would replace that box's filter. */
const OWN_BOXES = new Set(['contact.name', 'contact.city']);
/** The contact fields a row offers: those the criteria dialog offers for contacts, but the page's boxes. */
export const rowFields = contactFilterFields.filter((f) => !OWN_BOXES.has(f));

/** Fields a contact's row already shows as they are (No., Type beneath it, the e-mail in the sub-line). */
const SHOWN = new Set(['contact.no', 'contact.type', 'contact.email']);

/** The row's filter when it has a field and a value (an empty value is no filter). */
const isSet = (row: FilterRow) => row.field !== '' && row.field !== EXTRA_PREFIX && row.expression.trim() !== '';

/** The contact filters of the rows and the page's boxes (`contact` keys of CriteriaFilters), ANDed. */
export function contactFilterOf(rows: readonly FilterRow[], boxes: Record<string, string>): Record<string, string> {
  const contact: Record<string, string> = {};
  for (const row of rows) if (isSet(row)) contact[row.field.slice('contact.'.length)] = row.expression.trim();
  for (const [field, expression] of Object.entries(boxes)) if (expression.trim()) contact[field] = expression.trim();
  return contact;
}

/**
 * The list's error as the filter on `field` (`contact.<field>`) shows it, when it is that filter's: the
 * user's words and the position the filter field marks.
 */
export function filterErrorAt(t: Translate, error: unknown, field: string): FilterRowError | undefined {
  if (!isSegmentsError(error, 'INVALID_FILTER') || error.details.field !== field) return undefined;
  const position = error.details.position;
  return { text: criteriaErrorText(t, error), position: typeof position === 'number' ? position : undefined };
}

/** A field's value in the contact as the user reads it: options and Yes/No in the user's words. */
function valueText(i18n: Words, c: Contact, field: string): string {
  const { t } = i18n;
  if (field.startsWith(EXTRA_PREFIX)) {
    const v = c.extra[field.slice(EXTRA_PREFIX.length)];
    return v === undefined || v === '' ? t('common.blank') : extraValueText(i18n, v);
  }
  const key = field.slice('contact.'.length) as keyof Contact;
  const v = c[key];
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (key === 'correspondenceType') return optionCaption(t, String(v));
  return typeof v === 'string' && v !== '' ? v : t('common.blank');
}

/**
 * "Caption: value" for each set row the row does not show already; an imported column by its header alone
 * (its "Imported column:" caption would make the line twice as long).
 */
export function filteredValues(
  i18n: Words,
  caption: (field: string) => string,
  rows: readonly FilterRow[],
  c: Contact,
): string[] {
  return rows
    .filter((r) => isSet(r) && !SHOWN.has(r.field))
    .map((r) => {
      const label = r.field.startsWith(EXTRA_PREFIX) ? r.field.slice(EXTRA_PREFIX.length) : caption(r.field);
      return `${label}: ${valueText(i18n, c, r.field)}`;
    });
}

/** The imported columns' headers of these contacts (and `into`), sorted. */
export function importedHeaders(contacts: Iterable<Contact>, into: Iterable<string> = []): string[] {
  const headers = new Set(into);
  for (const c of contacts) for (const h of Object.keys(c.extra)) headers.add(h);
  return [...headers].sort((a, b) => a.localeCompare(b));
}
