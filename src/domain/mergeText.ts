// A merge field's value on its way into a letter: formatted for the line's language, normalised
// (line breaks become Word line breaks, characters XML cannot hold are dropped and reported), escaped
// into WordprocessingML runs. Pure.
import type { MergeRawValue } from './mergeFields';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A usable BCP 47 tag: the given one when Intl knows it, else the fallback. */
export function safeLocale(locale: string | undefined, fallback = 'en-US'): string {
  if (!locale) return fallback;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f;
}

const plainFormats = new Map<string, Intl.NumberFormat>();
/** Excel's General format: every digit the number holds, no group separators, the locale's decimal sign. */
function plainFormat(locale: string): Intl.NumberFormat {
  let f = plainFormats.get(locale);
  if (!f)
    plainFormats.set(locale, (f = new Intl.NumberFormat(locale, { useGrouping: false, maximumSignificantDigits: 15 })));
  return f;
}

function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return f;
}

const yesNo: Record<string, [string, string]> = {
  it: ['Sì', 'No'],
  en: ['Yes', 'No'],
  de: ['Ja', 'Nein'],
  fr: ['Oui', 'Non'],
  es: ['Sí', 'No'],
};

/**
 * The value as the letter shows it in `locale` (dates long, numbers grouped, an imported column's numbers
 * as Excel's General format, booleans as words).
 */
export function formatMergeValue(v: MergeRawValue, locale: string): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? numberFormat(locale).format(v) : '';
  if (typeof v === 'boolean') {
    const words = yesNo[locale.slice(0, 2).toLowerCase()] ?? yesNo.en;
    return v ? words[0] : words[1];
  }
  if ('plain' in v) return Number.isFinite(v.plain) ? plainFormat(locale).format(v.plain) : '';
  const d = new Date(`${v.date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? v.date : dateFormat(locale).format(d);
}

/** A character dropped from a value: its code point as U+XXXX and its position in the value. */
export interface DroppedChar {
  codePoint: string;
  index: number;
}

export interface NormalisedText {
  /** The text as the letter holds it: line breaks as `\n`, tabs kept, illegal characters removed. */
  text: string;
  dropped: DroppedChar[];
}

// XML 1.0 cannot hold C0 controls other than tab, LF, CR, nor U+FFFE/U+FFFF or lone surrogates; DEL
// and the C1 controls are legal XML but Word refuses them in text, so they go too.
const ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** Line breaks to `\n` (CRLF, CR, LS, PS, NEL), then characters XML cannot hold dropped and reported. */
export function normaliseMergeText(value: string): NormalisedText {
  const unified = value.replace(LINE_BREAKS, '\n');
  const dropped: DroppedChar[] = [];
  const text = unified.replace(ILLEGAL, (ch: string, index: number) => {
    dropped.push({ codePoint: `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, index });
    return '';
  });
  return { text, dropped };
}

/** Escapes text for an XML element's content or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * The content of one `<w:r>` for normalised text: `<w:t>` pieces with `<w:br/>` for line breaks and
 * `<w:tab/>` for tabs. Empty text gives an empty string.
 */
export function textRunContent(text: string): string {
  let out = '';
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out += '<w:br/>';
    line.split('\t').forEach((piece, j) => {
      if (j > 0) out += '<w:tab/>';
      if (piece) out += `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
    });
  });
  return out;
}

/** A complete run with the given run properties (`<w:rPr>…</w:rPr>` or ''). */
export function textRun(text: string, rPr = ''): string {
  const content = textRunContent(text);
  return content ? `<w:r>${rPr}${content}</w:r>` : '';
}
