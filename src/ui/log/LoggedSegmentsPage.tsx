// Logged Segments (BC page 5139): No., Description, Creation Date, lines, User ID and Canceled; Switch
// Check Mark in Canceled, Create Follow-up Segment, Delete Canceled Segments (secondary, confirmed), and
// the interaction log entries of each.
import {
  Button,
  Checkbox,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Toolbar,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { MoreVerticalRegular } from '@fluentui/react-icons/svg/more-vertical';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { LoggedSegment } from '../../domain/log';
import { useConfirm } from '../common/confirm';
import { ExcelExportMenuItem } from '../common/ExcelExportButton';
import { ListPage, type ListColumn } from '../common/ListPage';
import { useLoggedSegments } from './useLoggedSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useServices, useWorkspace } from '../common/services';
import { RowHistory, type RowHistoryTarget } from '../common/RowHistory';
import { useRole } from '../common/useRole';
import { useState } from 'react';

/** `excel` (in Excel only): each logged segment's menu writes its entries to a new sheet. */
export function LoggedSegmentsPage({ navigate, excel }: { navigate: Navigate; excel?: ExcelPort }) {
  const { t, formatNumber, formatDate } = useI18n();
  const workspace = useWorkspace();
  const logged = useLoggedSegments();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  const { team } = useServices();
  const [history, setHistory] = useState<RowHistoryTarget>();

  const run = async (f: () => Promise<unknown>, ok?: (r: never) => string) => {
    try {
      const r = await f();
      if (ok) notify.success(ok(r as never));
    } catch (e) {
      notify.error(e);
    }
  };
  /** Sets Canceled to what the user chose (never flips what another pane may have changed meanwhile). */
  const setCanceled = async (l: LoggedSegment, canceled: boolean) => {
    const text = canceled
      ? t('logged.markConfirm', { entryNo: l.entryNo })
      : t('logged.unmarkConfirm', { entryNo: l.entryNo });
    if (await confirm({ title: t('logged.switchCanceled'), text }))
      await run(() => workspace.loggedSegments.setCanceled(l.entryNo, canceled));
  };
  const deleteCanceled = async () => {
    if (await confirm({ title: t('logged.deleteCanceled'), text: t('logged.deleteCanceledConfirm') }))
      await run(
        () => workspace.loggedSegments.deleteCanceled(),
        (n: number) => t('logged.deleted', { n: formatNumber(n) }),
      );
  };
  const followUp = (l: LoggedSegment) =>
    run(async () => {
      const h = await workspace.loggedSegments.createFollowUp(l.entryNo);
      notify.success(t('logged.followUpDone', { no: h.no }));
      navigate({ page: 'segment', no: h.no });
    });

  const columns: ListColumn<LoggedSegment>[] = [
    {
      id: 'no',
      caption: 'field.segmentNo',
      short: 'field.no',
      width: '5em',
      value: (l) => l.segmentNo,
      sub: { caption: 'field.entryNo', value: (l) => l.entryNo },
    },
    {
      id: 'description',
      caption: 'field.description',
      maxLines: 2,
      value: (l) => l.description,
      title: (l) => l.description,
      // Date and user beneath the description: at 320 px a column of their own leaves it no room.
      sub: { caption: 'field.creationDate', value: (l) => `${formatDate(l.creationDate)} · ${l.userId}` },
    },
    {
      id: 'lines',
      caption: 'field.noOfInteractions',
      short: 'list.lines',
      width: '2.4em',
      align: 'end',
      value: (l) => formatNumber(l.noOfInteractions),
    },
    {
      id: 'canceled',
      caption: 'field.canceled',
      width: '2.2em',
      align: 'center',
      value: (l) => (
        <Checkbox
          checked={l.canceled}
          disabled={!rights.changeRow(l)}
          aria-label={t('logged.canceledOf', { entryNo: l.entryNo })}
          onChange={(_, d) => void setCanceled(l, d.checked === true)}
        />
      ),
    },
    {
      id: 'actions',
      caption: 'common.actions',
      hiddenCaption: true,
      width: '2em',
      value: (l) => (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              appearance="subtle"
              size="small"
              icon={<MoreVerticalRegular />}
              aria-label={`${t('common.actions')} ${l.entryNo}`}
              title={`${t('common.actions')} ${l.entryNo}`}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem
                onClick={() => navigate({ page: 'interactionLog', filter: { loggedSegmentEntryNo: l.entryNo } })}
              >
                {t('logged.entries')}
              </MenuItem>
              <ExcelExportMenuItem
                workspace={workspace}
                excel={excel}
                what={{ kind: 'loggedSegment', entryNo: l.entryNo }}
              />
              {rights.changeRow(l) ? (
                <MenuItem onClick={() => void setCanceled(l, !l.canceled)}>{t('logged.switchCanceled')}</MenuItem>
              ) : null}
              <MenuItem onClick={() => void followUp(l)}>{t('logged.createFollowUp')}</MenuItem>
              {team ? (
                <MenuItem onClick={() => setHistory({ table: 'loggedSegments', id: l.id, no: l.entryNo })}>
                  {t('history.show')}
                </MenuItem>
              ) : null}
            </MenuList>
          </MenuPopover>
        </Menu>
      ),
    },
  ];

  return (
    <ListPage
      label={t('nav.loggedSegments')}
      rows={logged}
      columns={columns}
      rowKey={(l) => l.id}
      rowTestId={(l) => `logged-row-${l.entryNo}`}
      empty={{
        text: t('logged.empty'),
        action: { label: t('nav.segments'), onClick: () => navigate({ page: 'segments' }) },
      }}
      toolbar={
        <Toolbar>
          {rights.deleteLogged ? (
            <Button
              appearance="subtle"
              size="small"
              icon={<DeleteRegular />}
              onClick={() => void deleteCanceled()}
              disabled={!logged?.some((l) => l.canceled)}
            >
              {t('logged.deleteCanceled')}
            </Button>
          ) : null}
          {history ? <RowHistory target={history} onClose={() => setHistory(undefined)} /> : null}
        </Toolbar>
      }
    />
  );
}
