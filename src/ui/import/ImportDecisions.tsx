// The choices before anything is written, from the review of the prepared rows: codes not in their
// lists (create them, import the rows without them, or reject the rows), persons whose company does not
// exist (create the company), rows that match stored contacts (update them, or leave the rows out).
import { Button, Checkbox, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
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
        <CheckedList
          title={t('import.decide.missingCompanies', { n: formatNumber(review.missingCompanies.length) })}
          testId="import-missing-companies"
          items={review.missingCompanies.slice(0, SHOWN).map((c) => (
            <li key={c}>{c}</li>
          ))}
          more={more(review.missingCompanies.length)}
          checked={choices.createCompanies}
          onChecked={(createCompanies) => onChange({ ...choices, createCompanies })}
          label={t('import.decide.createCompanies')}
        />
      ) : null}
      {review.existingMatches.length ? (
        <CheckedList
          title={t('import.decide.existing', { n: formatNumber(review.existingMatches.length) })}
          testId="import-existing"
          items={review.existingMatches.slice(0, SHOWN).map((m) => (
            <li key={m.sheetRow}>
              {t('import.decide.match', { row: m.sheetRow, no: m.no, by: t(`excel.by.${m.by}`) })}
            </li>
          ))}
          more={more(review.existingMatches.length)}
          checked={choices.existingMatches === 'update'}
          onChecked={(update) => onChange({ ...choices, existingMatches: update ? 'update' : 'skip' })}
          label={t('import.decide.update')}
        />
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

/** A titled group: what the choice is about (a list, capped) and the one check box that decides it. */
function CheckedList(p: {
  title: string;
  testId: string;
  items: ReactNode;
  more: ReactNode;
  checked: boolean;
  onChecked(checked: boolean): void;
  label: string;
}) {
  const s = useStyles();
  return (
    <div role="group" className={s.group} aria-label={p.title}>
      <Text weight="semibold">{p.title}</Text>
      <ul className={s.list} data-testid={p.testId}>
        {p.items}
        {p.more}
      </ul>
      <Checkbox checked={p.checked} onChange={(_, d) => p.onChecked(d.checked === true)} label={p.label} />
    </div>
  );
}
