import * as z from 'zod/mini';
import { storedString, storedTextProblem, textProblemMessage } from './text';

// Field types with Business Central's lengths: a longer value is rejected, never cut.
// Every text follows the one text rule of text.ts (no NUL, no lone surrogate, no C0 control but tab and
// line breaks): such characters cannot live in XML (letters), in BC text nor in PostgreSQL's jsonb.
const LINE_BREAK = /[\r\n]/;

function text(max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : `must be text, got ${describe(iss.input)}`) })
    .check(
      z.maxLength(max, {
        error: (iss) => `is longer than ${max} characters (${String((iss.input as string).length)})`,
      }),
      z.refine((s) => storedTextProblem(s) === undefined, {
        error: (iss) => textProblemMessage(storedTextProblem(String(iss.input)) ?? 'control'),
      }),
      z.refine((s) => opts.multiline || !LINE_BREAK.test(s), { error: 'contains a line break' }),
    );
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return typeof v;
}

/** Codes and numbers: up to 20 characters (BC Code[20]). */
export const code20 = text(20);
/** Names and descriptions: up to 100 characters (BC Text[100]). */
export const text100 = text(100);
/** Longer free text (subjects, comments). */
export const text250 = text(250);
export const comment = text(2048, { multiline: true });
export const email80 = text(80).check(
  z.refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'is not an e-mail address' }),
);
export const isoDate = storedString().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' }),
  z.refine((s) => isValidIsoDate(s), { error: 'is not a real date' }),
);
export const isoDateOrBlank = z.union([z.literal(''), isoDate]);
export const isoTime = storedString().check(z.regex(/^\d{2}:\d{2}:\d{2}$/, { error: 'must be a time as HH:MM:SS' }));
/** A number: zod's number already refuses NaN and the infinities. */
export const amount = z.number({ error: 'must be a number' });
export const nonNegative = amount.check(z.minimum(0, { error: 'must not be negative' }));
export const ulid = storedString().check(z.minLength(1));

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Fields every stored record carries (segments.md, section 2). */
export const recordBase = {
  id: ulid,
  createdAt: storedString(),
  updatedAt: storedString(),
};
