// The ⋯ menu of an interaction log entry's row: Open (its card), Canceled set to what the user chose, Show
// Attachments, the contact's card, the row's history, and Evaluation. Canceled and Evaluation only for
// whoever may change the entry.
import { MenuItem } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { InteractionLogEntry } from '../../domain/log';
import { useI18n } from '../common/i18n';
import { useRole } from '../common/useRole';
import type { Navigate } from '../shell/pageRegistry';
import { EvaluationMenu } from './EvaluationMenu';
import { RowMenu } from './rowActions';
import type { EntryActions } from './useEntryActions';

export function EntryRowMenu({
  entry: e,
  actions,
  onOpen,
  navigate,
  historyItem,
}: {
  entry: InteractionLogEntry;
  actions: EntryActions;
  onOpen(): void;
  navigate?: Navigate;
  /** The menu item of the row's history (with the team server), or null. */
  historyItem: ReactNode;
}) {
  const { t } = useI18n();
  const rights = useRole();
  return (
    <RowMenu label={t('entries.menu', { entryNo: e.entryNo })}>
      <MenuItem onClick={onOpen}>{t('common.open')}</MenuItem>
      {rights.changeRow(e) ? (
        <MenuItem onClick={() => void actions.setCanceled(e, !e.canceled)}>
          {e.canceled ? t('entries.uncancel') : t('entries.cancel')}
        </MenuItem>
      ) : null}
      <MenuItem onClick={() => void actions.showLetter(e)}>{t('entries.showLetter')}</MenuItem>
      {navigate ? (
        <MenuItem onClick={() => navigate({ page: 'contact', no: e.contactNo })}>
          {t('entries.openContact', { no: e.contactNo })}
        </MenuItem>
      ) : null}
      {historyItem}
      {rights.changeRow(e) ? (
        <EvaluationMenu
          entry={e}
          trigger={<MenuItem>{t('field.evaluation')}</MenuItem>}
          onPick={(v) => void actions.setEvaluation(e, v)}
        />
      ) : null}
    </RowMenu>
  );
}
