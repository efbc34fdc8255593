// What a user does to one interaction log entry, from its row's menu or from its card: set Canceled to what
// the user chose, set its Evaluation, and show its stored letter (a new Word document in Word, a .docx
// download elsewhere). A failure is said as a note; the entry stays as it was.
import type { Evaluation } from '../../domain/enums';
import type { InteractionLogEntry } from '../../domain/log';
import type { WordPort } from '../../domain/ports/wordPort';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { showLetter } from '../mailMerge/showLetter';

export interface EntryActions {
  setCanceled(e: InteractionLogEntry, canceled: boolean): Promise<void>;
  setEvaluation(e: InteractionLogEntry, evaluation: Evaluation): Promise<void>;
  showLetter(e: InteractionLogEntry): Promise<void>;
}

/** `word` in Word: the letter opens as a new document there. */
export function useEntryActions(word?: WordPort): EntryActions {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const notify = useNotify();
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      notify.error(e);
    }
  };
  return {
    setCanceled: (e, canceled) => act(() => workspace.interactionLog.setCanceled(e.entryNo, canceled)),
    setEvaluation: (e, evaluation) => act(() => workspace.interactionLog.setEvaluation(e.entryNo, evaluation)),
    showLetter: (e) =>
      act(async () => {
        if (!e.letter) {
          notify.info(t('entries.noLetter'));
          return;
        }
        const file = `${e.segmentNo}-${e.entryNo}`;
        const how = await showLetter(word, e.letter, file);
        notify.success(
          how === 'opened'
            ? t('entries.letterOpened', { entryNo: e.entryNo })
            : t('entries.letterDownloaded', { entryNo: e.entryNo, file: `${file}.docx` }),
        );
      }),
  };
}
