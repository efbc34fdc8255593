// The Segment page's actions, grouped as BC groups them, in one menu that fits a narrow pane; the
// frequent ones (Add Contacts, Log) also as buttons.
import { Button, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger, Toolbar } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons/svg/add';
import { ArrowUndoRegular } from '@fluentui/react-icons/svg/arrow-undo';
import { MoreHorizontalRegular } from '@fluentui/react-icons/svg/more-horizontal';
import { SendRegular } from '@fluentui/react-icons/svg/send';
import { useT } from '../common/i18n';

export type SegmentAction =
  | 'add'
  | 'reduce'
  | 'refine'
  | 'goBack'
  | 'saveCriteria'
  | 'reuseCriteria'
  | 'reuseSegment'
  | 'applyMailingGroup'
  | 'criteria'
  | 'log'
  | 'exportPackage'
  | 'importFromSheet';

export function SegmentActions(props: { onAction(a: SegmentAction): void; canImportFromSheet: boolean; canExport: boolean }) {
  const t = useT();
  const { onAction } = props;
  const item = (a: SegmentAction, key: string) => (
    <MenuItem onClick={() => onAction(a)} data-testid={`action-${a}`}>
      {t(key)}
    </MenuItem>
  );
  return (
    <Toolbar aria-label={t('common.actions')} size="small">
      <Button icon={<AddRegular />} size="small" onClick={() => onAction('add')} data-testid="action-add-button">
        {t('segment.addContacts')}
      </Button>
      <Button icon={<ArrowUndoRegular />} size="small" onClick={() => onAction('goBack')} aria-label={t('segment.goBack')} title={t('segment.goBack')} />
      <Button icon={<SendRegular />} size="small" onClick={() => onAction('log')} data-testid="action-log-button">
        {t('segment.log')}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<MoreHorizontalRegular />} size="small" aria-label={t('common.more')} data-testid="segment-more" />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>{t('segment.groupContacts')}</MenuGroupHeader>
              {item('add', 'segment.addContacts')}
              {item('reduce', 'segment.reduceContacts')}
              {item('refine', 'segment.refineContacts')}
              {item('goBack', 'segment.goBack')}
              {props.canImportFromSheet ? item('importFromSheet', 'nav.excelImport') : null}
            </MenuGroup>
            <MenuDivider />
            <MenuGroup>
              <MenuGroupHeader>{t('segment.groupCriteria')}</MenuGroupHeader>
              {item('criteria', 'segment.criteria')}
              {item('saveCriteria', 'segment.saveCriteria')}
              {item('reuseCriteria', 'segment.reuseCriteria')}
              {item('reuseSegment', 'segment.reuseSegment')}
            </MenuGroup>
            <MenuDivider />
            <MenuGroup>
              <MenuGroupHeader>{t('segment.groupSegment')}</MenuGroupHeader>
              {item('applyMailingGroup', 'segment.applyMailingGroup')}
              {item('log', 'segment.log')}
              {props.canExport ? item('exportPackage', 'segment.exportPackage') : null}
            </MenuGroup>
          </MenuList>
        </MenuPopover>
      </Menu>
    </Toolbar>
  );
}
