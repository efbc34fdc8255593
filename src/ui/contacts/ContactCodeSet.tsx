// One of the contact's lists of codes, as BC's Contact Mailing Groups page has it (and the industry groups,
// job responsibilities and business relations pages): each code with its description and a Remove, and a
// lookup of the code list that adds one. Each add or remove is one write; a code not in the list is
// refused by the lookup, a code the contact already has is said at the list.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CodeLookup } from '../common/CodeLookup';
import { fieldCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import { RemoveButton } from '../common/RemoveButton';
import { useCodeList, type CodeListName } from '../lists/useCodeList';
import { codeWithDescription } from './codeDescription';
import type { ContactCodeField, ContactEdit } from './useContactEdit';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  h: { margin: 0, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

export function ContactCodeSet(p: {
  field: ContactCodeField;
  list: CodeListName;
  codes: readonly string[];
  /** Whether codes may be added: BC links industry groups and business relations to companies, job responsibilities to persons. */
  canAdd: boolean;
  edit: ContactEdit;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const rows = useCodeList(p.list);
  // A new, empty lookup after each code added.
  const [round, setRound] = useState(0);
  const message = p.edit.message(p.field);
  const id = `contact-${p.field}`;
  return (
    <section className={s.section} aria-labelledby={id}>
      <h3 id={id} className={s.h}>
        {fieldCaption(t, p.field)}
      </h3>
      {p.codes.length ? (
        <ul className={s.list}>
          {p.codes.map((code) => (
            <li key={code} className={s.row}>
              <Text className={s.text}>{codeWithDescription(rows, code)}</Text>
              <RemoveButton verb="common.remove" code={code} onClick={() => void p.edit.remove(p.field, code)} />
            </li>
          ))}
        </ul>
      ) : null}
      {p.canAdd ? (
        <CodeLookup
          key={round}
          label={t(`contactCard.code.${p.field}`)}
          list={p.list}
          value=""
          onCommit={(code) => {
            if (code) void p.edit.add(p.field, code).then((added) => added && setRound((r) => r + 1));
          }}
          onRefuse={() => p.edit.forget(p.field)}
          testId={`add-${p.field}`}
        />
      ) : null}
      {message ? (
        <Text size={200} role="alert" className={s.error}>
          {message}
        </Text>
      ) : null}
    </section>
  );
}
