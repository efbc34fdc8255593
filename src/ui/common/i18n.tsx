// The message catalog: every string the pane shows, in English and Italian. Each area of the pane keeps
// its messages in its own module ({ en, it } with the same keys) and passes them to `I18nProvider`.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { UiLanguage } from '../../domain/setup';

export type Messages = Record<string, string>;
export interface MessageCatalog {
  en: Messages;
  it: Messages;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

interface I18nValue {
  language: UiLanguage;
  /** BCP 47 locale for Intl (numbers, dates), e.g. it-IT. */
  locale: string;
  t: Translate;
  formatNumber(n: number, opts?: Intl.NumberFormatOptions): string;
  formatDate(iso: string): string;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

/** Fills {name} placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function makeTranslate(catalogs: MessageCatalog[], language: UiLanguage): Translate {
  const merged: Messages = {};
  const fallback: Messages = {};
  for (const c of catalogs) {
    Object.assign(fallback, c.en);
    Object.assign(merged, c[language]);
  }
  return (key, vars) => format(merged[key] ?? fallback[key] ?? key, vars);
}

export function I18nProvider(props: {
  language: UiLanguage;
  locale?: string;
  catalogs: MessageCatalog[];
  children: ReactNode;
}) {
  const { language, catalogs, children } = props;
  const locale = props.locale ?? (language === 'it' ? 'it-IT' : 'en-US');
  const value = useMemo<I18nValue>(() => {
    const nf = new Intl.NumberFormat(locale);
    const df = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
    return {
      language,
      locale,
      t: makeTranslate(catalogs, language),
      formatNumber: (n, opts) => (opts ? new Intl.NumberFormat(locale, opts).format(n) : nf.format(n)),
      formatDate: (iso) => (iso ? df.format(new Date(`${iso}T00:00:00Z`)) : ''),
    };
  }, [language, locale, catalogs]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
