// Contacts: browse and filter (BC filter expressions on name and city, and, as in BC's filter pane, rows
// on any other field or imported column), the rows rendered a window at a time; a contact opens its card.
import { Button, Field, Input, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import { usePageState } from '../shell/pageState';
import type { Contact } from '../../domain/contact';
import type { CriteriaFilters } from '../../domain/criteria';
import type { ExcelPort } from '../../domain/ports/excelPort';
import { optionCaption } from '../common/errorText';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { ListPage, type ListColumn } from '../common/ListPage';
import { VirtualRows } from '../common/VirtualRows';
import { personCompany } from '../../domain/personCompany';
import { useContacts } from './useContacts';
import { useI18n } from '../common/i18n';
import type { Navigate } from '../shell/pageRegistry';
import { useServices, useWorkspace } from '../common/services';
import { criteriaErrorText, criteriaFieldCaption } from '../criteria/criteriaCaptions';
import type { FilterRow } from '../criteria/criteriaFilters';
import { FilterErrorMessage } from '../criteria/FilterRows';
import { ContactFilterRows } from './ContactFilterRows';
import { contactFilterOf, filterErrorAt, filteredValues } from './contactRowFilters';
import { useImportedHeaders } from './useImportedHeaders';

const ROW = 44;
const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    // A field's error under it makes its row taller: the field beside it keeps its own height.
    alignItems: 'start',
    '& > *, & .fui-Input, & .fui-Dropdown, & .fui-Combobox': { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { minWidth: 0, width: '100%' },
  open: { padding: 0, minWidth: 0, maxWidth: '100%', justifyContent: 'flex-start' },
});

/** `excel` (in Excel only): the contacts go to a new sheet. */
export function ContactsPage({ navigate, excel }: { navigate: Navigate; excel?: ExcelPort }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const workspace = useWorkspace();
  const { host } = useServices();
  // Kept while a contact's card is open: Back returns to the list filtered as the user left it.
  const [name, setName] = usePageState('name', '');
  const [city, setCity] = usePageState('city', '');
  const [rows, setRows] = usePageState<FilterRow[]>('rows', []);
  const deferredName = useDeferredValue(name);
  const deferredCity = useDeferredValue(city);
  const deferredRows = useDeferredValue(rows);
  // Every box and row is one more condition (AND), as in BC's filter pane.
  const filters = useMemo<CriteriaFilters>(() => {
    const contact = contactFilterOf(deferredRows, { name: deferredName, city: deferredCity });
    return Object.keys(contact).length ? { contact } : {};
  }, [deferredName, deferredCity, deferredRows]);
  const filtered = filters.contact !== undefined;
  const answer = useContacts(filters);
  // A filter that cannot be read is said at its field, and the list stays as the last filters that could be
  // read left it: the user corrects the filter with the contacts still in view.
  const [lastRead, setLastRead] = useState(answer);
  if (answer !== undefined && answer.error === undefined && answer !== lastRead) setLastRead(answer);
  const errorAt = (field: string) => {
    const error = filterErrorAt(t, answer?.error, field);
    const expression = filters.contact?.[field.slice('contact.'.length)];
    return error && expression !== undefined ? { error, expression } : undefined;
  };
  const placed = ['contact.name', 'contact.city', ...rows.map((r) => r.field)].some((f) => errorAt(f));
  // Before any filter could be read (the contacts still arriving), the list is empty beside the error.
  const result = placed ? (lastRead ?? { contacts: [] }) : answer;
  const headers = useImportedHeaders(result?.contacts, result?.every === true);
  // Where contacts come from in this host: a sheet in Excel, a CSV file outside Office (Word gets them shared).
  const importFrom = host === 'Excel' ? 'excelImport' : host === 'none' ? 'csvImport' : undefined;

  /** A box's error as its Field shows it: the words and the expression with the character marked. */
  const fieldError = (field: string) => {
    const failed = errorAt(field);
    return failed ? { validationState: 'error' as const, validationMessage: <FilterErrorMessage {...failed} /> } : {};
  };

  // A person's company as the card shows it: the company's name, else its Company No. with what it is not.
  const companies = result?.companies;
  const companyText = (c: Contact): string => {
    if (c.type !== 'Person') return '';
    const company = personCompany(c, c.companyNo ? companies?.get(c.companyNo) : undefined);
    if (company.kind === 'company') return company.company.name;
    if (company.kind === 'none') return company.companyName;
    // Until the companies are read, a number is not yet known to be no company's.
    if (!companies) return c.companyName || c.companyNo;
    return t(company.kind === 'person' ? 'contacts.companyNoIsPerson' : 'contacts.companyNoNotFound', {
      no: company.no,
    });
  };

  // The rows' fields beside the contact's own parts: why the contact matched, first, where the pane shows it.
  const subParts = (c: Contact) => [
    ...filteredValues(i18n, (f) => criteriaFieldCaption(t, f), deferredRows, c),
    companyText(c),
    c.city,
    c.email,
  ];

  const columns: ListColumn<Contact>[] = [
    {
      id: 'no',
      caption: 'field.contactNo',
      short: 'field.no',
      width: '5.5em',
      title: (c) => c.no,
      value: (c) => (
        <Button
          appearance="transparent"
          size="small"
          className={s.open}
          aria-label={t('contact.title', { no: c.no })}
          onClick={() => navigate({ page: 'contact', no: c.no })}
        >
          {c.no}
        </Button>
      ),
      sub: { caption: 'field.type', value: (c) => optionCaption(t, c.type) },
    },
    {
      id: 'name',
      caption: 'field.name',
      value: (c) => c.name,
      title: (c) => [c.name, ...subParts(c)].filter(Boolean).join(' · '),
      sub: {
        caption: ['field.companyName', 'field.city', 'field.email'],
        value: (c) => subParts(c).filter(Boolean).join(' · '),
      },
    },
  ];

  return (
    <ListPage
      label={t('nav.contacts')}
      rows={result === undefined ? undefined : result.contacts}
      // An error no filter field shows (none names its field) takes the list's place.
      error={result?.error ? criteriaErrorText(t, result.error) : undefined}
      columns={columns}
      rowKey={(c) => c.id}
      showCount={{ key: 'contacts.shown', testId: 'contacts-count' }}
      virtual={{ rowHeight: ROW, height: '60vh', Rows: VirtualRows }}
      empty={{
        text: filtered ? t('contacts.noMatch') : t('contacts.empty'),
        action:
          !filtered && importFrom
            ? { label: t(`nav.${importFrom}`), onClick: () => navigate({ page: importFrom }) }
            : undefined,
      }}
      toolbar={
        excel ? (
          <Toolbar>
            <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'contacts' }} />
          </Toolbar>
        ) : null
      }
      before={
        <>
          <Text size={200} className={s.hint}>
            {t('contacts.filterHint')}
          </Text>
          <div role="search">
            <div className={s.filters}>
              <Field label={t('field.name')} size="small" {...fieldError('contact.name')}>
                <Input size="small" className={s.input} value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              <Field label={t('field.city')} size="small" {...fieldError('contact.city')}>
                <Input size="small" className={s.input} value={city} onChange={(_, d) => setCity(d.value)} />
              </Field>
            </div>
            <ContactFilterRows rows={rows} onChange={setRows} headers={headers} errorFor={(r) => errorAt(r.field)} />
          </div>
        </>
      }
    />
  );
}
