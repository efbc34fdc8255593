// The Contacts list's filter pane, as Business Central's: "Add filter" adds a row, a field (the contact
// fields the criteria dialog offers, in their captions, and the imported columns by header) and its value,
// a BC filter expression; every row is one more condition. Laid out as the criteria dialog's rows: the
// field above its value, the remove button beside them, so a row fits the 320 px pane.
import { Button, Dropdown, Field, Input, Option, OptionGroup, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons/svg/add';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { criteriaFieldCaption } from '../criteria/criteriaCaptions';
import { EXTRA_PREFIX, type FilterRow } from '../criteria/criteriaFilters';
import { FilterErrorMessage, type FilterRowError } from '../criteria/FilterRows';
import { useT } from '../common/i18n';
import { rowFields } from './contactRowFilters';

const useStyles = makeStyles({
  rows: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'end',
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  wide: { minWidth: 0, width: '100%' },
  add: { alignSelf: 'flex-start' },
});

export function ContactFilterRows(props: {
  rows: FilterRow[];
  onChange(rows: FilterRow[]): void;
  /** The imported columns' headers the contacts have. */
  headers: readonly string[];
  /** The error of a row's filter, shown under its value with the expression it was read in. */
  errorFor(row: FilterRow): { error: FilterRowError; expression: string } | undefined;
}) {
  const t = useT();
  const s = useStyles();
  const { rows, onChange } = props;
  const set = (i: number, patch: Partial<FilterRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const caption = (field: string) => criteriaFieldCaption(t, field);
  // A header that a chosen row names stays offered, if no contact shown has it any more.
  const headers = [
    ...new Set([
      ...props.headers,
      ...rows.filter((r) => r.field.startsWith(EXTRA_PREFIX)).map((r) => r.field.slice(EXTRA_PREFIX.length)),
    ]),
  ];
  return (
    <div className={s.rows}>
      {rows.map((row, i) => {
        // One row per field: CriteriaFilters holds one expression for a field.
        const taken = new Set(rows.filter((_, j) => j !== i).map((r) => r.field));
        const n = i + 1;
        const failed = props.errorFor(row);
        return (
          <div className={s.row} key={i} data-testid={`contacts-filter-${i}`}>
            <div className={s.fields}>
              <Dropdown
                className={s.wide}
                size="small"
                aria-label={t('contacts.filterField', { n })}
                placeholder={t('contacts.chooseField')}
                value={row.field ? caption(row.field) : ''}
                selectedOptions={row.field ? [row.field] : []}
                onOptionSelect={(_, d) => d.optionValue && set(i, { field: d.optionValue })}
              >
                <OptionGroup label={t('criteria.contactFields')}>
                  {rowFields.map((f) => (
                    <Option key={f} value={f} disabled={taken.has(f)}>
                      {caption(f)}
                    </Option>
                  ))}
                </OptionGroup>
                {headers.length ? (
                  <OptionGroup label={t('contact.importedColumns')}>
                    {headers.map((h) => (
                      <Option
                        key={h}
                        value={EXTRA_PREFIX + h}
                        text={caption(EXTRA_PREFIX + h)}
                        disabled={taken.has(EXTRA_PREFIX + h)}
                      >
                        {h}
                      </Option>
                    ))}
                  </OptionGroup>
                ) : null}
              </Dropdown>
              <Field
                size="small"
                validationState={failed ? 'error' : 'none'}
                validationMessage={failed ? <FilterErrorMessage {...failed} /> : undefined}
              >
                <Input
                  className={s.wide}
                  size="small"
                  aria-label={row.field ? caption(row.field) : t('contacts.filterValue', { n })}
                  disabled={!row.field}
                  value={row.expression}
                  onChange={(_, d) => set(i, { expression: d.value })}
                />
              </Field>
            </div>
            <Button
              appearance="subtle"
              size="small"
              icon={<DismissRegular />}
              aria-label={
                row.field
                  ? t('contacts.removeFilter', { field: caption(row.field) })
                  : t('contacts.removeNewFilter', { n })
              }
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          </div>
        );
      })}
      <Button
        className={s.add}
        size="small"
        icon={<AddRegular />}
        onClick={() => onChange([...rows, { field: '', expression: '' }])}
      >
        {t('contacts.addFilter')}
      </Button>
    </div>
  );
}
