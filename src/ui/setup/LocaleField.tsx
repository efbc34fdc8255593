// Setup's Locale: the workspace's value, live (another user's change shows at once, and one that arrives
// while the user types replaces the typing, as on every card field). Only a value the user typed, and
// that differs from the one the workspace has now, is handed over: a Tab through the field writes nothing.
import { Field, Input } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useT } from '../common/i18n';

export function LocaleField({ value, onCommit }: { value: string; onCommit(locale: string): void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  // Enter and the blur that follows hand a value over once.
  const handedOver = useRef<string | undefined>(undefined);
  const commit = () => {
    if (draft === value || handedOver.current === draft) return;
    handedOver.current = draft;
    onCommit(draft);
  };
  return (
    <Field label={t('field.locale')} size="small" hint="en-US, it-IT, …">
      <Input
        size="small"
        value={draft}
        onChange={(_, d) => {
          handedOver.current = undefined;
          setDraft(d.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        data-testid="field-locale"
      />
    </Field>
  );
}
