// Setup: number series, defaults, the workspace locale; the sample workspace's removal while any of it is
// in the workspace; the shared workspace (server, personal key); and the browser's storage (persistence, quota).
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useSaveSetupField, useSetup } from './useSetup';
import { CodeLookup } from '../common/CodeLookup';
import { UserMessage, fieldCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useServices } from '../common/services';
import { HeaderField } from '../segments/HeaderField';
import { SharedWorkspaceSetup } from './SharedWorkspaceSetup';
import { useRole } from '../common/useRole';
import { useSampleWorkspace } from './useSampleWorkspace';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    // Disabled (a member's Setup): the fields take the fieldset's disabling but not Fluent's disabled look.
    '&:disabled .fui-Input, &:disabled .fui-Dropdown': {
      cursor: 'not-allowed',
      backgroundColor: tokens.colorTransparentBackground,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    },
    '&:disabled .fui-Input::after, &:disabled .fui-Dropdown::after': { content: 'unset' },
    '&:disabled .fui-Input__input, &:disabled .fui-Dropdown__button, &:disabled .fui-Dropdown__expandIcon': {
      cursor: 'not-allowed',
      color: tokens.colorNeutralForegroundDisabled,
    },
  },
  h: { margin: `${tokens.spacingVerticalM} 0 0` },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  button: { alignSelf: 'flex-start', maxWidth: '100%', whiteSpace: 'normal', height: 'auto' },
});

export function SetupPage() {
  const { t } = useI18n();
  const s = useStyles();
  const { sync } = useServices();
  const setup = useSetup();
  const save = useSaveSetupField();
  const notify = useNotify();
  const rights = useRole();
  if (!setup) return <Spinner size="small" label={t('common.loading')} />;
  // Setup is shared: every field shows the workspace's value as another user's change arrives, and hands over
  // only a value that differs from it (the option already chosen, a field passed through, is no change).
  const text = (name: 'segmentNos' | 'contactNos' | 'locale', hint?: string) => (
    <HeaderField
      spec={{ name, kind: 'text', max: name === 'locale' ? undefined : 20 }}
      value={setup[name]}
      hint={hint}
      save={(v) => save(name, String(v))}
    />
  );
  return (
    <div className={s.form}>
      {rights.setup ? null : (
        <MessageBar intent="info" data-testid="setup-admin-only">
          <MessageBarBody>{t('role.adminOnlySetup')}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset disabled={!rights.setup} className={s.fields}>
        <Text as="h2" weight="semibold" className={s.h}>
          {t('setup.numbers')}
        </Text>
        {text('segmentNos')}
        {text('contactNos')}
        <Text as="h2" weight="semibold" className={s.h}>
          {t('setup.defaults')}
        </Text>
        <HeaderField
          spec={{ name: 'defaultCorrespondenceType', kind: 'enum', options: ['', 'Hard Copy', 'Email'] }}
          value={setup.defaultCorrespondenceType}
          onCommit={(v) => {
            if (v !== setup.defaultCorrespondenceType)
              void save('defaultCorrespondenceType', String(v)).then((m) => m && notify.error(new UserMessage(m)));
          }}
        />
        {/* BC's table relation: a code of Languages, refused at the field when it is not one. */}
        <CodeLookup
          label={fieldCaption(t, 'defaultLanguageCode')}
          list="languages"
          value={setup.defaultLanguageCode}
          save={(code) => save('defaultLanguageCode', code)}
          testId="field-defaultLanguageCode"
        />
        {text('locale', 'en-US, it-IT, …')}
      </fieldset>
      <SampleWorkspaceSetup />
      {sync ? (
        <>
          <Text as="h2" weight="semibold" className={s.h}>
            {t('sync.group')}
          </Text>
          <SharedWorkspaceSetup sync={sync} />
        </>
      ) : null}
      <Text as="h2" weight="semibold" className={s.h}>
        {t('setup.storage')}
      </Text>
      <StorageInfo />
    </div>
  );
}

/**
 * The sample workspace's removal, offered for as long as any of its records is in the workspace (the welcome
 * offers it only until the user has contacts). Only an administrator removes it on a team server with roles.
 */
function SampleWorkspaceSetup() {
  const { t } = useI18n();
  const s = useStyles();
  const sample = useSampleWorkspace();
  const adminOnly = useId();
  if (!sample.loaded) return null;
  return (
    <section className={s.section} aria-labelledby="setup-sample-title" data-testid="setup-sample">
      <Text as="h2" id="setup-sample-title" weight="semibold" className={s.h}>
        {t('sample.setup.title')}
      </Text>
      <Text size={200} className={s.hint}>
        {t('sample.setup.text')}
      </Text>
      {sample.mayRemove ? null : (
        <Text size={200} id={adminOnly}>
          {t('firstRun.sample.adminOnly')}
        </Text>
      )}
      <Button
        size="small"
        className={s.button}
        disabled={!sample.mayRemove}
        disabledFocusable={sample.busy}
        aria-describedby={sample.mayRemove ? undefined : adminOnly}
        onClick={() => void sample.remove()}
        data-testid="setup-sample-remove"
      >
        {t('firstRun.sample.remove')}
      </Button>
    </section>
  );
}

function StorageInfo() {
  const { t, formatNumber } = useI18n();
  const notify = useNotify();
  const [info, setInfo] = useState<StorageState>();
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const refresh = () => readStorage(storage).then(setInfo);
  useEffect(() => {
    let live = true;
    void readStorage(storage).then((s) => live && setInfo(s));
    return () => {
      live = false;
    };
  }, [storage]);
  const mb = (n: number) => `${formatNumber(n / 1_048_576, { maximumFractionDigits: 1 })} MB`;
  const ask = async () => {
    const granted = storage?.persist ? await storage.persist() : false;
    if (!granted) notify.info(t('setup.persistDenied'));
    await refresh();
  };
  if (!info) return <Spinner size="extra-tiny" />;
  return (
    <>
      <Text data-testid="storage-quota">
        {info.quota !== undefined && info.usage !== undefined
          ? t('setup.quota', { used: mb(info.usage), quota: mb(info.quota) })
          : t('setup.quotaUnknown')}
      </Text>
      <Text data-testid="storage-persisted">{info.persisted ? t('setup.persisted') : t('setup.notPersisted')}</Text>
      {!info.persisted && storage?.persist ? (
        <Button size="small" onClick={() => void ask()}>
          {t('setup.askPersist')}
        </Button>
      ) : null}
    </>
  );
}

interface StorageState {
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

async function readStorage(storage: StorageManager | undefined): Promise<StorageState> {
  const persisted = storage?.persisted ? await storage.persisted() : undefined;
  const est = storage?.estimate ? await storage.estimate() : undefined;
  return { persisted, usage: est?.usage, quota: est?.quota };
}
