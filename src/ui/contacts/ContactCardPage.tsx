// The contact card (BC's Contact Card): its fields, edited in place and each written on its own, its
// company or persons, its mailing groups (and a company's industry groups and business relations, a
// person's job responsibilities), added and removed one at a time, its questionnaire answers, the columns
// imported beside BC's fields (by their header), the open segments it is on and its interaction log
// entries. Opened from the lines grid, the contacts list, the log entries and the criteria preview:
// route {page:'contact', no}.
import { Button, Divider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact } from '../../domain/contact';
import { quoteFilterValue } from '../../domain/filterExpression';
import { useCardFieldStyles } from '../common/cardFieldStyles';
import { useI18n } from '../common/i18n';
import type { CodeListName } from '../lists/useCodeList';
import type { Navigate } from '../shell/pageRegistry';
import { extraValueText } from './extraValueText';
import { listTakesType } from '../../domain/contactCodes';
import { personCompany } from '../../domain/personCompany';
import { ContactCodeSet } from './ContactCodeSet';
import { ContactGeneral } from './ContactGeneral';
import { useContactCard, type ContactCardData } from './useContactCard';
import { useContactEdit, type ContactCodeField } from './useContactEdit';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h: { margin: 0, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { padding: 0, minWidth: 0, textAlign: 'start', justifyContent: 'flex-start', overflowWrap: 'anywhere' },
});

/** The contact's lists of codes, each looked up in the code list of its name. */
const codeSets: { field: ContactCodeField; list: CodeListName }[] = [
  { field: 'mailingGroups', list: 'mailingGroups' },
  { field: 'industryGroups', list: 'industryGroups' },
  { field: 'businessRelations', list: 'businessRelations' },
  { field: 'jobResponsibilities', list: 'jobResponsibilities' },
];

export function ContactCardPage({ no, navigate }: { no: string; navigate: Navigate }) {
  const { t } = useI18n();
  const data = useContactCard(no);
  if (data === undefined) return <Spinner size="small" label={t('common.loading')} />;
  const c = data.contact;
  if (!c) return <Text role="alert">{t('contact.notFound', { no })}</Text>;
  return <ContactCard contact={c} data={data} navigate={navigate} />;
}

function ContactCard({ contact: c, data, navigate }: { contact: Contact; data: ContactCardData; navigate: Navigate }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const s = useStyles();
  const f = useCardFieldStyles();
  const edit = useContactEdit(c);

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
  // Questionnaires and imported headers are shown as written.
  const profile = shown(c.profileAnswers.map((a): [string, string] => [a.questionnaire, a.answer]));
  const imported = shown(Object.entries(c.extra).map(([header, v]) => [header, extraValueText(i18n, v)]));
  const dl = (rows: [string, ReactNode][]) => (
    <dl className={f.fields}>
      {shown(rows).map(([label, v], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt className={f.dt}>{label}</dt>
          <dd className={f.dd}>{v}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <article className={s.card} aria-labelledby="contact-card-title" data-testid="contact-card">
      <h2 id="contact-card-title" className={s.h}>
        {c.no} · {c.name}
      </h2>
      <ContactGeneral contact={c} company={companyName} edit={edit} />
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
      <Divider />
      {codeSets
        .filter((set) => listTakesType(set.field, c.type) || c[set.field].length > 0)
        .map((set) => (
          <ContactCodeSet
            key={set.field}
            field={set.field}
            list={set.list}
            codes={c[set.field]}
            canAdd={listTakesType(set.field, c.type)}
            edit={edit}
          />
        ))}
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
