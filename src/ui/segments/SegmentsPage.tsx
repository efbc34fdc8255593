// Segments (BC page 5093): the open segments; New, Open, Delete.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons/svg/add';
import type { SegmentHeader } from '../../domain/segment';
import { useState, type ReactNode } from 'react';
import { useConfirm } from '../common/confirm';
import { ListPage, actionsColumn, textColumn, type ListColumn } from '../common/ListPage';
import { RemoveButton } from '../common/RemoveButton';
import { useSegments } from './useSegments';
import { useWorkspaceStart } from './useWorkspaceStart';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';

/** The first run, when the workspace is empty (handed in by the registry). */
export type FirstRunSlot = () => ReactNode;

const useStyles = makeStyles({
  // Fluent's Toolbar as it lays out (its medium size), without its arrow keys: with one button there is
  // nothing to move between, and its focus manager (tabster) would be a tenth of the first load's code.
  toolbar: { display: 'flex', alignItems: 'center', padding: '4px 8px' },
  // Beneath the empty list's sentence, in line with it (the list's empty state has a padding of M).
  link: {
    marginLeft: tokens.spacingHorizontalM,
    marginRight: tokens.spacingHorizontalM,
    paddingLeft: 0,
    paddingRight: 0,
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    whiteSpace: 'normal',
    textAlign: 'start',
  },
});

export function SegmentsPage({ navigate, firstRun }: { navigate: Navigate; firstRun?: FirstRunSlot }) {
  const { t, formatNumber } = useI18n();
  const workspace = useWorkspace();
  const segments = useSegments();
  const confirm = useConfirm();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const s = useStyles();
  const start = useWorkspaceStart(segments?.length === 0);

  const create = async () => {
    setBusy(true);
    try {
      const header = await workspace.segments.create();
      notify.success(t('segments.created', { no: header.no }));
      navigate({ page: 'segment', no: header.no });
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (no: string, lines: number) => {
    if (
      !(await confirm({
        title: t('common.delete'),
        text: t('segments.deleteConfirm', { no, lines: formatNumber(lines) }),
      }))
    )
      return;
    try {
      await workspace.segments.remove(no);
      notify.success(t('segments.deleted', { no }));
    } catch (e) {
      notify.error(e);
    }
  };

  // The welcome (above the list) while the workspace has no contacts; with contacts, a sentence that fits,
  // and the way to the logged segments when there are some (after logging the only open segment, say).
  const empty = () => {
    if (!start) return { text: t('segments.empty') }; // not shown: the list is loading until `start` is here
    if (start.welcome) return { text: t('firstRun.noSegments') };
    return {
      text: t('segments.emptyOpen'),
      more: start.loggedSegments ? (
        <Button
          appearance="transparent"
          className={s.link}
          onClick={() => navigate({ page: 'loggedSegments' })}
          data-testid="segments-logged-link"
        >
          {t('segments.openLogged', { n: formatNumber(start.loggedSegments) })}
        </Button>
      ) : undefined,
    };
  };

  const columns: ListColumn<SegmentHeader>[] = [
    {
      id: 'no',
      caption: 'field.no',
      width: '6.5em',
      value: (h) => (
        <Button
          appearance="transparent"
          size="small"
          style={{ padding: 0, minWidth: 0 }}
          onClick={() => navigate({ page: 'segment', no: h.no })}
        >
          {h.no}
        </Button>
      ),
    },
    textColumn('description', 'field.description', (h) => h.description),
    {
      id: 'lines',
      caption: 'field.noOfLines',
      short: 'list.lines',
      width: '3em',
      align: 'end',
      value: (h) => formatNumber(h.noOfLines),
    },
    actionsColumn((h) => (
      <RemoveButton verb="common.delete" code={h.no} onClick={() => void remove(h.no, h.noOfLines)} />
    )),
  ];

  return (
    <ListPage
      label={t('nav.segments')}
      // The list waits for whether the welcome comes first: loading until then.
      rows={start ? segments : undefined}
      columns={columns}
      rowKey={(h) => h.id}
      rowTestId={(h) => `segment-row-${h.no}`}
      empty={empty()}
      before={start?.welcome ? firstRun?.() : undefined}
      toolbar={
        <div role="toolbar" className={s.toolbar}>
          <Button
            // Beside the welcome its own first steps lead: New segment needs contacts first.
            appearance={start?.welcome ? 'secondary' : 'primary'}
            icon={<AddRegular />}
            onClick={() => void create()}
            disabled={busy}
            data-testid="new-segment"
          >
            {t('segments.new')}
          </Button>
        </div>
      }
    />
  );
}
