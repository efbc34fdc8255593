// One editable field of the contact card: the segment card's field (labels above, the value handed over
// when it loses focus or on Enter), with beneath it what its code stands for (the salesperson's name, the
// country's) and, when the store refused the value, why, at the field.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { countryName, isCountryCode } from '../../domain/countries';
import { useI18n } from '../common/i18n';
import { useCodeList, type CodeListName } from '../lists/useCodeList';
import { HeaderField, type FieldSpec } from '../segments/HeaderField';
import { codeDescription } from './codeDescription';
import type { ContactEdit } from './useContactEdit';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

export function ContactEditField({ spec, value, edit }: { spec: FieldSpec; value: unknown; edit: ContactEdit }) {
  const s = useStyles();
  const { locale } = useI18n();
  const message = edit.message(spec.name);
  const code = String(value ?? '');
  return (
    <div className={s.field} data-field={spec.name}>
      <HeaderField
        spec={spec}
        value={value}
        onCommit={(v) => void edit.commit(spec.name as Parameters<ContactEdit['commit']>[0], v)}
      />
      {spec.kind === 'code' && spec.list && code ? (
        <ListedDescription list={spec.list} code={code} field={spec.name} className={s.note} />
      ) : spec.name === 'countryRegionCode' && isCountryCode(code) ? (
        <Text size={200} className={s.note} data-testid={`description-${spec.name}`}>
          {countryName(code, locale)}
        </Text>
      ) : null}
      {message ? (
        <Text size={200} role="alert" className={s.error}>
          {message}
        </Text>
      ) : null}
    </div>
  );
}

/** What a code stands for in its list (a salesperson's name, a language's), when the list says. */
function ListedDescription(p: { list: CodeListName; code: string; field: string; className: string }) {
  const description = codeDescription(useCodeList(p.list), p.code);
  return description ? (
    <Text size={200} className={p.className} data-testid={`description-${p.field}`}>
      {description}
    </Text>
  ) : null;
}
