// Setup's "Shared workspace" group: the server this pane shares its workspace through, and the user's
// personal key (kept in this browser only; a blank key removes it).
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { SyncService } from '../../domain/ports/syncStatus';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

export function SharedWorkspaceSetup({ sync }: { sync: SyncService }) {
  const t = useT();
  const s = useStyles();
  const notify = useNotify();
  const [key, setKey] = useState('');
  const [hasKey, setHasKey] = useState(() => sync.hasKey());
  const save = () => {
    sync.saveKey(key);
    setHasKey(sync.hasKey());
    setKey('');
    notify.success(t(key.trim() ? 'sync.keySaved' : 'sync.keyRemoved'));
  };
  return (
    <>
      <Text data-testid="sync-server">{t('sync.server', { url: sync.serverUrl })}</Text>
      <Text data-testid="sync-key-state">{t(hasKey ? 'sync.keyIsSet' : 'sync.keyNotSet')}</Text>
      <form
        className={s.row}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label={t('sync.key')} hint={t('sync.keyHint')} size="small" className={s.grow}>
          <Input
            type="password"
            size="small"
            autoComplete="off"
            value={key}
            onChange={(_, d) => setKey(d.value)}
            data-testid="sync-key"
          />
        </Field>
        <Button type="submit" size="small" data-testid="sync-key-save">
          {t('common.save')}
        </Button>
      </form>
    </>
  );
}
