// The Segment page's actions, grouped as BC groups them, in one menu that fits a narrow pane; the
// frequent ones (Add Contacts, Go Back, Log) also as labelled buttons. Each is its own Tab stop (no
// arrow-key toolbar), and the row wraps rather than overflow a 320 px pane.
import {
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
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

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

export function SegmentActions(props: {
  onAction(a: SegmentAction): void;
  canImportFromSheet: boolean;
  canExport: boolean;
}) {
  const t = useT();
  const s = useStyles();
  const { onAction } = props;
  const item = (a: SegmentAction, key: string) => (
    // After the menu has closed and handed the focus back to ⋯: a dialog opened in the same click lost
    // its focus to ⋯ behind it (Escape then did nothing), and focus returned to ⋯ when it closed.
    <MenuItem onClick={() => window.setTimeout(() => onAction(a), 0)} data-testid={`action-${a}`}>
      {t(key)}
    </MenuItem>
  );
  return (
    <div role="group" className={s.bar} aria-label={t('common.actions')}>
      <Button icon={<AddRegular />} size="small" onClick={() => onAction('add')} data-testid="action-add-button">
        {t('segment.addContacts')}
      </Button>
      <Button
        icon={<ArrowUndoRegular />}
        size="small"
        onClick={() => onAction('goBack')}
        title={t('segment.goBackHint')}
        data-testid="action-goBack-button"
      >
        {t('segment.goBack')}
      </Button>
      <Button icon={<SendRegular />} size="small" onClick={() => onAction('log')} data-testid="action-log-button">
        {t('segment.log')}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            icon={<MoreHorizontalRegular />}
            size="small"
            aria-label={t('common.more')}
            data-testid="segment-more"
          />
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
    </div>
  );
}
