// Who changed a logged segment or an interaction log entry, and when (the team server's history), in a
// dialog opened from the row's menu. When the server gives none, the dialog says why in the user's words
// (the server away, the personal key missing or refused, the server's error), never the table or the id.
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
import { useI18n, type Translate } from './i18n';
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
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let live = true;
    if (!team) return;
    team.rowHistory(target.table, target.id).then(
      (c) => live && setChanges(c),
      (e: unknown) => {
        if (!live) return;
        // The developer's words (table, id, the server's reason) for whoever looks at the console.
        console.warn('The changes of a row could not be read:', e);
        setFailure(e ?? new Error('no reason'));
      },
    );
    return () => {
      live = false;
    };
  }, [team, target.table, target.id]);
  const when = momentFormat(language === 'it' ? 'it-IT' : 'en-US');
  const what = t(target.table === 'loggedSegments' ? 'history.loggedSegment' : 'history.entry', { no: target.no });
  const shown = team ? changes : [];
  return (
    <SimpleDialog title={t('history.title', { what })} onClose={onClose}>
      {failure !== undefined ? (
        <Text role="alert">{failureText(t, failure)}</Text>
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
                <TableCell>{when(new Date(c.at))}</TableCell>
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

/**
 * A change's moment in the locale's short date and time (in the computer's time zone), the year in four
 * digits as BC shows it: 03/03/2026, 17:05:00, not the 03/03/26 of `dateStyle: 'short'`. Intl has no option
 * for a full year with the short style, so its year is replaced by the locale's full year.
 */
function momentFormat(locale: string): (at: Date) => string {
  const style = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric' });
  return (at) => {
    const full = year.formatToParts(at).find((p) => p.type === 'year')?.value;
    return style
      .formatToParts(at)
      .map((p) => (p.type === 'year' && full !== undefined ? full : p.value))
      .join('');
  };
}

/**
 * Why there is no history, from the kind the server's client gives its refusal (RowHistoryError in
 * src/sync/rowHistory.ts: unreachable, noKey, keyRefused, server with its HTTP status).
 */
function failureText(t: Translate, e: unknown): string {
  const { kind, status } = (typeof e === 'object' && e !== null ? e : {}) as { kind?: unknown; status?: unknown };
  switch (kind) {
    case 'unreachable':
      return t('history.unreachable');
    case 'noKey':
      return t('history.noKey');
    case 'keyRefused':
      return t('history.keyRefused');
    case 'server':
      if (typeof status === 'number') return t('history.serverError', { status: String(status) });
  }
  return t('history.failed');
}
