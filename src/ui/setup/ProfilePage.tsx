// My profile: the user's name (User ID on what they log; on a team server with personal keys, the user the
// server knows them as, with their role, read-only), salesperson (a new segment's default, looked up in
// Salespeople as in BC's User Setup) and the language of the pane.
import { Dropdown, Option, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Profile, UiLanguage } from '../../domain/setup';
import { useProfile } from './useProfile';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useWorkspace } from '../common/services';
import { HeaderField } from '../segments/HeaderField';
import { useRole } from '../common/useRole';
import { Field } from '@fluentui/react-components';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function ProfilePage({
  language,
  onLanguageChange,
}: {
  language: UiLanguage;
  onLanguageChange(l: UiLanguage): void;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const profile = useProfile();
  const notify = useNotify();
  const rights = useRole();
  // A new language needs no note: the pane switching to it is the answer (and this page's words are the
  // language left behind's).
  const update = async (patch: Partial<Profile>) => {
    try {
      await workspace.profile.update(patch);
      if (patch.uiLanguage === undefined) notify.success(t('profile.saved'));
    } catch (e) {
      notify.error(e);
    }
  };
  if (!profile) return <Spinner size="small" label={t('common.loading')} />;
  return (
    <div className={s.form}>
      {rights.user ? (
        // On a team server with personal keys the server stamps this user on what is logged, from the key.
        <>
          <Text data-testid="profile-server-user">
            {t('profile.serverUser', {
              user: rights.user,
              role: t(rights.role === 'admin' ? 'profile.role.admin' : 'profile.role.member'),
            })}
          </Text>
          <Text size={200} className={s.hint}>
            {t('profile.serverUserHint')}
          </Text>
        </>
      ) : (
        <>
          <HeaderField
            spec={{ name: 'userId', kind: 'text', max: 50 }}
            value={profile.userId}
            onCommit={(v) => void update({ userId: String(v) })}
          />
          <Text size={200} className={s.hint}>
            {t('profile.userIdHint')}
          </Text>
        </>
      )}
      {/* BC's User Setup: the salesperson is looked up in Salespeople; a code not in the list is refused at
          the field (a profile saved before keeps its code until it is changed). */}
      <HeaderField
        spec={{ name: 'salespersonCode', kind: 'code', list: 'salespeople' }}
        value={profile.salespersonCode}
        onCommit={(v) => void update({ salespersonCode: String(v).toUpperCase() })}
      />
      <Field label={t('field.uiLanguage')} size="small">
        <Dropdown
          size="small"
          value={t(`option.${language}`)}
          selectedOptions={[language]}
          onOptionSelect={(_, d) => {
            const l = (d.optionValue ?? 'en') as UiLanguage;
            onLanguageChange(l);
            void update({ uiLanguage: l });
          }}
        >
          <Option value="en" lang="en">
            English
          </Option>
          <Option value="it" lang="it">
            Italiano
          </Option>
        </Dropdown>
      </Field>
    </div>
  );
}
