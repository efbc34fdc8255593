// The merge-field check: fields no data can fill or that match no field (in bodies, headers and footers),
// blanks and removed characters per contact; a segment without lines has nothing to merge.
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MergeCheck } from '../../domain/mergeCheck';
import { useI18n } from '../common/i18n';

const useStyles = makeStyles({
  // Field names of any length (a 5,000-character «Field») wrap inside the pane.
  root: { minWidth: 0, overflowWrap: 'anywhere' },
  body: { minWidth: 0, overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    maxHeight: '40vh',
    overflowY: 'auto',
    overflowWrap: 'anywhere',
  },
});

export function CheckView({ check, caption }: { check: MergeCheck; caption(key: string): string }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const names = (keys: string[]) => keys.map(caption).join(', ');
  if (check.noLines) {
    return (
      <MessageBar intent="warning" data-testid="check-no-lines">
        <MessageBarBody>{t('word.check.noLines')}</MessageBarBody>
      </MessageBar>
    );
  }
  const unmatched = check.legacy.filter((f) => !f.key);
  const unconverted = check.legacy.filter((f) => f.key);
  if (check.clean) {
    return (
      <MessageBar intent="success" data-testid="check-clean">
        <MessageBarBody>{t('word.check.clean', { letters: formatNumber(check.letters) })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div data-testid="check-result" className={s.root}>
      <Text>{t('word.check.used', { fields: names(check.usedFields) })}</Text>
      {check.unknownFields.length ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('word.check.unknown', { fields: names(check.unknownFields) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {check.emptyFields.length ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('word.check.empty', { fields: names(check.emptyFields) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {check.stripped.length ? (
        <MessageBar intent="warning" data-testid="check-stripped">
          <MessageBarBody>
            {t('word.check.stripped', { items: check.stripped.map((x) => `${x.kind} (${x.target})`).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {check.unknownLanguages.map((l) => (
        <MessageBar key={l.languageCode} intent="warning" data-testid="check-language">
          <MessageBarBody>
            {t('word.check.unknownLanguage', { code: l.languageCode, lines: formatNumber(l.lines), locale: l.locale })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {unmatched.length ? (
        <MessageBar intent="warning" data-testid="check-unmatched">
          <MessageBarBody className={s.body}>
            {t('word.check.unmatched', { names: unmatched.map((f) => f.name).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {unconverted.length ? (
        <MessageBar intent="warning">
          <MessageBarBody className={s.body}>
            {t('word.check.legacy', { names: unconverted.map((f) => f.name).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={s.list}>
        {check.lines.flatMap((l) => {
          const items: string[] = [];
          if (l.noLetter === 'no-contact') items.push(t('word.check.line.noContact', { lineNo: l.lineNo }));
          if (l.noLetter === 'no-letter')
            items.push(t('word.check.line.noLetter', { lineNo: l.lineNo, contactNo: l.contactNo }));
          if (l.blanks.length)
            items.push(
              t('word.check.line.blanks', { lineNo: l.lineNo, contactNo: l.contactNo, fields: names(l.blanks) }),
            );
          for (const d of l.dropped)
            items.push(
              t('word.check.line.dropped', {
                lineNo: l.lineNo,
                contactNo: l.contactNo,
                field: caption(d.key),
                chars: d.codePoints.join(' '),
              }),
            );
          return items.map((text, i) => <li key={`${l.lineNo}-${i}`}>{text}</li>);
        })}
      </ul>
    </div>
  );
}
