// The contact card (BC's Contact Card): its fields, edited in place and each written on its own, its
// company or persons, its mailing groups (and a company's industry groups and business relations, a
// person's job responsibilities), added and removed one at a time, its questionnaire answers, the columns
// imported beside BC's fields (by their header), the open segments it is on and its interaction log
// entries. Opened from the lines grid, the contacts list, the log entries and the criteria preview:
// route {page:'contact', no}. As a BC card page, Escape goes back to where it was opened from (the first
// Escape in a field holding text typed and not saved puts that field back as stored, as BC's Esc does).
import { Button, Divider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
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

/** `back`: the shell's way back (the card as a page); absent over a dialog, whose own Escape closes it. */
export function ContactCardPage({ no, navigate, back }: { no: string; navigate: Navigate; back?(): void }) {
  const { t } = useI18n();
  const data = useContactCard(no);
  const c = data?.contact;
  // Loading, or a contact that does not exist: nothing typed to lose, Escape goes back at once.
  useEscapeBack(c ? undefined : back);
  if (data === undefined) return <Spinner size="small" label={t('common.loading')} />;
  if (!c) return <Text role="alert">{t('contact.notFound', { no })}</Text>;
  return <ContactCard contact={c} data={data} navigate={navigate} back={back} />;
}

function ContactCard({
  contact: c,
  data,
  navigate,
  back,
}: {
  contact: Contact;
  data: ContactCardData;
  navigate: Navigate;
  back?(): void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const s = useStyles();
  const f = useCardFieldStyles();
  const edit = useContactEdit(c);
  const card = useRef<HTMLElement>(null);

  useEffect(() => {
    // Opened from a list, the row that had the focus left with the list, and the browser takes the next Tab
    // from where that row was: past the back arrow, to the card's first field. Taken from the top of the
    // pane instead, the first Tab reaches the back arrow, as on BC's card pages. (A card over a dialog, or
    // a focus the user has already moved, is left as it is.)
    const focused = document.activeElement;
    if ((focused && focused !== document.body) || card.current?.closest('[role="dialog"]')) return;
    tabFromTheTop();
  }, []);

  // Bumped to put back what a field holds typed and not saved: the card's fields are made again from what is
  // stored, and the focus goes back to that field.
  const [putBacks, setPutBacks] = useState(0);
  const refocus = useRef<string>(undefined);
  useEffect(() => {
    if (!refocus.current) return;
    card.current?.querySelector<HTMLElement>(`[data-testid="${refocus.current}"]`)?.focus();
    refocus.current = undefined;
  }, [putBacks]);
  useEscapeBack(back, (target) => {
    if (!(target instanceof HTMLInputElement) || target.type !== 'text' || !card.current?.contains(target))
      return false;
    // A field of the card (field-<name>) holds the stored value; an Add lookup (add-<list>) holds nothing.
    const id = target.dataset.testid ?? '';
    const [, kind, name] = /^(field|add)-(\w+)$/.exec(id) ?? [];
    if (!kind) return false;
    const stored = kind === 'field' ? String((c as Record<string, unknown>)[name] ?? '') : '';
    if (target.value === stored) return false;
    edit.forget(name);
    refocus.current = id;
    setPutBacks((n) => n + 1);
    return true;
  });

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
    <article ref={card} className={s.card} aria-labelledby="contact-card-title" data-testid="contact-card">
      <h2 id="contact-card-title" className={s.h}>
        {c.no} · {c.name}
      </h2>
      <ContactGeneral key={putBacks} contact={c} company={companyName} edit={edit} />
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
            key={`${set.field}-${putBacks}`}
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

/** What takes Escape before the card: a dialog open over the pane. */
const DIALOG_OPEN = '[role="dialog"],[role="alertdialog"]';
/** Where Escape is another part's: a menu, a list, a popover, the notes (Escape leaves their group). */
const OWN_ESCAPE = '[role="menu"],[role="listbox"],.fui-PopoverSurface,.fui-Toaster';

/**
 * Escape goes back, as Esc closes a BC card page, when nothing takes it first: an open list, menu or
 * dialog (Fluent's close on Escape and keep it to themselves), or a field holding text typed and not
 * saved, which `putBack` puts back as stored (answering true): the next Escape then goes back. Listened
 * for on the document, so that it works wherever the focus is on the page, the back arrow and before the
 * first Tab too.
 */
function useEscapeBack(back: (() => void) | undefined, putBack?: (target: Element) => boolean) {
  const onEscape = useEffectEvent((target: Element | null) => {
    if (target && putBack?.(target)) return;
    back?.();
  });
  const active = back !== undefined;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.repeat || e.isComposing) return;
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (document.querySelector(DIALOG_OPEN) || target?.closest(OWN_ESCAPE)) return;
      if (target?.getAttribute('aria-expanded') === 'true') return;
      onEscape(target);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

/**
 * Makes the browser take the next Tab from the top of the pane: the document's body, focused and let go
 * (the browser moves its starting point for Tab to the element last focused).
 */
function tabFromTheTop() {
  const top = document.body;
  const had = top.getAttribute('tabindex');
  top.tabIndex = -1;
  top.focus({ preventScroll: true });
  top.blur();
  if (had === null) top.removeAttribute('tabindex');
  else top.setAttribute('tabindex', had);
}

/** The rows that have a value: a blank field is left off the card. */
function shown<T extends [string, ReactNode]>(rows: T[]): T[] {
  return rows.filter(([, v]) => v !== '' && v !== undefined && v !== null);
}
