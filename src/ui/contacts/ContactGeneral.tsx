// The contact card's General part: No., Type and a person's company, read-only as BC keeps them here,
// then the fields the user edits, each written on its own as it loses focus (or on Enter).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact } from '../../domain/contact';
import { useCardFieldStyles } from '../common/cardFieldStyles';
import { optionCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import type { FieldSpec } from '../segments/HeaderField';
import { ContactEditField } from './ContactEditField';
import type { ContactEdit } from './useContactEdit';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The card's editable fields, in the order of BC's Contact Card (General, Address & Contact, Segmentation). */
const editable: FieldSpec[] = [
  { name: 'name', kind: 'text' },
  { name: 'name2', kind: 'text' },
  { name: 'jobTitle', kind: 'text' },
  { name: 'salutationCode', kind: 'text' },
  { name: 'address', kind: 'text' },
  { name: 'address2', kind: 'text' },
  { name: 'postCode', kind: 'text' },
  { name: 'city', kind: 'text' },
  { name: 'county', kind: 'text' },
  // No list of countries in the workspace: a code as written, with the country's name beneath it.
  { name: 'countryRegionCode', kind: 'text' },
  { name: 'phoneNo', kind: 'text' },
  { name: 'mobilePhoneNo', kind: 'text' },
  { name: 'email', kind: 'text' },
  { name: 'salespersonCode', kind: 'code', list: 'salespeople' },
  { name: 'territoryCode', kind: 'code', list: 'territories' },
  { name: 'languageCode', kind: 'code', list: 'languages' },
  { name: 'correspondenceType', kind: 'enum', options: ['', 'Hard Copy', 'Email'] },
  { name: 'excludeFromSegment', kind: 'bool' },
];

export function ContactGeneral(p: { contact: Contact; company: ReactNode; edit: ContactEdit }) {
  const { t } = useI18n();
  const s = useStyles();
  const f = useCardFieldStyles();
  const c = p.contact;
  // A blank read-only value is left off (a person without a company shows no Company No.).
  const fixed = (
    [
      [t('field.no'), c.no],
      [t('field.type'), optionCaption(t, c.type)],
      [t('field.companyNo'), c.companyNo],
      [t('field.companyName'), p.company],
    ] as [string, ReactNode][]
  ).filter(([, v]) => v !== '' && v !== undefined && v !== null);
  return (
    <section aria-label={t('contact.general')} className={s.fields}>
      <dl className={f.fields}>
        {fixed.map(([label, v]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt className={f.dt}>{label}</dt>
            <dd className={f.dd}>{v}</dd>
          </div>
        ))}
      </dl>
      {editable.map((spec) => (
        <ContactEditField key={spec.name} spec={spec} value={(c as Record<string, unknown>)[spec.name]} edit={p.edit} />
      ))}
    </section>
  );
}
