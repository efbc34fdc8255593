// What the rows of Logged Segments and Interaction Log Entries share: the ⋯ menu of a row, the history of
// a row (with the team server), and Delete Canceled (administrators only, asked first).
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { MoreVerticalRegular } from '@fluentui/react-icons/svg/more-vertical';
import { useState, type ReactNode } from 'react';
import { useConfirm } from '../common/confirm';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { RowHistory, type RowHistoryTarget } from '../common/RowHistory';
import { useServices } from '../common/services';
import { useRole } from '../common/useRole';

/** The ⋯ button of a row, named `label`, and its menu. */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" icon={<MoreVerticalRegular />} aria-label={label} title={label} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>{children}</MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A row's history: the menu item that opens it (only with the team server) and its dialog. */
export function useRowHistory() {
  const { t } = useI18n();
  const { team } = useServices();
  const [target, setTarget] = useState<RowHistoryTarget>();
  return {
    item: (row: RowHistoryTarget) =>
      team ? <MenuItem onClick={() => setTarget(row)}>{t('history.show')}</MenuItem> : null,
    dialog: target ? <RowHistory target={target} onClose={() => setTarget(undefined)} /> : null,
  };
}

/** Delete Canceled …: secondary, for administrators only; asks first, then says how many went. */
export function DeleteCanceledButton(p: {
  /** Catalog keys: the button (and the question's title), the question, the report ({n}). */
  keys: { label: string; confirm: string; done: string };
  run(): Promise<number>;
  disabled?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  if (!rights.deleteLogged) return null;
  const run = async () => {
    if (!(await confirm({ title: t(p.keys.label), text: t(p.keys.confirm) }))) return;
    try {
      notify.success(t(p.keys.done, { n: formatNumber(await p.run()) }));
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Button appearance="subtle" size="small" icon={<DeleteRegular />} onClick={() => void run()} disabled={p.disabled}>
      {t(p.keys.label)}
    </Button>
  );
}
