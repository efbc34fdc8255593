// The workspace's Setup, live, and the saving of one of its fields.
import { useLiveQuery } from '../common/useLiveQuery';
import type { Setup, SetupRule } from '../../domain/setup';
import { SegmentsError } from '../../domain/errors';
import { UserMessage, fieldCaption } from '../common/errorText';
import { useI18n, type Translate } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';

/** `undefined` while loading. */
export function useSetup(): Setup | undefined {
  const workspace = useWorkspace();
  return useLiveQuery(() => workspace.setup.get(), [workspace]);
}

/** The fields of Setup the page edits. */
export type SetupField = 'segmentNos' | 'contactNos' | 'defaultCorrespondenceType' | 'defaultLanguageCode' | 'locale';

/**
 * Saves one field of Setup. Saved, "Setup was saved."; a value the workspace refuses comes back as the
 * reason, in the user's words, for the field to show it; any other failure is told as the pane tells failures.
 */
export function useSaveSetupField(): (field: SetupField, value: string) => Promise<string | undefined> {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const notify = useNotify();
  return async (field, value) => {
    try {
      await workspace.setup.update({ [field]: value });
      notify.success(t('setup.saved'));
      return undefined;
    } catch (e) {
      const refusal = refusalOf(t, e);
      if (refusal?.field === field) return refusal.text;
      // A refusal of another field (one saved before its rule, now refused with any change) is told in words too.
      notify.error(refusal ? new UserMessage(refusal.text) : e);
      return undefined;
    }
  };
}

/** A refusal of a Setup field's value, worded at the field by the rule it breaks (store/setupProfile.ts). */
function refusalOf(t: Translate, e: unknown): { field: string; text: string } | undefined {
  const isRefusal =
    e instanceof SegmentsError || (typeof e === 'object' && e !== null && (e as Error).name === 'SegmentsError');
  if (!isRefusal) return undefined;
  const { field, rule, max, example, code } = (e as SegmentsError).details ?? {};
  if (typeof field !== 'string' || typeof rule !== 'string') return undefined;
  const caption = fieldCaption(t, field);
  if ((rule as SetupRule) === 'notExist')
    return { field, text: t('lookup.notExist', { field: caption, code: String(code) }) };
  const key = `setup.rule.${rule}`;
  const text = t(key, { field: caption, max: Number(max), example: String(example) });
  return text === key ? undefined : { field, text };
}
