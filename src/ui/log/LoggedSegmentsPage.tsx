// Logged Segments (BC page 5139): No., Description, Creation Date, lines, User ID and Canceled; Switch
// Check Mark in Canceled, Create Follow-up Segment (one at a time, asked first when a follow-up is still
// open), Delete Canceled Segments (secondary, confirmed, saying how many), and the interaction log entries
// of each.
import { Checkbox, MenuItem, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { LoggedSegment } from '../../domain/log';
import { useConfirm } from '../common/confirm';
import { ExcelExportMenuItem } from '../common/ExcelExportButton';
import { ListPage, actionsColumn, textColumn, type ListColumn } from '../common/ListPage';
import { useLoggedSegments } from './useLoggedSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';
import { useRole } from '../common/useRole';
import { Captioned } from './Captioned';
import { DeleteCanceledAction } from './DeleteCanceledAction';
import { RowMenu, useRowHistory } from './rowActions';
import { useFollowUp } from './useFollowUp';

const useStyles = makeStyles({
  sub: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  count: { flexShrink: 0, whiteSpace: 'nowrap' },
});

/** `excel` (in Excel only): each logged segment's menu writes its entries to a new sheet. */
export function LoggedSegmentsPage({ navigate, excel }: { navigate: Navigate; excel?: ExcelPort }) {
  const { t, formatNumber, formatDate } = useI18n();
  const workspace = useWorkspace();
  const logged = useLoggedSegments();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  const history = useRowHistory();
  const followUp = useFollowUp(navigate);
  const s = useStyles();

  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
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
  // Whose the row is; or, while the server has not told who this user is (a personal key missing or
  // refused), that the row waits for it: it may be the user's own.
  const othersRow = (l: LoggedSegment) =>
    rights.user === undefined
      ? t('role.notKnownLogged', { no: l.entryNo })
      : t('forbidden.othersLogged', { no: l.entryNo, owner: l.userId });

  const columns: ListColumn<LoggedSegment>[] = [
    {
      id: 'no',
      caption: 'field.segmentNo',
      short: 'field.no',
      width: '6em',
      value: (l) => l.segmentNo,
      title: (l) => l.segmentNo,
      // Captioned: a bare number beneath the segment's says nothing at 320 px.
      sub: {
        caption: 'field.entryNo',
        value: (l) => <Captioned caption={t('field.entryNo')} value={l.entryNo} testId="logged-entry-no" />,
      },
    },
    {
      ...textColumn<LoggedSegment>('description', 'field.description', (l) => l.description),
      // Date, user and the number of interactions beneath the description, each with its caption: at 320 px
      // a column of their own leaves it no room, and Canceled none for its caption.
      // None is cut: each moves to the next line when the line is full (the user ID even apart from its
      // caption, and a long one breaks), and the number of interactions is one element that stays whole
      // (Italian's "interazioni" at 320 px).
      sub: {
        caption: ['field.creationDate', 'field.userId', 'field.noOfInteractions'],
        value: (l) => (
          <span className={s.sub}>
            <Captioned
              caption={t('field.creationDate')}
              value={formatDate(l.creationDate)}
              testId="logged-creation-date"
            />
            <Captioned caption={t('field.userId')} value={l.userId} testId="logged-user-id" />
            <span className={s.count} data-testid="logged-interactions">
              {t('logged.interactions', { n: formatNumber(l.noOfInteractions) })}
            </span>
          </span>
        ),
      },
    },
    {
      id: 'canceled',
      caption: 'field.canceled',
      width: '2.2em',
      align: 'center',
      value: (l) => {
        // Another user's row, greyed for a member: whose it is and who may change it, on the box and
        // its whole cell (a pointer over a disabled input gets no tooltip of its own).
        const why = rights.changeRow(l) ? undefined : othersRow(l);
        return (
          <Checkbox
            checked={l.canceled}
            disabled={why !== undefined}
            aria-label={t('logged.canceledOf', { entryNo: l.entryNo })}
            title={why}
            root={{ title: why }}
            onChange={(_, d) => void setCanceled(l, d.checked === true)}
          />
        );
      },
    },
    actionsColumn(
      (l) => (
        <RowMenu label={`${t('common.actions')} ${l.entryNo}`}>
          <MenuItem onClick={() => navigate({ page: 'interactionLog', filter: { loggedSegmentEntryNo: l.entryNo } })}>
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
          <MenuItem disabled={followUp.running(l.entryNo)} onClick={() => void followUp.create(l)}>
            {t('logged.createFollowUp')}
          </MenuItem>
          {history.item({ table: 'loggedSegments', id: l.id, no: l.entryNo })}
        </RowMenu>
      ),
      '2em',
    ),
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
          <DeleteCanceledAction
            keys={{
              label: 'logged.deleteCanceled',
              confirm: 'logged.deleteCanceledCount',
              none: 'logged.noneCanceled',
              done: 'logged.deleted',
            }}
            count={async () => (await workspace.loggedSegments.list()).filter((l) => l.canceled).length}
            run={() => workspace.loggedSegments.deleteCanceled()}
            disabled={!logged?.some((l) => l.canceled)}
          />
          {history.dialog}
        </Toolbar>
      }
    />
  );
}
