// Add line: a contact looked up by number, name, company or e-mail (BC's lookup on Contact No.). Typing
// filters the contacts; Enter adds the one that matches (the exact number, or the only match left) or the
// one picked in the list; a text that matches nobody is said at once. The field and its button share a row;
// the hint has the width of the row beneath it (at 320 px, in Italian, neither wraps in the middle).
import { Button, Combobox, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Contact } from '../../domain/contact';
import { useI18n } from '../common/i18n';

const MAX_OPTIONS = 30;
const useStyles = makeStyles({
  form: { minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  // The button's words stay on one line ("Aggiungi riga"); the field takes what is left.
  button: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** The contacts whose number, name, company name or e-mail contain `text` (case and accents ignored). */
export function matchContacts(contacts: readonly Contact[], text: string): Contact[] {
  const fold = (v: string) =>
    v
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const q = fold(text.trim());
  if (q === '') return [];
  return contacts.filter((c) => [c.no, c.name, c.companyName, c.email].some((v) => v && fold(v).includes(q)));
}

export function AddLine({
  contacts,
  onAdd,
}: {
  contacts: readonly Contact[];
  onAdd(contactNo: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const matches = useMemo(() => matchContacts(contacts, text), [contacts, text]);

  // Enter reaches both the field and the list's active option: one contact is added once.
  const adding = useRef<string | undefined>(undefined);
  const add = async (contactNo: string) => {
    if (adding.current === contactNo) return;
    adding.current = contactNo;
    setError(undefined);
    try {
      if (await onAdd(contactNo)) setText('');
    } finally {
      adding.current = undefined;
    }
  };
  const submit = () => {
    const q = text.trim();
    if (!q) return;
    const exact = contacts.find((c) => c.no.toUpperCase() === q.toUpperCase());
    if (exact) return void add(exact.no);
    if (matches.length === 1) return void add(matches[0].no);
    setError(matches.length === 0 ? t('lookup.noContact', { text: q }) : undefined);
  };

  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        label={t('segment.addLineLabel')}
        hint={t('lookup.searchContact')}
        size="small"
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        {(control) => (
          <div className={s.row}>
            <Combobox
              {...control}
              size="small"
              className={s.grow}
              freeform
              value={text}
              selectedOptions={[]}
              style={{ minWidth: 0, width: '100%' }}
              onChange={(e) => {
                setText(e.target.value);
                setError(undefined);
              }}
              onOptionSelect={(_, d) => d.optionValue && void add(d.optionValue)}
              onKeyDown={(e) => {
                if (
                  e.key === 'Enter' &&
                  (matches.length <= 1 || contacts.some((c) => c.no.toUpperCase() === text.trim().toUpperCase()))
                ) {
                  e.preventDefault();
                  submit();
                }
              }}
              data-testid="add-line-contact"
            >
              {matches.slice(0, MAX_OPTIONS).map((c) => (
                <Option key={c.no} value={c.no} text={c.no}>
                  {[c.no, c.name, c.companyName, c.email].filter(Boolean).join(' · ')}
                </Option>
              ))}
            </Combobox>
            <Button size="small" type="submit" className={s.button} data-testid="add-line">
              {t('segment.addLine')}
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
