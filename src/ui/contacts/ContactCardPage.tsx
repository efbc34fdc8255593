// The contact card (BC's Contact Card, read-only here): its fields, its company or persons, mailing groups
// and other profile data, the columns imported beside BC's fields (by their header), the open segments it
// is on and its interaction log entries. Opened from the lines
// grid, the contacts list, the log entries and the criteria preview: route {page:'contact', no}.
import { Button, Divider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact } from '../../domain/contact';
import { quoteFilterValue } from '../../domain/filterExpression';
import { optionCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import type { Navigate } from '../shell/pageRegistry';
import { extraValueText } from './extraValueText';
import { personCompany } from '../../domain/personCompany';
import { useContactCard } from './useContactCard';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 9em) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  h: { margin: 0, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { padding: 0, minWidth: 0, textAlign: 'start', justifyContent: 'flex-start', overflowWrap: 'anywhere' },
});

export function ContactCardPage({ no, navigate }: { no: string; navigate: Navigate }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const s = useStyles();
  const data = useContactCard(no);
  if (data === undefined) return <Spinner size="small" label={t('common.loading')} />;
  const c = data.contact;
  if (!c) return <Text role="alert">{t('contact.notFound', { no })}</Text>;

  const open = (to: Contact) => (
    <Button
      appearance="transparent"
      size="small"
      className={s.link}
      onClick={() => navigate({ page: 'contact', no: to.no })}
    >
      {`${to.no} · ${to.name}`}
    </Button>
  );
  // A person's Company No. is always shown; the company's name only when that number is a company.
  const company = c.type === 'Person' ? personCompany(c, data.company) : undefined;
  const companyName =
    company?.kind === 'company'
      ? open(company.company)
      : company?.kind === 'person'
        ? t('contact.companyNoIsPerson', { no: company.no })
        : company?.kind === 'missing'
          ? t('contact.companyNoNotFound', { no: company.no })
          : (company?.companyName ?? '');
  // Labels are shown as given: BC's captions through the catalog, questionnaires and imported headers as written.
  const fields: [string, ReactNode][] = [
    [t('field.no'), c.no],
    [t('field.type'), optionCaption(t, c.type)],
    [t('field.name'), c.name],
    [t('field.name2'), c.name2],
    [t('field.companyNo'), c.companyNo],
    [t('field.companyName'), companyName],
    [t('field.jobTitle'), c.jobTitle],
    [t('field.salutationCode'), c.salutationCode],
    [t('field.address'), [c.address, c.address2].filter(Boolean).join(', ')],
    [t('field.postCode'), c.postCode],
    [t('field.city'), c.city],
    [t('field.county'), c.county],
    [t('field.countryRegionCode'), c.countryRegionCode],
    [t('field.email'), c.email],
    [t('field.phoneNo'), c.phoneNo],
    [t('field.mobilePhoneNo'), c.mobilePhoneNo],
    [t('field.salespersonCode'), c.salespersonCode],
    [t('field.languageCode'), c.languageCode],
    [t('field.territoryCode'), c.territoryCode],
    [t('field.correspondenceType'), optionCaption(t, c.correspondenceType)],
    [t('field.excludeFromSegment'), c.excludeFromSegment ? t('common.yes') : ''],
  ];
  const profile = shown([
    [t('field.mailingGroups'), c.mailingGroups.join(', ')],
    [t('field.industryGroups'), c.industryGroups.join(', ')],
    [t('field.jobResponsibilities'), c.jobResponsibilities.join(', ')],
    [t('field.businessRelations'), c.businessRelations.join(', ')],
    ...c.profileAnswers.map((a): [string, string] => [a.questionnaire, a.answer]),
  ]);
  const imported = shown(Object.entries(c.extra).map(([header, v]) => [header, extraValueText(i18n, v)]));
  const dl = (rows: [string, ReactNode][]) => (
    <dl className={s.fields}>
      {shown(rows).map(([label, v], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt className={s.dt}>{label}</dt>
          <dd className={s.dd}>{v}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <article className={s.card} aria-labelledby="contact-card-title" data-testid="contact-card">
      <h2 id="contact-card-title" className={s.h}>
        {c.no} · {c.name}
      </h2>
      <section aria-label={t('contact.general')}>{dl(fields)}</section>
      {c.type === 'Company' ? (
        <section aria-labelledby="contact-persons">
          <h3 id="contact-persons" className={s.h}>
            {t('contact.persons')}
          </h3>
          {data.persons.length === 0 ? (
            <Text>{t('contact.noPersons')}</Text>
          ) : (
            <ul className={s.list}>
              {data.persons.map((p) => (
                <li key={p.id}>{open(p)}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {profile.length ? (
        <>
          <Divider />
          <section aria-labelledby="contact-profile">
            <h3 id="contact-profile" className={s.h}>
              {t('contact.profile')}
            </h3>
            {dl(profile)}
          </section>
        </>
      ) : null}
      {imported.length ? (
        <>
          <Divider />
          <section aria-labelledby="contact-imported">
            <h3 id="contact-imported" className={s.h}>
              {t('contact.importedColumns')}
            </h3>
            {dl(imported)}
          </section>
        </>
      ) : null}
      <Divider />
      <section aria-labelledby="contact-segments">
        <h3 id="contact-segments" className={s.h}>
          {t('contact.segments')}
        </h3>
        {data.segments.length === 0 ? (
          <Text>{t('contact.noSegments')}</Text>
        ) : (
          <ul className={s.list} data-testid="contact-segments">
            {data.segments.map(({ header, lineNo }) => (
              <li key={header.id}>
                <Button
                  appearance="transparent"
                  size="small"
                  className={s.link}
                  onClick={() => navigate({ page: 'segment', no: header.no })}
                >
                  {`${header.no} · ${header.description}`}
                </Button>
                <Text size={200}>
                  {' '}
                  ({t('field.lineNo')} {lineNo})
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Divider />
      <section aria-labelledby="contact-entries">
        <h3 id="contact-entries" className={s.h}>
          {t('contact.entries')}
        </h3>
        {data.entries.length === 0 ? (
          <Text>{t('contact.noEntries')}</Text>
        ) : (
          <>
            <ul className={s.list} data-testid="contact-entries">
              {data.entries.slice(0, 20).map((e) => (
                <li key={e.id}>
                  <Text size={200}>
                    {formatDate(e.date)} · {e.description} · {e.interactionTemplateCode}
                    {e.canceled ? ` (${t('field.canceled')})` : ''}
                  </Text>
                </li>
              ))}
            </ul>
            <Button
              appearance="secondary"
              size="small"
              onClick={() => navigate({ page: 'interactionLog', filter: { contactNo: quoteFilterValue(c.no) } })}
            >
              {t('contact.allEntries')}
            </Button>
          </>
        )}
      </section>
    </article>
  );
}

/** The rows that have a value: a blank field is left off the card. */
function shown<T extends [string, ReactNode]>(rows: T[]): T[] {
  return rows.filter(([, v]) => v !== '' && v !== undefined && v !== null);
}
