// Who changed a logged segment or an interaction log entry, and when (the team server's history), in a
// dialog opened from the row's menu.
import {
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RowChange } from '../../domain/ports/team';
import { useI18n } from './i18n';
import { useServices } from './services';
import { SimpleDialog } from './SimpleDialog';

export interface RowHistoryTarget {
  table: 'loggedSegments' | 'interactionLog';
  /** The row's id (its key in the workspace). */
  id: string;
  /** The number the user sees (entry no.). */
  no: number | string;
}

export function RowHistory({ target, onClose }: { target: RowHistoryTarget; onClose(): void }) {
  const { t, language } = useI18n();
  const { team } = useServices();
  const [changes, setChanges] = useState<RowChange[]>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    if (!team) return;
    team.rowHistory(target.table, target.id).then(
      (c) => live && setChanges(c),
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [team, target.table, target.id]);
  const when = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-US', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const what = t(target.table === 'loggedSegments' ? 'history.loggedSegment' : 'history.entry', { no: target.no });
  const shown = team ? changes : [];
  return (
    <SimpleDialog title={t('history.title', { what })} onClose={onClose}>
      {failure !== undefined ? (
        <Text role="alert">{t('history.failed', { message: failure })}</Text>
      ) : shown === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : shown.length === 0 ? (
        <Text>{t('history.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('history.title', { what })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('history.when')}</TableHeaderCell>
              <TableHeaderCell>{t('history.user')}</TableHeaderCell>
              <TableHeaderCell>{t('history.action')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((c, i) => (
              <TableRow key={c.rev} data-testid={`history-${c.rev}`}>
                <TableCell>{when.format(new Date(c.at))}</TableCell>
                <TableCell>{c.user || t('history.noUser')}</TableCell>
                <TableCell>
                  {t(c.op === 'delete' ? 'history.delete' : i === 0 ? 'history.created' : 'history.put')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SimpleDialog>
  );
}
