// Carrying data between panes and machines: import a segment package; back up and restore the whole
// workspace (restore only without a server: a shared workspace is the server's). Files are validated in
// full before any question is asked and before anything is written.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { useConfirm } from '../common/confirm';
import { downloadBlob } from '../common/download';
import { useLongTask } from '../common/useLongTask';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import type { SegmentPackageSummary } from '../../domain/ports/transfer';
import type { SyncService } from '../../domain/ports/syncStatus';
import { useServices } from '../common/services';
import { isSegmentsError } from '../../domain/errors';
import { UserMessage } from '../common/errorText';
import { ProgressPanel } from '../shell/ProgressPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h: { margin: `${tokens.spacingVerticalM} 0 0` },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function TransferPage({ navigate }: { navigate: Navigate }) {
  const { t, formatNumber, locale } = useI18n();
  const s = useStyles();
  // With a server the workspace is shared: a backup restored in one pane would be replaced by the server's
  // workspace at the next pull (the restore resets the sync cursor), so it is not offered.
  const { transfer, sync: client } = useServices();
  const sync = useSharedWorkspace(client);
  const packageInput = useRef<HTMLInputElement>(null);
  const confirm = useConfirm();
  const notify = useNotify();
  const task = useLongTask();
  const [note, setNote] = useState<string>();
  if (!transfer) return null;

  const importPackage = async (file: File | undefined) => {
    if (!file) return;
    setNote(undefined);
    try {
      const text = await file.text();
      // The whole package is checked first: a damaged one is refused before any question.
      const question = reimportQuestion(await transfer.readSegment(text), file.name);
      if (question && !(await confirm(question))) return;
      const r = await transfer.importSegment(text);
      const { inserted, updated, unchanged } = r.contacts;
      if (r.segment === 'unchanged' && inserted + updated === 0)
        notify.success(t('transfer.alreadyHere', { no: r.segmentNo, file: file.name }));
      else
        notify.success(
          t(r.segment === 'unchanged' ? 'transfer.importedSegmentUnchanged' : 'transfer.importedContacts', {
            no: r.segmentNo,
            lines: formatNumber(r.lines),
            inserted: formatNumber(inserted),
            updated: formatNumber(updated),
            unchanged: formatNumber(unchanged),
          }),
        );
      // A segment left as it was is not "imported as" its number here: it is shown, as any import's is.
      if (r.renumberedFrom && r.segment !== 'unchanged')
        setNote(t('transfer.renumbered', { from: r.renumberedFrom, no: r.segmentNo }));
      else navigate({ page: 'segment', no: r.segmentNo });
    } catch (e) {
      notify.error(fileError(e, 'package', file.name));
    }
  };

  /**
   * The question before a package changes the same segment here (imported before): what it would replace,
   * and how many contacts it would add and change, never those it leaves as they are. None when the segment
   * is not here, or when nothing would change: a question whose two answers did the same would only be in
   * the way (the import then writes nothing and says so).
   */
  const reimportQuestion = (pkg: SegmentPackageSummary, file: string) => {
    const { here, changes, contacts } = pkg;
    if (!here) return undefined;
    const clauses = [
      changes.description && t('transfer.change.description', { newDescription: pkg.description }),
      changes.otherFields && t(changes.description ? 'transfer.change.otherFields' : 'transfer.change.fields'),
      changes.lines &&
        t('transfer.change.lines', { lines: formatNumber(here.lines), newLines: formatNumber(pkg.lines) }),
      changes.criteria &&
        t('transfer.change.criteria', {
          criteria: formatNumber(here.criteriaActions),
          newCriteria: formatNumber(pkg.criteriaActions),
        }),
      contacts.inserted > 0 && t('transfer.change.newContacts', { n: formatNumber(contacts.inserted) }),
      contacts.updated > 0 && t('transfer.change.updatedContacts', { n: formatNumber(contacts.updated) }),
    ].filter((c): c is string => !!c);
    if (!clauses.length) return undefined;
    return {
      title:
        pkg.segment === 'updated'
          ? t('transfer.overwriteTitle', { no: here.segmentNo })
          : t('transfer.importTitle', { file }),
      text: t('transfer.overwrite', {
        no: here.segmentNo,
        description: here.description,
        file,
        changes: new Intl.ListFormat(locale, { type: 'conjunction' }).format(clauses),
      }),
    };
  };

  /** A wrong file in the user's words: what it is not, never the parser's or the database's text. */
  const fileError = (e: unknown, kind: 'package' | 'backup', file: string) => {
    if (!isSegmentsError(e, 'INVALID_PACKAGE')) return e;
    const m = e.message;
    const reason = (e.details as { reason?: unknown } | undefined)?.reason;
    // The other kind of file: said so, with the caption of the action that takes it (none for a backup
    // where a shared workspace offers no restore).
    if (kind === 'backup' && reason === 'segmentPackage')
      return new UserMessage(t('transfer.backupIsPackage', { file, action: t('transfer.importPackage') }));
    if (kind === 'package' && reason === 'backup')
      return new UserMessage(
        sync
          ? t('transfer.packageIsBackupShared', { file })
          : t('transfer.packageIsBackup', { file, action: t('transfer.restore') }),
      );
    const what =
      reason === 'damaged'
        ? 'damaged'
        : /not JSON|is not a segment package|is not a workspace backup|backup of another database/.test(m)
          ? 'not'
          : /version/.test(m)
            ? 'version'
            : 'damaged';
    const key =
      kind === 'package'
        ? { not: 'transfer.notPackage', version: 'transfer.packageVersion', damaged: 'transfer.packageDamaged' }[what]
        : { not: 'transfer.notBackup', version: 'transfer.backupVersion', damaged: 'transfer.backupDamaged' }[what];
    return new UserMessage(t(key, { file }));
  };
  const backup = async () => {
    try {
      await task.run(async (c) => {
        await c.step(t('transfer.makeBackup'), 0, 0);
        const blob = await transfer.backup(
          (done, total) => void c.step(t('transfer.makeBackup'), done, total).catch(() => undefined),
        );
        c.check();
        const file = `segments-backup-${new Date().toISOString().slice(0, 10)}.json`;
        downloadBlob(blob, file);
        notify.success(t('transfer.backedUp', { file }));
      });
    } catch (e) {
      notify.error(e);
    }
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await file.text();
      const { total } = await transfer.validateBackup(text);
      if (
        !(await confirm({
          title: t('transfer.restore'),
          text: t('transfer.restoreConfirm', { n: formatNumber(total) }),
        }))
      )
        return;
      const r = await transfer.restore(text);
      notify.success(t('transfer.restored', { n: formatNumber(r.total) }));
    } catch (e) {
      notify.error(fileError(e, 'backup', file.name));
    }
  };

  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold" className={s.h}>
        {t('transfer.packages')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('transfer.packagesHint')}
      </Text>
      <JsonFileField
        label={t('transfer.importPackage')}
        testId="import-package"
        inputRef={packageInput}
        onFile={(f) => void importPackage(f)}
      />
      {note ? (
        <MessageBar intent="warning" data-testid="renumbered">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text as="h2" weight="semibold" className={s.h}>
        {t('transfer.backup')}
      </Text>
      <Text size={200} className={s.hint}>
        {t(sync ? 'transfer.backupHintShared' : 'transfer.backupHint')}
      </Text>
      {task.progress ? (
        <ProgressPanel progress={task.progress} onCancel={task.cancel} />
      ) : (
        <Button icon={<ArrowDownloadRegular />} onClick={() => void backup()} data-testid="make-backup">
          {t('transfer.makeBackup')}
        </Button>
      )}
      {sync ? (
        <MessageBar intent="info" layout="multiline" data-testid="restore-shared">
          <MessageBarBody>
            <MessageBarTitle>{t('transfer.restoreSharedTitle')}</MessageBarTitle>
            {t('transfer.restoreShared')}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                packageInput.current?.focus();
                packageInput.current?.click();
              }}
            >
              {t('transfer.importPackage')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <JsonFileField label={t('transfer.restore')} testId="restore-backup" onFile={(f) => void restore(f)} />
      )}
    </div>
  );
}

/** A JSON file chosen by the user; the same file can be chosen again right after. */
function JsonFileField({
  label,
  testId,
  inputRef,
  onFile,
}: {
  label: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  onFile(file: File | undefined): void;
}) {
  return (
    <Field label={label}>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={label}
        data-testid={testId}
        ref={inputRef}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </Field>
  );
}

const noSubscription = () => () => undefined;

/**
 * The sync client when the pane's workspace is shared through a server; undefined when there is none, or when
 * the server that serves the pane does not hold a shared workspace (it answers the sync API with "not here":
 * a pane served as plain files), where a restore stays this pane's own.
 */
function useSharedWorkspace(sync: SyncService | undefined): SyncService | undefined {
  const connection = useSyncExternalStore(sync?.subscribe ?? noSubscription, () => sync?.getStatus().connection);
  return sync && connection !== 'unavailable' ? sync : undefined;
}
