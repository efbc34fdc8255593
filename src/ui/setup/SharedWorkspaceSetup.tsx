// Setup's "Shared workspace" group: the server this pane shares its workspace through, and the user's
// personal key (kept in this browser only; a blank key removes it). A key is checked with the server
// before it is kept: one the server refuses is said at the field and not kept (the pane would only be
// refused with it, and a key saved before stays as it was); one the server cannot check now is kept, to
// be tried when the server answers. A saved key the server refuses (rotated, removed) is said as such.
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useT } from '../common/i18n';
import { useNotify } from '../common/notify';
import type { Connection, SyncService } from '../../domain/ports/syncStatus';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

type Check = 'checking' | 'refused' | 'unreachable';
const checkMessage: Record<Check, string> = {
  checking: 'sync.keyChecking',
  refused: 'sync.keyCheckRefused',
  unreachable: 'sync.keyCheckUnreachable',
};

export function SharedWorkspaceSetup({ sync }: { sync: SyncService }) {
  const t = useT();
  const s = useStyles();
  const notify = useNotify();
  const [key, setKey] = useState('');
  const [hasKey, setHasKey] = useState(() => sync.hasKey());
  const [check, setCheck] = useState<Check>();
  const connection = useSyncExternalStore(sync.subscribe, () => sync.getStatus().connection);
  // A key the server has just accepted, while the connection still says what it said of the key before.
  const [acceptedWhile, setAcceptedWhile] = useState<Connection>();
  if (acceptedWhile !== undefined && connection !== acceptedWhile) setAcceptedWhile(undefined);
  const asked = useRef(0);

  const keep = (typed: string) => {
    sync.saveKey(typed);
    setHasKey(sync.hasKey());
    setKey('');
  };
  const save = async () => {
    const typed = key.trim();
    const ask = ++asked.current;
    if (!typed) {
      keep('');
      setCheck(undefined);
      notify.success(t('sync.keyRemoved'));
      return;
    }
    setCheck('checking');
    const answer = await sync.checkKey(typed);
    if (ask !== asked.current) return; // saved again meanwhile: that answer counts
    if (answer === 'refused') {
      setCheck('refused');
      return;
    }
    keep(typed);
    if (answer === 'unreachable') {
      setCheck('unreachable');
      return;
    }
    setCheck(undefined);
    setAcceptedWhile(sync.getStatus().connection);
    notify.success(t('sync.keySaved'));
  };

  const refused = hasKey && connection === 'refused' && acceptedWhile === undefined;
  return (
    <>
      <Text data-testid="sync-server">{t('sync.server', { url: sync.serverUrl })}</Text>
      <Text data-testid="sync-key-state">
        {t(refused ? 'sync.keySavedRefused' : hasKey ? 'sync.keyIsSet' : 'sync.keyNotSet')}
      </Text>
      <form
        className={s.row}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label={t('sync.key')}
          hint={t('sync.keyHint')}
          size="small"
          className={s.grow}
          validationState={check === 'refused' ? 'error' : check === 'unreachable' ? 'warning' : 'none'}
          validationMessage={check ? t(checkMessage[check]) : undefined}
        >
          <Input
            type="password"
            size="small"
            autoComplete="off"
            value={key}
            onChange={(_, d) => {
              setKey(d.value);
              if (check === 'refused') setCheck(undefined);
            }}
            data-testid="sync-key"
          />
        </Field>
        <Button
          type="submit"
          size="small"
          disabledFocusable={check === 'checking'}
          icon={check === 'checking' ? <Spinner size="extra-tiny" /> : undefined}
          data-testid="sync-key-save"
        >
          {t('common.save')}
        </Button>
      </form>
    </>
  );
}
