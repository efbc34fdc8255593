// The message catalog: every string the pane shows, in English and Italian. Each area of the pane keeps
// its messages in its own module ({ en, it } with the same keys) and passes them to `I18nProvider`.
// The pane may start with part of its catalogs (those its start page needs) and get the rest a moment
// later: a part of the pane that needs the rest waits for it with `useWholeCatalogs` (it suspends).
import { createContext, use, useContext, useMemo, type ReactNode } from 'react';
import { localeForLanguage } from '../../domain/languageLocale';
import { safeLocale } from '../../domain/mergeText';
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
  /** While only part of the catalogs is here: settles once the rest is shown. */
  pending?: Promise<unknown>;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

/**
 * A count's words, in ICU's form: `{n, plural, one {# row} other {# rows}}`, # standing for the count.
 * A choice holds text and {name} placeholders, no choice of its own.
 */
const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;

/**
 * English and Italian take the singular for exactly one, the plural otherwise (0 included). The count may
 * come formatted for the user ("1", "1,000", "1.000"): only 1 itself is one.
 */
const isOne = (v: string | number) => v === 1 || v === '1';

/** Fills {name} placeholders, after choosing each count's singular or plural words. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template
    .replace(PLURAL, (m, k: string, one: string, other: string) =>
      k in vars ? (isOne(vars[k]) ? one : other).replace(/#/g, () => String(vars[k])) : m,
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
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
  /**
   * The locale dates and numbers are shown in: the workspace's (Setup), the one filters read them in, so
   * a date typed as the pane shows it means that date. Absent: the language's (it-IT, en-US).
   */
  locale?: string;
  catalogs: MessageCatalog[];
  /** Given while `catalogs` are only part of the pane's: settles once the whole catalogs are shown. */
  pending?: Promise<unknown>;
  children: ReactNode;
}) {
  const { language, catalogs, pending, children } = props;
  // Setup's locale is free text: one Intl cannot read is en-US, as the filters read it.
  const locale = props.locale ? safeLocale(props.locale) : localeForLanguage(language);
  const value = useMemo<I18nValue>(() => {
    // Made on first use: the first Intl formatter loads the browser's locale data, a cost the start page
    // need not pay before it shows (its empty list formats no number).
    let nf: Intl.NumberFormat | undefined;
    let df: Intl.DateTimeFormat | undefined;
    return {
      language,
      locale,
      t: makeTranslate(catalogs, language),
      formatNumber: (n, opts) =>
        opts ? new Intl.NumberFormat(locale, opts).format(n) : (nf ??= new Intl.NumberFormat(locale)).format(n),
      // The year in four digits, as BC shows it (07/12/2026, not dateStyle's 07/12/26), with the options of
      // typedDate (src/domain/filterValues.ts): a date shown reads back in a filter as that date. Not imported
      // from there: that module brings zod, which the first load leaves to the workspace chunk.
      formatDate: (iso) =>
        iso
          ? (df ??= new Intl.DateTimeFormat(locale, {
              year: 'numeric',
              month: 'numeric',
              day: 'numeric',
              timeZone: 'UTC',
            })).format(new Date(`${iso}T00:00:00Z`))
          : '',
      pending,
    };
  }, [language, locale, catalogs, pending]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/**
 * For a part of the pane that needs more than the start page's catalogs (every page but the start page):
 * suspends, to the nearest Suspense boundary, until the whole catalogs are shown.
 */
export function useWholeCatalogs(): void {
  const { pending } = useI18n();
  if (pending) use(pending);
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
