// A number field of a record's card (an interaction template's Unit Cost, Unit Duration), shown and read as
// the workspace locale writes it, as the segment card's number fields are: the locale's decimal sign and no
// group separators ("1234,5" in it-IT), so digits typed into it stay readable. What the user types is kept
// as typed; leaving the field puts the number read in its place, or says at the field that the text is not
// a number and how to type one. The card's own messages (a negative cost, found on Save) are said there too.
import { Field, Input } from '@fluentui/react-components';
import { numberExample } from '../../domain/filterValues';
import { readTypedNumber } from '../../domain/segment';
import { fieldCaption } from '../common/errorText';
import { useI18n, type Translate } from '../common/i18n';

/**
 * What is wrong with `value` in number field `name`: text the locale does not write as a number ("1.25" in
 * it-IT), said as the segment card says it; undefined for a number, or text the locale reads (blank is 0).
 */
export function unreadableNumber(t: Translate, locale: string, name: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || readTypedNumber(value, locale) !== undefined) return undefined;
  return t('segment.numberUnreadable', {
    field: fieldCaption(t, name),
    value,
    example: numberExample(locale),
  });
}

export function CardNumberField(p: {
  name: string;
  /** The stored number, or the text being typed. */
  value: unknown;
  message?: string;
  /** The text typed, then, when the field is left, the number read from it. */
  onChange(value: number | string): void;
  /** The field was left holding text that is not a number: the message to say at it. */
  onRefuse(message: string): void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const value = p.value ?? 0;
  const leave = () => {
    if (typeof value !== 'string') return;
    const refused = unreadableNumber(t, locale, p.name, value);
    if (refused) p.onRefuse(refused);
    else p.onChange(readTypedNumber(value, locale)!);
  };
  return (
    <Field
      label={fieldCaption(t, p.name)}
      size="small"
      validationState={p.message ? 'error' : 'none'}
      validationMessage={p.message}
    >
      <Input
        size="small"
        inputMode="decimal"
        value={
          typeof value === 'number'
            ? formatNumber(value, { useGrouping: false, maximumFractionDigits: 20 })
            : String(value)
        }
        onChange={(_, d) => p.onChange(d.value)}
        onBlur={leave}
        data-testid={`field-${p.name}`}
      />
    </Field>
  );
}
