// Country/Region codes as Business Central uses them (ISO 3166-1 alpha-2), recognised from a code or a
// name: English, Italian, the names `Intl.DisplayNames` gives for the data's language, and a few common
// short forms ("USA", "UK"). Names compare ignoring case, accents, spaces and punctuation.

/** Codes that `Intl.DisplayNames` names but that are not countries (groupings, deprecated, reserved). */
const NOT_COUNTRIES = new Set([
  'AC',
  'AN',
  'BU',
  'CP',
  'CS',
  'DD',
  'DG',
  'EA',
  'EU',
  'EZ',
  'FX',
  'IC',
  'NT',
  'QO',
  'QU',
  'SU',
  'TA',
  'TP',
  'UK',
  'UN',
  'XA',
  'XB',
  'YD',
  'YU',
  'ZR',
  'ZZ',
]);

/** Short forms people write that are not the display names. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  statiunitidamerica: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  inghilterra: 'GB',
  scotland: 'GB',
  wales: 'GB',
  granbretagna: 'GB',
  holland: 'NL',
  olanda: 'NL',
  czechia: 'CZ',
  czechrepublic: 'CZ',
  repubblicaceca: 'CZ',
  russia: 'RU',
  southkorea: 'KR',
  corea: 'KR',
  coreadelsud: 'KR',
  vatican: 'VA',
  vaticano: 'VA',
  sanmarino: 'SM',
};

const BASE_LOCALES = ['en', 'it'];

function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

let englishNames: Intl.DisplayNames | undefined;
const isCode = new Map<string, boolean>();

/**
 * Whether `code` (two capital letters) is a country code the runtime knows. Asked of the runtime one
 * code at a time and remembered, so that the first cell of an import does not wait for the whole table.
 */
export function isCountryCode(code: string): boolean {
  let known = isCode.get(code);
  if (known === undefined) {
    englishNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    known = /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && Boolean(englishNames.of(code));
    isCode.set(code, known);
  }
  return known;
}

let allCodes: string[] | undefined;

/** Every ISO 3166-1 alpha-2 country code the runtime knows. */
export function countryCodes(): string[] {
  if (!allCodes) {
    const codes: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (isCountryCode(code)) codes.push(code);
      }
    }
    allCodes = codes;
  }
  return allCodes;
}

const byLocales = new Map<string, Map<string, string>>();

function nameIndex(locales: readonly string[]): Map<string, string> {
  const key = locales.join(',');
  let index = byLocales.get(key);
  if (index) return index;
  index = new Map(Object.entries(ALIASES));
  for (const locale of locales) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      continue; // not a locale tag: its names are simply not known
    }
    for (const code of countryCodes()) {
      const name = names.of(code);
      if (!name) continue;
      const k = normalizeName(name);
      if (!index.has(k)) index.set(k, code);
      // "Congo - Kinshasa", "Hong Kong SAR China": the part before a dash or "SAR" is a name too.
      const short = normalizeName(name.split(/ - | SAR |\(/)[0]);
      if (short && !index.has(short)) index.set(short, code);
    }
  }
  byLocales.set(key, index);
  return index;
}

export interface CountryMatch {
  code: string;
  /** How the value was recognised. */
  by: 'code' | 'name';
}

/**
 * The country code a cell means: a known code (any case) or a name in English, Italian or one of
 * `locales` (the data's language). Undefined when the value names no country.
 */
export function countryCodeOf(value: string, locales: readonly string[] = []): CountryMatch | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return { code: upper, by: 'code' };
  const code = nameIndex(
    locales.length === 0 ? BASE_LOCALES : [...BASE_LOCALES, ...locales.filter((l) => !BASE_LOCALES.includes(l))],
  ).get(normalizeName(text));
  return code ? { code, by: 'name' } : undefined;
}

/** The country's name in `locale` (the code itself when the runtime has no name for it). */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
