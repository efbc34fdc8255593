// Contacts: browse and filter (BC filter expressions on name and city), in a virtualized list; a contact
// opens its card.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { CriteriaFilters } from '../../domain/criteria';
import type { ExcelPort } from '../../domain/ports/excelPort';
import { errorText, optionCaption } from '../common/errorText';
import { ExcelExportButton } from '../common/ExcelExportButton';
import { useContacts } from './useContacts';
import { useI18n } from '../common/i18n';
import type { Navigate } from '../shell/pageRegistry';
import { useWorkspace } from '../common/services';

const ROW = 44;
const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    '& > *, & .fui-Input, & .fui-Dropdown, & .fui-Combobox': { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  scroller: {
    height: '60vh',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW}px`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { minWidth: 0, width: '100%' },
  open: {
    padding: 0,
    minWidth: 0,
    justifyContent: 'flex-start',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
});

/** `excel` (in Excel only): the contacts go to a new sheet. */
export function ContactsPage({ navigate, excel }: { navigate: Navigate; excel?: ExcelPort }) {
  const { t, formatNumber } = useI18n();
  const s = useStyles();
  const workspace = useWorkspace();
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const deferredName = useDeferredValue(name);
  const deferredCity = useDeferredValue(city);
  const filters = useMemo<CriteriaFilters>(() => {
    const contact: Record<string, string> = {};
    if (deferredName.trim()) contact.name = deferredName.trim();
    if (deferredCity.trim()) contact.city = deferredCity.trim();
    return Object.keys(contact).length ? { contact } : {};
  }, [deferredName, deferredCity]);
  const result = useContacts(filters);
  const contacts = result?.contacts ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  // useVirtualizer hands back new functions each render: this component is left out of memoization on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 6,
  });

  return (
    <section>
      {excel ? (
        <Toolbar>
          <ExcelExportButton workspace={workspace} excel={excel} what={{ kind: 'contacts' }} />
        </Toolbar>
      ) : null}
      <Text size={200} className={s.hint}>
        {t('contacts.filterHint')}
      </Text>
      <div className={s.filters} role="search">
        <Field label={t('field.name')} size="small">
          <Input size="small" className={s.input} value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label={t('field.city')} size="small">
          <Input size="small" className={s.input} value={city} onChange={(_, d) => setCity(d.value)} />
        </Field>
      </div>
      {result === undefined ? (
        <Spinner size="small" label={t('common.loading')} />
      ) : result.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(t, result.error)}</MessageBarBody>
        </MessageBar>
      ) : contacts.length === 0 ? (
        <Text>{t('contacts.empty')}</Text>
      ) : (
        <>
          <Text size={200} data-testid="contacts-count">
            {t('contacts.shown', { n: formatNumber(contacts.length) })}
          </Text>
          <div ref={scroller} className={s.scroller} role="list" aria-label={t('nav.contacts')} tabIndex={0}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const c = contacts[v.index];
                return (
                  <div key={c.id} role="listitem" className={s.row} style={{ transform: `translateY(${v.start}px)` }}>
                    <Button
                      appearance="transparent"
                      size="small"
                      className={s.open}
                      onClick={() => navigate({ page: 'contact', no: c.no })}
                    >
                      {c.no} · {c.name}
                    </Button>
                    <Text size={100}>
                      {optionCaption(t, c.type)} · {[c.companyName, c.city, c.email].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
