// Segments (BC page 5093): the open segments; New, Open, Delete.
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons/svg/add';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useState, type ReactNode } from 'react';
import { useConfirm } from '../common/confirm';
import { useSegments } from './useSegments';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';
import { visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles({
  num: { textAlign: 'end', width: '3.5em' },
  no: { width: '7.5em' },
  act: { width: '2.5em' },
  desc: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { display: 'block', padding: tokens.spacingVerticalM },
});

/** The first run, when the workspace is empty (handed in by the registry). */
export type FirstRunSlot = () => ReactNode;

export function SegmentsPage({ navigate, firstRun }: { navigate: Navigate; firstRun?: FirstRunSlot }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const segments = useSegments();
  const confirm = useConfirm();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

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

  return (
    <section aria-labelledby="segments-title">
      <h2 id="segments-title" hidden>
        {t('nav.segments')}
      </h2>
      <Toolbar>
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => void create()}
          disabled={busy}
          data-testid="new-segment"
        >
          {t('segments.new')}
        </Button>
      </Toolbar>
      {segments === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : segments.length === 0 ? (
        <>
          <Text className={s.empty}>{t('segments.empty')}</Text>
          {firstRun?.()}
        </>
      ) : (
        <Table size="small" aria-label={t('nav.segments')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.no}>{t('field.no')}</TableHeaderCell>
              <TableHeaderCell>{t('field.description')}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{t('field.noOfLines')}</TableHeaderCell>
              <TableHeaderCell className={s.act}>
                <span style={visuallyHidden}>{t('common.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.map((h) => (
              <TableRow key={h.id} data-testid={`segment-row-${h.no}`}>
                <TableCell className={s.no}>
                  <Button appearance="transparent" size="small" onClick={() => navigate({ page: 'segment', no: h.no })}>
                    {h.no}
                  </Button>
                </TableCell>
                <TableCell className={s.desc}>{h.description}</TableCell>
                <TableCell className={s.num}>{formatNumber(h.noOfLines)}</TableCell>
                <TableCell className={s.act}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<DeleteRegular />}
                    aria-label={`${t('common.delete')} ${h.no}`}
                    onClick={() => void remove(h.no, h.noOfLines)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
