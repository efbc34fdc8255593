// The shared workspace on every page, small enough for a 320 px pane: one line with the connection (or
// the changes being received, while a large pull arrives) and the changes waiting; under it, each action
// of this pane that could not be applied (what, why, Retry, Dismiss) and the numbers that changed because
// someone else took them first (shown until OK).
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { useI18n, useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { FailedAction, SyncService } from '../../domain/ports/syncStatus';
import { useServices, useWorkspace } from '../common/services';
import { useConfirm } from '../common/confirm';
import { optionCaption } from '../common/errorText';
import type { Translate } from '../common/i18n';
import { actionNames } from '../../domain/actionNames';
import type { Overridden } from '../../domain/ports/syncStatus';
import {
  syncActionText,
  syncCanRetry,
  syncFieldCaption,
  syncReasonText,
  syncRenumberedText,
  syncValueShown,
  syncValueText,
} from './syncText';

const SHOWN_FAILED = 3;

/** "Change segment SEG00001: Maria changed Description later, to … (your value: …)"; a document only named. */
function overriddenText(t: Translate, o: Overridden): string {
  const quoted = syncValueShown(o.field, o.mine) && syncValueShown(o.field, o.theirs);
  const key = `sync.overridden${o.by ? 'By' : ''}${quoted ? '' : 'NoValues'}`;
  return t(key, {
    user: o.by ?? '',
    action: syncActionText(t, { name: o.action, args: [], about: o.about }),
    field: syncFieldCaption(t, o.field),
    theirs: syncValueText(t, o.field, o.theirs),
    mine: syncValueText(t, o.field, o.mine),
  });
}

const useStyles = makeStyles({
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
  },
  // Wraps rather than cut: "connected · 1 change waiting" is read whole at 320 px.
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  dot: {
    flexShrink: 0,
    width: '8px',
    height: '8px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralStroke1,
  },
  connected: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  away: { backgroundColor: tokens.colorPaletteMarigoldForeground1 },
  refused: { backgroundColor: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Nothing when the pane has no shared workspace. */
export function SyncStatus({ onOpenSetup }: { onOpenSetup?: () => void }) {
  const { sync } = useServices();
  return sync ? <SyncStatusOf sync={sync} onOpenSetup={onOpenSetup} /> : null;
}

function SyncStatusOf({ sync, onOpenSetup }: { sync: SyncService; onOpenSetup?: () => void }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus);
  const dot = {
    connected: s.connected,
    offline: s.away,
    unavailable: s.away,
    refused: s.refused,
    noKey: s.refused,
    starting: undefined,
    stopped: undefined,
  }[status.connection];
  return (
    <>
      <div
        className={s.line}
        role="status"
        data-testid="sync-status"
        data-connection={status.connection}
        data-pending={status.pending}
        data-receiving={status.receiving}
      >
        <span className={mergeClasses(s.dot, dot)} aria-hidden />
        <Caption1 className={s.text}>
          {status.receiving !== undefined
            ? t('sync.receiving', { n: formatNumber(status.receiving) })
            : t(`sync.${status.connection}`)}
          {status.pending > 0
            ? ` · ${status.pending === 1 ? t('sync.pendingOne') : t('sync.pendingMany', { n: status.pending })}`
            : ''}
        </Caption1>
        {(status.connection === 'refused' || status.connection === 'noKey') && onOpenSetup ? (
          <Link as="button" onClick={onOpenSetup}>
            <Caption1>{t('sync.enterKey')}</Caption1>
          </Link>
        ) : null}
      </div>
      {status.failed.slice(0, SHOWN_FAILED).map((f) => (
        <FailedAction key={f.id} failed={f} sync={sync} />
      ))}
      {status.failed.length > SHOWN_FAILED ? (
        <Caption1>{t('sync.moreFailed', { n: status.failed.length - SHOWN_FAILED })}</Caption1>
      ) : null}
      {status.renumbered.length > 0 ? (
        <Replaced
          testId="sync-renumbered"
          title={t('sync.renumberedTitle')}
          items={status.renumbered.map((r) => ({
            key: `${r.table}:${r.id}:${r.to}`,
            text: syncRenumberedText(t, r),
          }))}
          onOk={() => sync.clearRenumbered()}
        />
      ) : null}
      {status.overridden?.length ? (
        <Replaced
          testId="sync-overridden"
          title={t('sync.overriddenTitle')}
          items={status.overridden.map((o) => ({
            key: `${o.table}:${o.id}:${o.field}`,
            text: overriddenText(t, o),
          }))}
          onOk={() => sync.clearRenumbered()}
        />
      ) : null}
    </>
  );
}

/** What changed under this user's feet (numbers taken, values replaced): told once, until OK. */
function Replaced(props: { testId: string; title: string; items: { key: string; text: string }[]; onOk(): void }) {
  const t = useT();
  const s = useStyles();
  return (
    <MessageBar intent="info" layout="multiline" data-testid={props.testId}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={s.list}>
          {props.items.map((i) => (
            <li key={i.key}>{i.text}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onOk}>
          {t('sync.renumberedOk')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function FailedAction({ failed, sync }: { failed: FailedAction; sync: SyncService }) {
  const t = useT();
  const notify = useNotify();
  const workspace = useWorkspace();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await what();
      if (done) notify.success(done);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  // A Go Back retried undoes the segment's last step as it is now, which may be another than the one
  // recorded (someone added a step meanwhile): the user says yes to that step first.
  const retry = async () => {
    if (failed.name === actionNames.segments.goBack && failed.about !== undefined) {
      const last = (await workspace.segments.get(failed.about))?.criteria.at(-1);
      const text = last && t('sync.goBackRetry', { n: last.actionNo, kind: optionCaption(t, last.kind) });
      if (text && !(await confirm({ title: t('segment.goBack'), text }))) return;
    }
    await run(() => sync.retry(failed.id), t('sync.retried'));
  };
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="sync-failed">
      <MessageBarBody>
        <MessageBarTitle>{t('sync.failedTitle', { action: syncActionText(t, failed) })}</MessageBarTitle>
        {syncReasonText(t, failed)}
      </MessageBarBody>
      <MessageBarActions>
        {/* A refusal that a retry cannot lift (a code a colleague created first) is only dismissed. */}
        {syncCanRetry(failed) ? (
          <Button size="small" disabled={busy} onClick={() => void retry()}>
            {t('sync.retry')}
          </Button>
        ) : null}
        <Button
          size="small"
          appearance="subtle"
          disabled={busy}
          onClick={() => void run(() => sync.dismiss(failed.id))}
        >
          {t('sync.dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
