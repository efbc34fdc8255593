// The languages an interaction template has a letter for, each with its subject ("ENU · Our news"). Read
// only: a letter is written in Word and saved on the template from Mail merge, as the hint says.
import { Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Letters } from '../../domain/interaction';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase300 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function TemplateLetters({ letters }: { letters: Letters | undefined }) {
  const t = useT();
  const s = useStyles();
  const id = useId('template-letters');
  // The letter for contacts without a language (key '') first, then by language code.
  const shown = Object.entries(letters ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className={s.box}>
      <Text id={id} size={200}>
        {t('templates.letters')}
      </Text>
      {shown.length ? (
        <ul className={s.list} aria-labelledby={id}>
          {shown.map(([language, letter]) => (
            <li key={language}>{[language || t('common.blank'), letter.subject].filter(Boolean).join(' · ')}</li>
          ))}
        </ul>
      ) : (
        <Text size={200}>{t('templates.noLetters')}</Text>
      )}
      <Text size={200} className={s.hint}>
        {t('templates.lettersHint')}
      </Text>
    </div>
  );
}
