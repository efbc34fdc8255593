// Logged Segments (BC page 5139): Switch Check Mark in Canceled, Create Follow-up Segment, Delete
// Canceled Segments, and the interaction log entries of each.
import { Button, Checkbox, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Toolbar, makeStyles } from '@fluentui/react-components';
import { DeleteRegular, MoreVerticalRegular } from '@fluentui/react-icons';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { LoggedSegment } from '../../domain/log';
import { useConfirm } from '../common/confirm';
import { ExcelExportMenuItem } from '../common/ExcelExportButton';
import { useLoggedSegments } from './useLoggedSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';
import { visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles({ num: { textAlign: 'end' }, narrow: { width: '2.5em' }, desc: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } });

/** `excel` (in Excel only): each logged segment's menu writes its entries to a new sheet. */
export function LoggedSegmentsPage({ navigate, excel }: { navigate: Navigate; excel?: ExcelPort }) {
  const { t, formatNumber, formatDate } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const logged = useLoggedSegments();
  const confirm = useConfirm();
  const notify = useNotify();

  const run = async (f: () => Promise<unknown>, ok?: (r: never) => string) => {
    try {
      const r = await f();
      if (ok) notify.success(ok(r as never));
    } catch (e) {
      notify.error(e);
    }
  };
  const toggle = async (l: LoggedSegment) => {
    const text = l.canceled ? t('logged.unmarkConfirm', { entryNo: l.entryNo }) : t('logged.markConfirm', { entryNo: l.entryNo });
    if (await confirm({ title: t('logged.switchCanceled'), text })) await run(() => workspace.loggedSegments.toggleCanceled(l.entryNo));
  };
  const deleteCanceled = async () => {
    if (await confirm({ title: t('logged.deleteCanceled'), text: t('logged.deleteCanceledConfirm') }))
      await run(() => workspace.loggedSegments.deleteCanceled(), (n: number) => t('logged.deleted', { n: formatNumber(n) }));
  };
  const followUp = (l: LoggedSegment) =>
    run(async () => {
      const h = await workspace.loggedSegments.createFollowUp(l.entryNo);
      notify.success(t('logged.followUpDone', { no: h.no }));
      navigate({ page: 'segment', no: h.no });
    });

  return (
    <section>
      <Toolbar>
        <Button icon={<DeleteRegular />} onClick={() => void deleteCanceled()}>
          {t('logged.deleteCanceled')}
        </Button>
      </Toolbar>
      {logged === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : logged.length === 0 ? (
        <Text>{t('logged.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('nav.loggedSegments')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.narrow}>
                <span title={t('field.canceled')}>✕</span>
              </TableHeaderCell>
              <TableHeaderCell>{t('field.entryNo')}</TableHeaderCell>
              <TableHeaderCell>{t('field.segmentNo')}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t('field.noOfInteractions')}</TableHeaderCell>
              <TableHeaderCell className={s.narrow}>
                <span style={visuallyHidden}>{t('common.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {logged.map((l) => (
              <TableRow key={l.id} data-testid={`logged-row-${l.entryNo}`}>
                <TableCell className={s.narrow}>
                  <Checkbox checked={l.canceled} aria-label={`${t('field.canceled')} ${l.entryNo}`} onChange={() => void toggle(l)} />
                </TableCell>
                <TableCell>
                  {l.entryNo}
                  <br />
                  <Text size={100}>{formatDate(l.creationDate)}</Text>
                </TableCell>
                <TableCell className={s.desc} title={l.description}>
                  {l.segmentNo}
                  <br />
                  <Text size={100}>{l.description}</Text>
                </TableCell>
                <TableCell className={s.num}>{formatNumber(l.noOfInteractions)}</TableCell>
                <TableCell className={s.narrow}>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button appearance="subtle" size="small" icon={<MoreVerticalRegular />} aria-label={`${t('common.actions')} ${l.entryNo}`} />
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        <MenuItem onClick={() => navigate({ page: 'interactionLog', filter: { loggedSegmentEntryNo: l.entryNo } })}>{t('logged.entries')}</MenuItem>
                        <ExcelExportMenuItem workspace={workspace} excel={excel} what={{ kind: 'loggedSegment', entryNo: l.entryNo }} />
                        <MenuItem onClick={() => void toggle(l)}>{t('logged.switchCanceled')}</MenuItem>
                        <MenuItem onClick={() => void followUp(l)}>{t('logged.createFollowUp')}</MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
