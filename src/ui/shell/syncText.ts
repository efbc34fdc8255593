// The shared workspace in the user's words: an action that could not be applied (what it was, from its
// recorded name and arguments) and why (its SegmentsError code and details, as every refusal is said).
import { errorCodes, SegmentsError, type SegmentsErrorCode } from '../../domain/errors';
import { errorText } from '../common/errorText';
import { forbiddenText, isForbidden } from '../common/forbiddenText';
import { codeListTitleKeys } from '../lists/codeListTitles';
import type { Translate } from '../common/i18n';
import type { FailedAction } from '../../domain/ports/syncStatus';

/** "Add Contacts to segment SEG00003": the action's name in words, with the number it was about. */
export function syncActionText(t: Translate, failed: Pick<FailedAction, 'name' | 'args' | 'about'>): string {
  // Recorded arguments name records by id; the number the user saw travels beside them.
  const first = failed.args[0];
  const no = failed.about ?? (typeof first === 'string' || typeof first === 'number' ? String(first) : '');
  const [area, method] = failed.name.split('.');
  const list = Object.hasOwn(codeListTitleKeys, area)
    ? codeListTitleKeys[area as keyof typeof codeListTitleKeys]
    : undefined;
  if (list && (method === 'upsert' || method === 'remove')) {
    return t(`sync.action.codeList.${method}`, { list: t(list), no });
  }
  const key = `sync.action.${failed.name}`;
  const text = t(key, { no });
  return text === key ? t('sync.action.unknown', { name: failed.name }) : text;
}

/** Why it could not be applied, in the user's language. */
export function syncReasonText(t: Translate, failed: Pick<FailedAction, 'code' | 'message' | 'details'>): string {
  if (isForbidden(failed.message)) return forbiddenText(t, failed.message);
  // A refusal with no code of ours (the server's own check, an HTTP answer): said in the user's words, the
  // server's text kept for whoever looks after the server.
  if (!(errorCodes as readonly string[]).includes(failed.code))
    return `${t('sync.refusedByServer')} ${t('sync.refusedDetails', { text: failed.message })}`;
  return errorText(t, new SegmentsError(failed.code as SegmentsErrorCode, failed.message, failed.details ?? {}));
}
