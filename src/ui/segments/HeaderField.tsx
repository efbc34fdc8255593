// One editable field of a card (segment header, line panel): text, date, number, yes/no, an option of
// BC's enumerations, or a code looked up in its list (salesperson, language, interaction template…). It keeps what the user types and hands the value over
// when the field loses focus (or on Enter); checkboxes and drop-downs hand it over at once.
import { Checkbox, Dropdown, Field, Input, Option, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { InteractionTemplate } from '../../domain/interaction';
import { CodeLookup } from '../common/CodeLookup';
import { fieldCaption, optionCaption } from '../common/errorText';
import type { CodeListName } from '../lists/useCodeList';
import { useI18n } from '../common/i18n';

export interface FieldSpec {
  name: string;
  kind: 'text' | 'date' | 'number' | 'bool' | 'enum' | 'template' | 'code' | 'readonly';
  max?: number;
  /** The list a 'code' field looks its value up in. */
  list?: CodeListName;
  options?: string[];
}

export function HeaderField(props: {
  spec: FieldSpec;
  value: unknown;
  templates?: InteractionTemplate[];
  onCommit(value: unknown): void;
}) {
  const { t, formatNumber, formatDate } = useI18n();
  const { spec, value, onCommit } = props;
  const label = fieldCaption(t, spec.name);
  const [draft, setDraft] = useState(() => String(value ?? ''));
  // A new value from the store (saved, or changed elsewhere) replaces what is typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value ?? ''));
  }
  // Enter and the blur that follows must hand a value over once (a second hand-over would ask BC's question twice).
  const handedOver = useRef<string | undefined>(undefined);

  switch (spec.kind) {
    case 'readonly':
      return (
        <Field label={label} size="small">
          <Text data-testid={`field-${spec.name}`}>
            {typeof value === 'number'
              ? formatNumber(value)
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
        const v = spec.kind === 'number' ? Number(draft.replace(',', '.')) : draft;
        if (spec.kind === 'number' && (draft.trim() === '' || Number.isNaN(v))) {
          setDraft(String(value ?? ''));
          return;
        }
        if (v === value) return;
        handedOver.current = draft;
        onCommit(v);
      };
      return (
        <Field label={label} size="small">
          <Input
            size="small"
            type={spec.kind === 'date' ? 'date' : 'text'}
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
