// What the rows of Logged Segments and Interaction Log Entries share: the ⋯ menu of a row and the history
// of a row (with the team server).
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { MoreVerticalRegular } from '@fluentui/react-icons/svg/more-vertical';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../common/i18n';
import { RowHistory, type RowHistoryTarget } from '../common/RowHistory';
import { useServices } from '../common/services';

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
