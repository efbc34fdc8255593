// The choices before anything is written, from the review of the prepared rows: codes not in their
// lists (create them, import the rows without them, or reject the rows), persons whose company does not
// exist (create the company), rows that match stored contacts (update them, or leave the rows out).
import { Button, Checkbox, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportReview } from '../../domain/contactImport';
import { rowsText } from '../../domain/importProblems';
import { useI18n } from '../common/i18n';
import type { ImportChoices } from './useImportDecisions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '8em', overflowY: 'auto' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const SHOWN = 20;

export function ImportDecisions(props: {
  review: ImportReview;
  choices: ImportChoices;
  onChange(c: ImportChoices): void;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}) {
  const { review, choices, onChange, onConfirm, onCancel, busy } = props;
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const more = (n: number) => (n > SHOWN ? <li>{t('excel.problems.more', { n: formatNumber(n - SHOWN) })}</li> : null);
  return (
    <section className={s.root} aria-label={t('import.decide.title')} data-testid="import-decisions">
      <Text as="h3" weight="semibold">
        {t('import.decide.title')}
      </Text>
      {review.unknownCodes.length ? (
        <Field label={t('import.decide.unknownCodes', { n: formatNumber(review.unknownCodes.length) })}>
          <ul className={s.list} data-testid="import-unknown-codes">
            {review.unknownCodes.slice(0, SHOWN).map((u) => (
              <li key={`${u.list}:${u.code}`}>
                {t(u.rows.length === 1 ? 'import.decide.codeOne' : 'import.decide.code', {
                  list: t(`excel.list.${u.list}`),
                  code: u.code,
                  rows: rowsText(u.rows),
                })}
              </li>
            ))}
            {more(review.unknownCodes.length)}
          </ul>
          <RadioGroup
            value={choices.unknownCodes}
            onChange={(_, d) => onChange({ ...choices, unknownCodes: d.value as ImportChoices['unknownCodes'] })}
          >
            <Radio value="create" label={t('import.decide.create')} />
            <Radio value="drop" label={t('import.decide.drop')} />
            <Radio value="reject" label={t('import.decide.reject')} />
          </RadioGroup>
        </Field>
      ) : null}
      {review.missingCompanies.length ? (
        <div
          role="group"
          className={s.group}
          aria-label={t('import.decide.missingCompanies', { n: formatNumber(review.missingCompanies.length) })}
        >
          <Text weight="semibold">
            {t('import.decide.missingCompanies', { n: formatNumber(review.missingCompanies.length) })}
          </Text>
          <ul className={s.list} data-testid="import-missing-companies">
            {review.missingCompanies.slice(0, SHOWN).map((c) => (
              <li key={c}>{c}</li>
            ))}
            {more(review.missingCompanies.length)}
          </ul>
          <Checkbox
            checked={choices.createCompanies}
            onChange={(_, d) => onChange({ ...choices, createCompanies: d.checked === true })}
            label={t('import.decide.createCompanies')}
          />
        </div>
      ) : null}
      {review.existingMatches.length ? (
        <div
          role="group"
          className={s.group}
          aria-label={t('import.decide.existing', { n: formatNumber(review.existingMatches.length) })}
        >
          <Text weight="semibold">
            {t('import.decide.existing', { n: formatNumber(review.existingMatches.length) })}
          </Text>
          <ul className={s.list} data-testid="import-existing">
            {review.existingMatches.slice(0, SHOWN).map((m) => (
              <li key={m.sheetRow}>
                {t('import.decide.match', { row: m.sheetRow, no: m.no, by: t(`excel.by.${m.by}`) })}
              </li>
            ))}
            {more(review.existingMatches.length)}
          </ul>
          <Checkbox
            checked={choices.existingMatches === 'update'}
            onChange={(_, d) => onChange({ ...choices, existingMatches: d.checked === true ? 'update' : 'skip' })}
            label={t('import.decide.update')}
          />
        </div>
      ) : null}
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy} onClick={onConfirm} data-testid="import-confirm">
          {t('import.decide.confirm')}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </section>
  );
}
