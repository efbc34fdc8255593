// The filters of Interaction Log Entries: Contact No., Segment No. and Date take BC filter expressions (one
// that cannot be read is marked at its field), the template and the salesperson are lookups over their
// lists, and Canceled is all, canceled only or not canceled.
import { Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { InteractionLogFilter } from '../../domain/workspace';
import { CodeLookup } from '../common/CodeLookup';
import { useI18n } from '../common/i18n';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8.5em, 1fr))',
    '& > *, & .fui-Input, & .fui-Dropdown, & .fui-Combobox': { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  input: { minWidth: 0, width: '100%' },
});
/** The filters that are codes of a list (the contact and the segment are numbers, not codes of a list). */
const lookups = { interactionTemplateCode: 'interactionTemplates', salespersonCode: 'salespeople' } as const;

/** `errorField`: the filter whose expression cannot be read. */
export function InteractionLogFilters({
  filter,
  onChange,
  errorField,
}: {
  filter: InteractionLogFilter;
  onChange(filter: InteractionLogFilter): void;
  errorField?: unknown;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const setText = (
    k: 'contactNo' | 'segmentNo' | 'interactionTemplateCode' | 'salespersonCode' | 'date',
    v: string,
  ) => {
    const next = { ...filter };
    if (v.trim() === '') delete next[k];
    else next[k] = v.trim();
    onChange(next);
  };
  const canceled = filter.canceled === undefined ? 'any' : filter.canceled ? 'yes' : 'no';
  const canceledLabel = { any: t('entries.canceledAny'), yes: t('entries.canceledYes'), no: t('entries.canceledNo') };
  return (
    <>
      {filter.loggedSegmentEntryNo !== undefined ? (
        <Text>{t('entries.forLogged', { entryNo: filter.loggedSegmentEntryNo })}</Text>
      ) : null}
      <div className={s.filters} role="search" aria-label={t('entries.filters')}>
        {(['contactNo', 'segmentNo', 'interactionTemplateCode', 'salespersonCode', 'date'] as const).map((k) =>
          k in lookups ? (
            // A code of a list: BC's lookup (type to filter, Enter to pick; an unknown code is refused).
            <CodeLookup
              key={k}
              label={t(`field.${k}`)}
              list={lookups[k as keyof typeof lookups]}
              value={filter[k] ?? ''}
              onCommit={(code) => setText(k, code)}
              clearable
            />
          ) : (
            <Field key={k} label={t(`field.${k}`)} size="small" validationState={errorField === k ? 'error' : 'none'}>
              <Input
                size="small"
                className={s.input}
                defaultValue={filter[k] ?? ''}
                onBlur={(e) => setText(k, e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && setText(k, e.currentTarget.value)}
              />
            </Field>
          ),
        )}
        <Field label={t('field.canceled')} size="small">
          <Dropdown
            size="small"
            className={s.input}
            value={canceledLabel[canceled]}
            selectedOptions={[canceled]}
            onOptionSelect={(_, d) =>
              onChange({ ...filter, canceled: d.optionValue === 'any' ? undefined : d.optionValue === 'yes' })
            }
          >
            {(['any', 'yes', 'no'] as const).map((v) => (
              <Option key={v} value={v}>
                {canceledLabel[v]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </>
  );
}
