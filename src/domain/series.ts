// Number series (BC's No. Series, simplified): a pattern such as SEG00001 is a prefix and a run of
// digits; the next number increments the digits and keeps their width.
import { SegmentsError } from './errors';

export function splitSeries(no: string): { prefix: string; digits: string } | undefined {
  const m = /^(.*?)(\d+)$/.exec(no);
  return m ? { prefix: m[1], digits: m[2] } : undefined;
}

/** The number after `last` (SEG00009 → SEG00010); error when it has no digits to increment. */
export function incrementNo(last: string): string {
  const parts = splitSeries(last);
  if (!parts)
    throw new SegmentsError('INVALID_INPUT', `The number "${last}" has no digits to increment`, { field: 'no' });
  const next = (BigInt(parts.digits) + 1n).toString();
  const padded = next.padStart(parts.digits.length, '0');
  const no = parts.prefix + padded;
  if (no.length > 20)
    throw new SegmentsError('INVALID_INPUT', `The number series is exhausted after "${last}"`, { field: 'no' });
  return no;
}

/** The first number a series pattern issues is the pattern itself (SEG00001). */
export function firstNo(pattern: string): string {
  if (!splitSeries(pattern))
    throw new SegmentsError('INVALID_INPUT', `The number series "${pattern}" must end with digits, e.g. SEG00001`, {
      field: 'series',
    });
  return pattern;
}

/**
 * The next number of a series: after `lastNo` when it belongs to the pattern's prefix and is not below
 * the pattern, else the pattern itself.
 */
export function nextNo(pattern: string, lastNo: string | undefined): string {
  const p = splitSeries(firstNo(pattern))!;
  if (lastNo) {
    const l = splitSeries(lastNo);
    if (l && l.prefix === p.prefix && BigInt(l.digits) >= BigInt(p.digits)) return incrementNo(lastNo);
  }
  return pattern;
}
