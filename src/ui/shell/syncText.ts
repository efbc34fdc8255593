// The shared workspace in the user's words: an action that could not be applied (what it was, from its
// recorded name and arguments) and why (its SegmentsError code and details, as every refusal is said), the
// fields and values another user's later change replaced, and the numbers that moved.
import { errorCodes, SegmentsError, type SegmentsErrorCode } from '../../domain/errors';
import { errorText, fieldCaption, optionCaption } from '../common/errorText';
import { forbiddenText, isForbidden } from '../common/forbiddenText';
import { codeListTitleKeys } from '../lists/codeListTitles';
import type { Translate } from '../common/i18n';
import type { FailedAction, Renumbered } from '../../domain/ports/syncStatus';

/** "Add Contacts to segment SEG00003": the action's name in words, with the number it was about. */
export function syncActionText(t: Translate, failed: Pick<FailedAction, 'name' | 'args' | 'about'>): string {
  // Recorded arguments name records by id; the number the user saw travels beside them.
  const first = failed.args[0];
  const no = failed.about ?? (typeof first === 'string' || typeof first === 'number' ? String(first) : '');
  const [area, method] = failed.name.split('.');
  const list = Object.hasOwn(codeListTitleKeys, area)
    ? codeListTitleKeys[area as keyof typeof codeListTitleKeys]
    : undefined;
  if (list && method === 'remove')
    return t('sync.action.codeList.remove', { record: recordCaption(t, area, list), no });
  if (list && method === 'upsert') return codeListUpsertText(t, area, list, failed);
  // A contact's card saves one contact: named by its number, where an import is one action of many.
  if (failed.name === 'contacts.upsert') {
    const rows = Array.isArray(first) ? first : [];
    const one =
      rows.length === 1 && rows[0] && typeof rows[0] === 'object' ? (rows[0] as { no?: unknown }).no : undefined;
    const contact = failed.about ?? (typeof one === 'string' ? one : undefined);
    if (contact !== undefined) return t('sync.action.contacts.change', { no: contact });
  }
  const key = `sync.action.${failed.name}`;
  const text = t(key, { no });
  return text === key ? t('sync.action.unknown', { name: failed.name }) : text;
}

/**
 * A code list's record by its caption and code ("Change Mailing Group VIP", "Create…" for a new code, as
 * its card inserts it); an upsert of several records names how many, in the list.
 */
function codeListUpsertText(
  t: Translate,
  area: string,
  list: string,
  action: Pick<FailedAction, 'args' | 'about'>,
): string {
  const [given, opts] = action.args;
  const rows = Array.isArray(given) ? given : [];
  const codes = rows.map((r) => (r && typeof r === 'object' ? (r as { code?: unknown }).code : undefined));
  const code = action.about ?? (codes.length === 1 && typeof codes[0] === 'string' ? codes[0] : undefined);
  if (code === undefined) return t('sync.action.codeList.upsertMany', { n: rows.length, list: t(list) });
  const insert = !!opts && typeof opts === 'object' && (opts as { insertOnly?: unknown }).insertOnly === true;
  return t(insert ? 'sync.action.codeList.insert' : 'sync.action.codeList.upsert', {
    record: recordCaption(t, area, list),
    no: code,
  });
}

/** A code list's record, singular ("Mailing Group"); the list's title where it has no record caption. */
function recordCaption(t: Translate, area: string, list: string): string {
  const key = `codes.record.${area}`;
  const record = t(key);
  return record === key ? t(list) : record;
}

/** Why it could not be applied, in the user's language. */
export function syncReasonText(t: Translate, failed: Pick<FailedAction, 'code' | 'message' | 'details'>): string {
  if (isForbidden(failed.message)) return forbiddenText(t, failed.message);
  // A refusal with no code of ours (the server's own check, an HTTP answer): said in the user's words, the
  // server's text kept for whoever looks after the server.
  if (!(errorCodes as readonly string[]).includes(failed.code))
    return `${t('sync.refusedByServer')} ${t('sync.refusedDetails', { text: failed.message })}`;
  const text = errorText(t, new SegmentsError(failed.code as SegmentsErrorCode, failed.message, failed.details ?? {}));
  // The colleague who created the same code first, when the server named them.
  const by = failed.details?.by;
  if (failed.code !== 'ALREADY_EXISTS' || typeof by !== 'string' || !by) return text;
  // BC's words end on the key's value ("Code='VIP'"): the sentence that follows is set apart.
  return `${text}${/[.!?…]$/.test(text) ? '' : '.'} ${t('sync.createdBy', { user: by })}`;
}

/**
 * Whether running the action again can succeed: a new code that a colleague created first stays taken,
 * so that refusal offers only to dismiss it.
 */
export function syncCanRetry(failed: Pick<FailedAction, 'code'>): boolean {
  return failed.code !== 'ALREADY_EXISTS';
}

/** A field a user sets, by its caption: the field captions, and the few only the shared workspace names. */
export function syncFieldCaption(t: Translate, field: string): string {
  const key = `sync.field.${field}`;
  const own = t(key);
  return own === key ? fieldCaption(t, field) : own;
}

/** Fields whose values are documents (a letter, the letters by language): named, their values not quoted. */
const DOCUMENT_FIELDS = new Set(['letter', 'letters']);
/** Fields whose values are BC options: shown by their captions. */
const OPTION_FIELDS = new Set([
  'evaluation',
  'deliveryStatus',
  'correspondenceType',
  'correspondenceTypeDefault',
  'defaultCorrespondenceType',
  'informationFlow',
  'initiatedBy',
]);

/** Whether a value can be quoted in a sentence (a document or a structure is only named). */
export function syncValueShown(field: string, value: unknown): boolean {
  if (DOCUMENT_FIELDS.has(field)) return false;
  // A list of codes (a contact's mailing groups) is shown as its codes.
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  return value === null || typeof value !== 'object';
}

/** A value a user set, as the pane shows it: Yes/No, an option's caption, or the text itself. */
export function syncValueText(t: Translate, field: string, value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'option.yes' : 'option.no');
  if (typeof value === 'string' && OPTION_FIELDS.has(field)) return optionCaption(t, value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('common.blank');
  return value === undefined || value === null ? '' : String(value);
}

/** How many numbers runs such as "1–3, 7" hold (the interaction log entries that moved). */
function countOfRuns(runs: string): number {
  let n = 0;
  for (const run of runs.split(',')) {
    const [a, b] = run.split('\u2013').map((x) => Number(x.trim()));
    n += Number.isFinite(b) && b >= a ? b - a + 1 : 1;
  }
  return n;
}

/** "Segment SEG00005 is now SEG00006: …": a number that moved, in the user's words. */
export function syncRenumberedText(t: Translate, r: Renumbered): string {
  return t(`sync.renumbered.${r.table}`, {
    from: r.from,
    to: r.to,
    segment: r.segmentNo ?? '',
    n: countOfRuns(r.from),
  });
}
