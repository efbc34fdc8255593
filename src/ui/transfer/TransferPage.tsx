// Carrying data between panes and machines: import a segment package; back up and restore the whole
// workspace. Files are validated before anything is written.
import { Button, Field, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { useState } from 'react';
import { useConfirm } from '../common/confirm';
import { downloadBlob } from '../common/download';
import { useLongTask } from '../common/useLongTask';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Navigate } from '../shell/pageRegistry';
import { useServices } from '../common/services';
import { ProgressPanel } from '../shell/ProgressPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h: { margin: `${tokens.spacingVerticalM} 0 0` },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function TransferPage({ navigate }: { navigate: Navigate }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const { transfer } = useServices();
  const confirm = useConfirm();
  const notify = useNotify();
  const task = useLongTask();
  const [note, setNote] = useState<string>();
  if (!transfer) return null;

  const importPackage = async (file: File | undefined) => {
    if (!file) return;
    setNote(undefined);
    try {
      const r = await transfer.importSegment(await file.text());
      notify.success(t('transfer.imported', { no: r.segmentNo, lines: formatNumber(r.lines), inserted: formatNumber(r.contacts.inserted), updated: formatNumber(r.contacts.updated) }));
      if (r.renumberedFrom) setNote(t('transfer.renumbered', { from: r.renumberedFrom, no: r.segmentNo }));
      else navigate({ page: 'segment', no: r.segmentNo });
    } catch (e) {
      notify.error(e);
    }
  };
  const backup = async () => {
    try {
      await task.run(async (c) => {
        await c.step(t('transfer.makeBackup'), 0, 0);
        const blob = await transfer.backup((done, total) => void c.step(t('transfer.makeBackup'), done, total).catch(() => undefined));
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
      if (!(await confirm({ title: t('transfer.restore'), text: t('transfer.restoreConfirm', { n: formatNumber(total) }) }))) return;
      const r = await transfer.restore(text);
      notify.success(t('transfer.restored', { n: formatNumber(r.total) }));
    } catch (e) {
      notify.error(e);
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
      <JsonFileField label={t('transfer.importPackage')} testId="import-package" onFile={(f) => void importPackage(f)} />
      {note ? (
        <MessageBar intent="warning" data-testid="renumbered">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text as="h2" weight="semibold" className={s.h}>
        {t('transfer.backup')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('transfer.backupHint')}
      </Text>
      {task.progress ? (
        <ProgressPanel progress={task.progress} onCancel={task.cancel} />
      ) : (
        <Button icon={<ArrowDownloadRegular />} onClick={() => void backup()} data-testid="make-backup">
          {t('transfer.makeBackup')}
        </Button>
      )}
      <JsonFileField label={t('transfer.restore')} testId="restore-backup" onFile={(f) => void restore(f)} />
    </div>
  );
}

/** A JSON file chosen by the user; the same file can be chosen again right after. */
function JsonFileField({ label, testId, onFile }: { label: string; testId: string; onFile(file: File | undefined): void }) {
  return (
    <Field label={label}>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </Field>
  );
}
