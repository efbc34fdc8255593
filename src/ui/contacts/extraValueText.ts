// A value of an imported column as the user reads it: numbers and dates in the user's format, Yes or No.
import type { ExtraValue } from '../../domain/contact';
import type { Translate } from '../common/i18n';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function extraValueText(
  i18n: {
    t: Translate;
    formatNumber(n: number, opts?: Intl.NumberFormatOptions): string;
    formatDate(iso: string): string;
  },
  v: ExtraValue,
): string {
  if (typeof v === 'boolean') return i18n.t(v ? 'common.yes' : 'common.no');
  // As many digits as the number holds (a double's 15, as Excel keeps them), not Intl's default three
  // decimals; grouped as BC shows a number (1.234.567,89), but not at four digits: a year 2015 is not 2.015.
  if (typeof v === 'number') return i18n.formatNumber(v, { maximumSignificantDigits: 15, useGrouping: 'min2' });
  // A sheet's date cell is kept as its ISO date (sheetCells.extraOfCell).
  return isIsoDate(v) ? i18n.formatDate(v) : v;
}

/** A real calendar date written YYYY-MM-DD (not 2024-02-30). */
function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
