// The filter rows of the criteria dialog: a field (contact fields, imported columns, related data,
// interaction log entries) and a BC filter expression, with the parser's message under the row it names.
import { Button, Dropdown, Field, Input, Option, OptionGroup, makeStyles, tokens } from '@fluentui/react-components';
import { filterHint } from '../../domain/filterExpression';
import { AddRegular } from '@fluentui/react-icons/svg/add';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import {
  EXTRA_PREFIX,
  contactFilterFields,
  interactionLogFilterFields,
  relatedFilterFields,
  type FilterRow,
} from './criteriaFilters';
import { criteriaFieldBareCaption, criteriaFieldCaption } from './criteriaCaptions';
import { useT } from '../common/i18n';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalS,
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  expression: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  mark: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** A filter's error: the user's words and the 1-based position in the expression it points at. */
export interface FilterRowError {
  text: string;
  position?: number;
}

/** The expression with the character at `position` (1-based) marked; past the end, a marked gap. */
export function MarkedExpression({ expression, position }: { expression: string; position: number }) {
  const s = useStyles();
  const at = Math.max(0, position - 1);
  const chars = [...expression];
  return (
    <code className={s.expression} data-testid="filter-error-expression">
      {chars.slice(0, at).join('')}
      <mark className={s.mark}>{at < chars.length ? chars[at] : '\u00a0'}</mark>
      {chars.slice(at + 1).join('')}
    </code>
  );
}

/** The field a new row starts on: City, else the first contact field no row uses yet. */
export function firstFreeField(rows: FilterRow[]): string {
  const used = new Set(rows.map((r) => r.field));
  return ['contact.city', ...contactFilterFields].find((f) => !used.has(f)) ?? 'contact.city';
}

export function FilterRows(props: {
  rows: FilterRow[];
  onChange(rows: FilterRow[]): void;
  errorFor(row: FilterRow): FilterRowError | undefined;
}) {
  const t = useT();
  const s = useStyles();
  const { rows, onChange } = props;
  const set = (i: number, patch: Partial<FilterRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const hintText = (expression: string) => {
    const h = filterHint(expression);
    if (!h) return undefined;
    const literal = h.params.literal;
    return (
      <span data-testid="filter-hint">
        {t(h.params.operator === '|' ? `${h.key}.or` : h.key, { operator: h.params.operator, literal })}
      </span>
    );
  };
  const caption = (f: string) =>
    f === EXTRA_PREFIX ? t('criteria.extraField', { header: '…' }) : criteriaFieldCaption(t, f);
  return (
    <div>
      {rows.map((row, i) => {
        const isExtra = row.field.startsWith(EXTRA_PREFIX);
        // One row per field: a second row would silently replace the first one's filter.
        const taken = new Set(rows.filter((_, j) => j !== i).map((r) => r.field));
        const error = props.errorFor(row);
        return (
          <div className={s.row} key={i} data-testid={`filter-row-${i}`}>
            <div className={s.fields}>
              <Field label={`${t('criteria.filterField')} ${i + 1}`} size="small">
                <Dropdown
                  className={s.dropdown}
                  size="small"
                  value={caption(row.field)}
                  selectedOptions={[isExtra ? EXTRA_PREFIX : row.field]}
                  onOptionSelect={(_, d) => d.optionValue && set(i, { field: d.optionValue })}
                >
                  <OptionGroup label={t('criteria.contactFields')}>
                    {contactFilterFields.map((f) => (
                      <Option key={f} value={f} disabled={taken.has(f)}>
                        {caption(f)}
                      </Option>
                    ))}
                    <Option value={EXTRA_PREFIX} text={t('criteria.extraHeader')}>
                      {t('criteria.extraHeader')}…
                    </Option>
                  </OptionGroup>
                  <OptionGroup label={t('criteria.relatedData')}>
                    {relatedFilterFields.map((f) => (
                      <Option key={f} value={f} disabled={taken.has(f)}>
                        {caption(f)}
                      </Option>
                    ))}
                  </OptionGroup>
                  <OptionGroup label={t('criteria.interactionLog')}>
                    {interactionLogFilterFields.map((f) => (
                      <Option
                        key={f}
                        value={f}
                        disabled={taken.has(f)}
                        // The group is around the option; the text a screen reader says (and the box shows once
                        // chosen) names it, so the log's Salesperson Code is not the contact's.
                        text={caption(f)}
                      >
                        {criteriaFieldBareCaption(t, f)}
                      </Option>
                    ))}
                  </OptionGroup>
                </Dropdown>
              </Field>
              {isExtra ? (
                <Field label={t('criteria.extraHeader')} size="small">
                  <Input
                    size="small"
                    value={row.field.slice(EXTRA_PREFIX.length)}
                    onChange={(_, d) => set(i, { field: EXTRA_PREFIX + d.value })}
                  />
                </Field>
              ) : null}
              <Field
                label={`${t('criteria.filterExpression')} ${i + 1}`}
                size="small"
                validationMessage={error ? <FilterErrorMessage error={error} expression={row.expression} /> : undefined}
                validationState={error ? 'error' : 'none'}
                hint={error ? undefined : hintText(row.expression)}
              >
                <Input
                  size="small"
                  value={row.expression}
                  onChange={(_, d) => set(i, { expression: d.value })}
                  data-testid={`filter-expression-${i}`}
                />
              </Field>
            </div>
            <Button
              appearance="subtle"
              size="small"
              icon={<DismissRegular />}
              aria-label={t('criteria.removeFilter', { n: i + 1 })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          </div>
        );
      })}
      <Button
        size="small"
        icon={<AddRegular />}
        onClick={() => onChange([...rows, { field: firstFreeField(rows), expression: '' }])}
      >
        {t('criteria.addFilter')}
      </Button>
    </div>
  );
}

/** A filter's error under its field: the words, then the expression with the character it points at marked. */
export function FilterErrorMessage({ error, expression }: { error: FilterRowError; expression: string }) {
  const t = useT();
  const s = useStyles();
  const pos = error.position;
  return (
    <span className={s.message}>
      <span>{error.text}</span>
      {pos !== undefined && expression !== '' ? (
        <span>
          {t(pos > [...expression].length ? 'filter.error.atEnd' : 'filter.error.at')}{' '}
          <MarkedExpression expression={expression} position={pos} />
        </span>
      ) : null}
    </span>
  );
}
