// The words for a criteria field: criteria name an imported column `contact.extra.<Header>`, which the
// user knows as "Imported column: <Header>" (the caption the filter rows use).
import { SegmentsError } from '../../domain/errors';
import { errorText, fieldCaption } from '../common/errorText';
import type { Translate } from '../common/i18n';
import { EXTRA_PREFIX } from './criteriaFilters';

const INTERACTION_LOG_PREFIX = 'interactionLog.';

/**
 * A criteria field's caption: contact fields, imported columns, related data, interaction log fields. An
 * interaction log field is named with its group ("Interaction Log Entries: Salesperson Code"): the entries share
 * captions with the contact (Salesperson Code, Date…), and a chosen field or a summary has no group around it.
 */
export function criteriaFieldCaption(t: Translate, field: string): string {
  if (field.startsWith(INTERACTION_LOG_PREFIX))
    return t('criteria.interactionLogField', { field: criteriaFieldBareCaption(t, field) });
  return criteriaFieldBareCaption(t, field);
}

/** A criteria field's caption without its group: where the group is shown around it (the dropdown's options). */
export function criteriaFieldBareCaption(t: Translate, field: string): string {
  if (field.startsWith(EXTRA_PREFIX)) return t('criteria.extraField', { header: field.slice(EXTRA_PREFIX.length) });
  return fieldCaption(t, field.replace(/^profileAnswer\./, ''));
}

/** The error with an imported column named as errorText's captions know it (`extra.<Header>`). */
export function criteriaError(e: unknown): unknown {
  if (!(e instanceof SegmentsError)) return e;
  const field = e.details.field;
  if (typeof field !== 'string' || !field.startsWith(EXTRA_PREFIX)) return e;
  const named = new SegmentsError(e.code, e.message, { ...e.details, field: field.slice('contact.'.length) });
  named.stack = e.stack;
  return named;
}

/** A criteria step's refusal in the user's words, an imported column named by its caption. */
export function criteriaErrorText(t: Translate, e: unknown): string {
  return errorText(t, criteriaError(e));
}
