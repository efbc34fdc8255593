// The message catalogs, one language at a time: the pane fetches the user's language at start and the
// other when the user switches to it. At start the pane waits for its own catalogs only; the host pages'
// come beside the first page (the pages that need them wait for them: src/ui/shell/pageRegistry.tsx). Each import names its module with `?lang=`: the build keeps only
// that language in it (scripts/catalog-loader.mjs), so each language is its own chunk. The host pages'
// catalogs come with the host: Excel's sheet import, Word's mail merge, both outside Office (the CSV
// import reports its problems in the sheet import's words).
import type { UiLanguage } from '../domain/setup';
import type { HostInfo } from '../office/host';
import type { MessageCatalog } from '../ui/common/i18n';
import type { PaneCatalogs } from '../ui/shell/PaneRoot';
import type * as PaneCatalogsModule from '../ui/shell/catalogs';
import type * as ExcelMessagesModule from '../ui/import/messages';
import type * as WordMessagesModule from '../ui/mailMerge/messages';

type Host = HostInfo['host'];
type Load = () => Promise<MessageCatalog[]>;

// `as string`: the query is the build's, not a file the type checker knows; each result is typed below.
const pane: Record<UiLanguage, Load> = {
  en: async () =>
    ((await import(/* webpackChunkName: "messages-en" */ '../ui/shell/catalogs?lang=en' as string)) as PaneModule)
      .paneCatalogs,
  it: async () =>
    ((await import(/* webpackChunkName: "messages-it" */ '../ui/shell/catalogs?lang=it' as string)) as PaneModule)
      .paneCatalogs,
};
const excel: Record<UiLanguage, Load> = {
  en: async () => [
    (
      (await import(
        /* webpackChunkName: "messages-excel-en" */ '../ui/import/messages?lang=en' as string
      )) as ExcelModule
    ).excelMessages,
  ],
  it: async () => [
    (
      (await import(
        /* webpackChunkName: "messages-excel-it" */ '../ui/import/messages?lang=it' as string
      )) as ExcelModule
    ).excelMessages,
  ],
};
const word: Record<UiLanguage, Load> = {
  en: async () => [
    (
      (await import(
        /* webpackChunkName: "messages-word-en" */ '../ui/mailMerge/messages?lang=en' as string
      )) as WordModule
    ).wordMessages,
  ],
  it: async () => [
    (
      (await import(
        /* webpackChunkName: "messages-word-it" */ '../ui/mailMerge/messages?lang=it' as string
      )) as WordModule
    ).wordMessages,
  ],
};
type PaneModule = typeof PaneCatalogsModule;
type ExcelModule = typeof ExcelMessagesModule;
type WordModule = typeof WordMessagesModule;

const hostCatalogs: Record<Host, Record<UiLanguage, Load>[]> = {
  Excel: [excel],
  Word: [word],
  none: [word, excel],
};

/** The catalogs of one language for a host, fetched in parallel: the pane's and the host pages'. */
export async function loadCatalogs(language: UiLanguage, host: Host): Promise<MessageCatalog[]> {
  const parts = await Promise.all([loadPaneCatalogs(language), loadHostCatalogs(language, host)]);
  return parts.flat();
}

/** The pane's own catalogs of one language: what the start page needs (Segments, the shell). */
export function loadPaneCatalogs(language: UiLanguage): Promise<MessageCatalog[]> {
  return pane[language]();
}

/** The host pages' catalogs of one language (Excel's sheet import, Word's mail merge). */
export async function loadHostCatalogs(language: UiLanguage, host: Host): Promise<MessageCatalog[]> {
  return (await Promise.all(hostCatalogs[host].map((c) => c[language]()))).flat();
}

/**
 * The pane's catalogs for a host, starting with the pane's own of `language` (already fetched) and the host
 * pages' of that language (`rest`, fetched beside the first page).
 */
export function paneCatalogsFor(
  host: Host,
  language: UiLanguage,
  initial: MessageCatalog[],
  rest: Promise<MessageCatalog[]>,
): PaneCatalogs {
  const loaded = new Map<UiLanguage, Promise<MessageCatalog[]>>([[language, rest.then((r) => [...initial, ...r])]]);
  return {
    initial,
    rest,
    load(l) {
      let p = loaded.get(l);
      if (!p) {
        // A failed fetch (the network) is tried again next time.
        p = loadCatalogs(l, host).catch((e: unknown) => {
          loaded.delete(l);
          throw e;
        });
        loaded.set(l, p);
      }
      return p;
    },
  };
}
