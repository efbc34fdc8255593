// Types of scripts/catalog-loader.mjs for the tests.
/** The source of `fileName` with only `lang` kept: the other language's catalogs emptied, catalog imports given `?lang=`. */
export function keepLanguage(fileName: string, source: string, lang: string): string;
export default function catalogLoader(this: { resourcePath: string; resourceQuery: string }, source: string): string;
