// One editable field of a card (segment header, line panel): text, date, number, yes/no, an option of
// BC's enumerations, or a code looked up in its list (salesperson, language, interaction template…). It keeps what the user types and hands the value over
// when the field loses focus (or on Enter); checkboxes and drop-downs hand it over at once. A number is
// shown and read as the workspace locale writes it; one that cannot be read is said at the field, kept as
// typed, and not handed over.
import { Checkbox, Dropdown, Field, Input, Option, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { InteractionTemplate } from '../../domain/interaction';
import { readTypedNumber } from '../../domain/segment';
import { dateExample, numberExample, parseFilterDate, typedDate } from '../../domain/filterValues';
import { isoDateOf } from '../../domain/time';
import { CodeLookup } from '../common/CodeLookup';
import { fieldCaption, optionCaption } from '../common/errorText';
import type { CodeListName } from '../lists/useCodeList';
import { useI18n } from '../common/i18n';

export interface FieldSpec {
  name: string;
  kind: 'text' | 'date' | 'number' | 'bool' | 'enum' | 'template' | 'code' | 'readonly';
  max?: number;
  /** Decimals always shown (an amount's 2, as BC shows Cost (LCY): 0,00); more are shown when typed. */
  decimals?: number;
  /** The list a 'code' field looks its value up in. */
  list?: CodeListName;
  options?: string[];
}

export function HeaderField(props: {
  spec: FieldSpec;
  value: unknown;
  templates?: InteractionTemplate[];
  /** Given the value the user chose or typed (unless `save` is given). */
  onCommit?(value: unknown): void;
  /** Told whether the field holds text it cannot hand over (a number that cannot be read). */
  onUnreadable?(unreadable: boolean): void;
  /** Beneath a text field: what it takes (Setup's locale: "en-US, it-IT, …"). */
  hint?: string;
  /**
   * A text, number or date field that saves its value itself (Setup's): instead of onCommit, the value is
   * saved at once and a refusal it answers (in the user's words) is shown at the field, the value typed
   * kept and marked until it is corrected or put back: it was not saved.
   */
  save?(value: unknown): Promise<string | undefined>;
}) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const { spec, value, onUnreadable } = props;
  const label = fieldCaption(t, spec.name);
  // A number to edit: the locale's decimal sign, no group separators (digits typed into it stay readable).
  // A date as the workspace locale writes it (31/01/2026 in it-IT), not as the browser's date picker
  // would (its own language's order): the user types it the same way, or `t` for today, as in BC.
  const textOf = (v: unknown) =>
    spec.kind === 'number' && typeof v === 'number'
      ? formatNumber(v, { useGrouping: false, minimumFractionDigits: spec.decimals, maximumFractionDigits: 20 })
      : spec.kind === 'date'
        ? typedDate(String(v ?? ''), locale)
        : String(v ?? '');
  const [draft, setDraft] = useState(() => textOf(value));
  // The text typed that cannot be read as a number, while the field holds it.
  const [unreadable, markUnreadable] = useState<string>();
  // Why `save` refused the value typed, while the field holds it.
  const [refusal, setRefusal] = useState<string>();
  const onCommit = (v: unknown) => {
    if (props.save) void props.save(v).then(setRefusal);
    else props.onCommit?.(v);
  };
  useEffect(() => onUnreadable?.(unreadable !== undefined), [unreadable, onUnreadable]);
  // A new value from the store (saved, or changed elsewhere) replaces what is typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (refusal !== undefined) setRefusal(undefined);
    setDraft(textOf(value));
    if (unreadable !== undefined) markUnreadable(undefined);
  }
  // Enter and the blur that follows must hand a value over once (a second hand-over would ask BC's question twice).
  const handedOver = useRef<string | undefined>(undefined);

  switch (spec.kind) {
    case 'readonly':
      return (
        <Field label={label} size="small">
          <Text data-testid={`field-${spec.name}`}>
            {typeof value === 'number'
              ? formatNumber(value, { minimumFractionDigits: spec.decimals })
              : spec.name === 'date'
                ? formatDate(String(value))
                : String(value ?? '')}
          </Text>
        </Field>
      );
    case 'bool':
      return <Checkbox label={label} checked={value === true} onChange={(_, d) => onCommit(d.checked === true)} />;
    case 'enum':
      return (
        <Field label={label} size="small">
          <Dropdown
            size="small"
            value={optionCaption(t, String(value ?? ''))}
            selectedOptions={[String(value ?? '')]}
            onOptionSelect={(_, d) => onCommit(d.optionValue ?? '')}
          >
            {(spec.options ?? []).map((o) => (
              <Option key={o || 'blank'} value={o} text={optionCaption(t, o)}>
                {optionCaption(t, o)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    case 'code':
      return (
        <CodeLookup
          label={label}
          list={spec.list ?? 'salespeople'}
          value={String(value ?? '')}
          onCommit={onCommit}
          testId={`field-${spec.name}`}
        />
      );
    case 'template':
      return (
        <Field label={label} size="small">
          <Dropdown
            size="small"
            value={String(value ?? '')}
            selectedOptions={[String(value ?? '')]}
            onOptionSelect={(_, d) => onCommit(d.optionValue ?? '')}
            data-testid={`field-${spec.name}`}
          >
            <Option value="" text={t('common.blank')}>
              {t('common.blank')}
            </Option>
            {(props.templates ?? []).map((tp) => (
              <Option key={tp.code} value={tp.code} text={tp.code}>
                {tp.code} {tp.description ? `· ${tp.description}` : ''}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    default: {
      const commit = () => {
        if (handedOver.current === draft) return;
        const v =
          spec.kind === 'number'
            ? readTypedNumber(draft, locale)
            : spec.kind === 'date'
              ? draft.trim() === ''
                ? ''
                : parseFilterDate(draft, { locale, today: isoDateOf(new Date()) })
              : draft;
        if (v === undefined) {
          markUnreadable(draft);
          return;
        }
        if (unreadable !== undefined) markUnreadable(undefined);
        // A date typed another way ("t", 7.12.26) shows again as the locale writes it.
        const shownText = spec.kind === 'date' ? textOf(v) : draft;
        if (shownText !== draft) setDraft(shownText);
        if (v === value) {
          // Put back as it was: nothing to save, nothing refused.
          if (refusal !== undefined) setRefusal(undefined);
          return;
        }
        handedOver.current = shownText;
        onCommit(v);
      };
      return (
        <Field
          label={label}
          size="small"
          hint={props.hint}
          validationState={unreadable !== undefined || refusal !== undefined ? 'error' : 'none'}
          validationMessage={
            unreadable === undefined
              ? refusal
              : spec.kind === 'date'
                ? t('segment.dateUnreadable', { field: label, value: unreadable, example: dateExample(locale) })
                : t('segment.numberUnreadable', { field: label, value: unreadable, example: numberExample(locale) })
          }
        >
          <Input
            size="small"
            inputMode={spec.kind === 'number' ? 'decimal' : undefined}
            maxLength={spec.max}
            value={draft}
            onChange={(_, d) => {
              handedOver.current = undefined;
              setDraft(d.value);
            }}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
            data-testid={`field-${spec.name}`}
          />
        </Field>
      );
    }
  }
}
