// A refusal in words the user can act on, in the user's language: SegmentsError codes map to catalog
// messages filled from the error's details; anything else is shown with its own message.
import { SegmentsError } from '../../domain/errors';
import type { Translate } from './i18n';

/** A message already in the user's words (a page worded the failure itself): shown as it is. */
export class UserMessage extends Error {
  override name = 'UserMessage';
}

/**
 * Whether a part of the pane's code could not be fetched: webpack's ChunkLoadError, or the browser's own
 * failure to import a module (the connection dropped, or the server now serves a newer build).
 */
function isPartUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'ChunkLoadError' || (typeof message === 'string' && /dynamically imported module/i.test(message));
}

export function errorText(t: Translate, e: unknown): string {
  if (e instanceof UserMessage) return e.message;
  if (isPartUnavailable(e)) return t('error.partUnavailable');
  if (
    e instanceof SegmentsError ||
    (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'SegmentsError')
  ) {
    const err = e as SegmentsError;
    const d = err.details ?? {};
    const vars: Record<string, string | number> = { message: err.message };
    for (const [k, v] of Object.entries(d)) if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
    if (typeof d.field === 'string') vars.field = fieldCaption(t, d.field);
    if (err.code === 'NOT_FOUND') vars.what = String(d.segmentNo ?? d.contactNo ?? d.code ?? d.field ?? err.message);
    // A record whose key is already in its list: BC's words, with the list's record caption.
    if (err.code === 'ALREADY_EXISTS') {
      const record = `codes.record.${String(d.list)}`;
      vars.what = t(record) === record ? t('common.code') : t(record);
      return t('error.ALREADY_EXISTS', vars);
    }
    // A feature this Office lacks (domain/officeRequirements): what it needs, in the user's language.
    if (d.code === 'featureUnavailable') return t('error.featureUnavailable', vars);
    // A refusal the import and letter pages word by its code (a file not UTF-8, a letter not a Word file…).
    if (typeof d.code === 'string') {
      const params = typeof d.params === 'object' && d.params !== null ? (d.params as Record<string, unknown>) : {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
      const key = `excel.error.${d.code}`;
      const text = t(key, vars);
      if (text !== key && !/\{\w+\}/.test(text)) return text;
    }
    // A filter's value of the wrong form (a date, an option) or a column no contact has: its own words.
    if (err.code === 'INVALID_FILTER' && typeof d.expected === 'string') {
      if (typeof d.options === 'string')
        vars.options = d.options
          .split('|')
          .map((o) => optionCaption(t, o))
          .join(', ');
      const key = `error.INVALID_FILTER.${d.expected}${typeof d.suggestion === 'string' ? '.suggest' : ''}`;
      const text = t(key, vars);
      if (text !== key && !/\{\w+\}/.test(text)) return text;
    }
    if (err.code === 'INVALID_FILTER' && (d.field === undefined || d.position === undefined))
      return t('error.INVALID_FILTER.noField', vars);
    if (err.code === 'INVALID_INPUT' || err.code === 'INVALID_PACKAGE' || err.code === 'CONFLICT')
      return t(`error.${err.code}`, vars);
    const text = t(`error.${err.code}`, vars);
    // A message whose placeholders the details could not fill falls back to the developer's message.
    return /\{\w+\}/.test(text) ? t('error.unknown', vars) : text;
  }
  return t('error.unknown', { message: e instanceof Error ? e.message : String(e) });
}

/** A field's caption: contact fields, `extra.<Header>` columns, related data. */
export function fieldCaption(t: Translate, field: string): string {
  if (field.startsWith('extra.')) return t('criteria.extraField', { header: field.slice('extra.'.length) });
  const key = field.replace(/^(contact|interactionLog)\./, '');
  // A record's Code is captioned once, for every list (BC: Code, Codice).
  if (key === 'code') return t('common.code');
  const caption = t(`field.${key}`);
  return caption === `field.${key}` ? field : caption;
}

/** An enumeration value's caption (BC's captions are the values; '' is blank). */
export function optionCaption(t: Translate, value: string): string {
  if (value === '') return t('common.blank');
  const c = t(`option.${value}`);
  return c === `option.${value}` ? value : c;
}
